package dev.verpath.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.ToolProvider;

/**
 * Builds a real plugin archive in a test folder, for tests that load plugins through the real PF4J manager:
 * Java sources compiled with {@code javax.tools} against the test's class path (rules-api, PF4J, Jackson), their
 * {@code META-INF/extensions.idx}, and a PF4J descriptor, packed as a plugin jar (descriptor in the manifest) or in
 * PF4J's zip layout ({@code plugin.properties}, {@code classes/}). Nothing of it is on the test's class path.
 *
 * <p>Not thread-safe; each archive written is compiled afresh, so one builder may write several archives.
 */
public final class PluginArchive {

    private final String id;
    private String version = "1.0.0";
    private Optional<String> requires = Optional.of(">=2.0.0 <3.0.0");
    private Optional<String> pf4jRequires = Optional.empty();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> extensions = new ArrayList<>();
    private final Map<String, String> extraFiles = new LinkedHashMap<>();

    private PluginArchive(String id) {
        this.id = id;
    }

    /**
     * A plugin with no classes yet, version {@code 1.0.0}, for rules-api {@code >=2.0.0 <3.0.0}.
     *
     * @param id the plugin id (PF4J's {@code Plugin-Id})
     * @return the builder
     */
    public static PluginArchive named(String id) {
        return new PluginArchive(id);
    }

    /**
     * @param text the plugin version (PF4J's {@code Plugin-Version})
     * @return this builder
     */
    public PluginArchive version(String text) {
        this.version = text;
        return this;
    }

    /**
     * @param range the rules-api range, written as {@code Verpath-Rules-Api} of a jar ({@code plugin.requires} of a zip)
     * @return this builder
     */
    public PluginArchive requires(String range) {
        this.requires = Optional.of(range);
        return this;
    }

    /** @return this builder, stating no rules-api range at all */
    public PluginArchive withoutRequires() {
        this.requires = Optional.empty();
        return this;
    }

    /**
     * @param range PF4J's own {@code Plugin-Requires} of a jar (left out unless given)
     * @return this builder
     */
    public PluginArchive pf4jRequires(String range) {
        this.pf4jRequires = Optional.of(range);
        return this;
    }

    /**
     * Adds a class that is not an extension.
     *
     * @param className the fully qualified class name
     * @param code      its Java source
     * @return this builder
     */
    public PluginArchive source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /**
     * Adds a rule set (or any other extension): a class listed in {@code META-INF/extensions.idx}.
     *
     * @param className the fully qualified class name
     * @param code      its Java source, e.g. one {@link RuleSetSource} writes
     * @return this builder
     */
    public PluginArchive ruleSet(String className, String code) {
        extensions.add(className);
        return source(className, code);
    }

    /**
     * Adds a file to the archive as it is, e.g. a fake class file of the rules API.
     *
     * @param path    its path in the archive (under {@code classes/} of a zip)
     * @param content its text
     * @return this builder
     */
    public PluginArchive file(String path, String content) {
        extraFiles.put(path, content);
        return this;
    }

    /**
     * Writes the plugin jar {@code <id>-<version>.jar} into a folder.
     *
     * @param folder the folder, made when missing
     * @return the jar
     * @throws IOException when a file cannot be written
     * @throws IllegalStateException when a source does not compile
     */
    public Path jar(Path folder) throws IOException {
        return jarAt(folder.resolve(id + "-" + version + ".jar"));
    }

    /**
     * Writes the plugin jar under a name of the test's choosing.
     *
     * @param jar the jar to write; its folder is made when missing
     * @return the jar
     * @throws IOException when a file cannot be written
     * @throws IllegalStateException when a source does not compile
     */
    public Path jarAt(Path jar) throws IOException {
        Map<String, byte[]> classes = compile();
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", id);
        main.putValue("Plugin-Version", version);
        requires.ifPresent(r -> main.putValue("Verpath-Rules-Api", r));
        pf4jRequires.ifPresent(r -> main.putValue("Plugin-Requires", r));
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * Writes {@code <id>-<version>.zip} in PF4J's zip layout into a folder.
     *
     * @param folder the folder, made when missing
     * @return the zip
     * @throws IOException when a file cannot be written
     * @throws IllegalStateException when a source does not compile
     */
    public Path zip(Path folder) throws IOException {
        Map<String, byte[]> classes = compile();
        StringBuilder properties = new StringBuilder("plugin.id=" + id + "\nplugin.version=" + version + "\n");
        requires.ifPresent(r -> properties.append("plugin.requires=").append(r).append('\n'));
        Files.createDirectories(folder);
        Path zip = folder.resolve(id + "-" + version + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("plugin.properties"));
            out.write(properties.toString().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
                out.putNextEntry(new ZipEntry("classes/" + entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    /**
     * A file's SHA-256, as {@code migrate plugins list} prints it and {@code [plugins] allow} pins it.
     *
     * @param file the file
     * @return 64 lower-case hex digits
     * @throws IOException when the file cannot be read
     */
    public static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /**
     * Writes a text file, making its folders, for building installations around a plugin.
     *
     * @param file the file
     * @param text its content
     */
    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles the sources and lays out the archive's files: its classes, extensions.idx and the extra files. */
    private Map<String, byte[]> compile() throws IOException {
        Path work = Files.createTempDirectory("test-plugin-" + id);
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-proc:none", "-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path"), "--release", "17", "-Xlint:none"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = work.resolve("src").resolve(source.getKey().replace('.', '/') + ".java");
            write(file, source.getValue());
            args.add(file.toString());
        }
        if (!sources.isEmpty()) {
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            if (ToolProvider.getSystemJavaCompiler().run(null, errors, errors, args.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("test plugin " + id + " does not compile:\n"
                        + errors.toString(StandardCharsets.UTF_8));
            }
        }
        Path index = Files.createDirectories(classes.resolve("META-INF")).resolve("extensions.idx");
        try (Writer out = Files.newBufferedWriter(index)) {
            for (String extension : extensions) {
                out.write(extension + "\n");
            }
        }
        extraFiles.forEach((path, content) -> write(classes.resolve(path), content));
        return tree(classes);
    }

    private static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
