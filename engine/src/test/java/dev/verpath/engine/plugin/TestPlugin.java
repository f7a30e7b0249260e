package dev.verpath.engine.plugin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a real plugin archive in a test folder: Java sources compiled against the test class path (rules-api,
 * PF4J, Jackson), {@code META-INF/extensions.idx}, and a PF4J descriptor, packed as a plugin jar or as PF4J's
 * zip layout ({@code plugin.properties}, {@code classes/}). Nothing of it is on the test class path.
 */
final class TestPlugin {

    private final String id;
    private String version = "1.0.0";
    private String requires = ">=2.0.0 <3.0.0";
    private String pf4jRequires;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> extensions = new ArrayList<>();
    private final Map<String, String> extraFiles = new LinkedHashMap<>();

    private TestPlugin(String id) {
        this.id = id;
    }

    static TestPlugin named(String id) {
        return new TestPlugin(id);
    }

    TestPlugin version(String text) {
        this.version = text;
        return this;
    }

    /** The rules-api range in Verpath-Rules-Api (plugin.requires of a zip); null leaves it out. */
    TestPlugin requires(String range) {
        this.requires = range;
        return this;
    }

    /** PF4J's own Plugin-Requires of a jar; null (the default) leaves it out. */
    TestPlugin pf4jRequires(String range) {
        this.pf4jRequires = range;
        return this;
    }

    /** Adds a class; an extension when {@code extension} is true (listed in extensions.idx). */
    TestPlugin source(String className, String code, boolean extension) {
        sources.put(className, code);
        if (extension) {
            extensions.add(className);
        }
        return this;
    }

    /** Adds a rule set made by {@link #ruleSet}. */
    TestPlugin ruleSet(String className, String code) {
        return source(className, code, true);
    }

    /** Adds a file to the archive as it is, e.g. a class file of the rules API. */
    TestPlugin file(String path, String content) {
        extraFiles.put(path, content);
        return this;
    }

    /** Writes {@code <id>-<version>.jar} into the folder. */
    Path jar(Path folder) throws IOException {
        Path classes = compile();
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", id);
        main.putValue("Plugin-Version", version);
        if (requires != null) {
            main.putValue("Verpath-Rules-Api", requires);
        }
        if (pf4jRequires != null) {
            main.putValue("Plugin-Requires", pf4jRequires);
        }
        Files.createDirectories(folder);
        Path jar = folder.resolve(id + "-" + version + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (Map.Entry<String, byte[]> entry : tree(classes).entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Writes {@code <id>-<version>.zip} in PF4J's zip layout into the folder. */
    Path zip(Path folder) throws IOException {
        Path classes = compile();
        StringBuilder properties = new StringBuilder("plugin.id=" + id + "\nplugin.version=" + version + "\n");
        if (requires != null) {
            properties.append("plugin.requires=").append(requires).append('\n');
        }
        Files.createDirectories(folder);
        Path zip = folder.resolve(id + "-" + version + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("plugin.properties"));
            out.write(properties.toString().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            for (Map.Entry<String, byte[]> entry : tree(classes).entrySet()) {
                out.putNextEntry(new ZipEntry("classes/" + entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    private Path compile() throws IOException {
        Path work = Files.createTempDirectory("test-plugin-" + id);
        Path src = work.resolve("src");
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-proc:none", "-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path"), "--release", "17", "-Xlint:none"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        if (!sources.isEmpty()) {
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int rc = compiler.run(null, errors, errors, args.toArray(String[]::new));
            if (rc != 0) {
                throw new IllegalStateException("test plugin " + id + " does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
            }
        }
        Path index = classes.resolve("META-INF/extensions.idx");
        Files.createDirectories(index.getParent());
        try (Writer out = Files.newBufferedWriter(index)) {
            for (String extension : extensions) {
                out.write(extension + "\n");
            }
        }
        for (Map.Entry<String, String> file : extraFiles.entrySet()) {
            Path target = classes.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        return classes;
    }

    private static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    /**
     * The source of a rule set with one config rule.
     *
     * @param className   the fully qualified class name
     * @param setId       the rule set id
     * @param declares    the product it declares, or null when it only adds an edge
     * @param ruleId      the rule id
     * @param from        the edge's origin
     * @param to          the edge's target
     * @param applyBody   the body of {@code apply(RuleContext context)}
     * @param staticBlock statements of the class's static initializer (may be empty)
     * @return the source
     */
    static String ruleSet(String className, String setId, String declares, String ruleId, String from, String to,
                          String applyBody, String staticBlock) {
        int dot = className.lastIndexOf('.');
        String product = declares != null ? declares : "gadget";
        String products = declares == null ? "List.of()"
                : "List.of(new Product(\"" + declares + "\", \"A test product.\", \"gadget.conf\", \"data\", \"models\"))";
        return "package " + className.substring(0, dot) + ";\n"
                + "import dev.verpath.rules.*;\nimport java.util.List;\n"
                + "public class " + className.substring(dot + 1) + " implements RuleSet {\n"
                + "  static {\n" + staticBlock + "\n  }\n"
                + "  public String id() { return \"" + setId + "\"; }\n"
                + "  public List<Product> products() { return " + products + "; }\n"
                + "  public List<MigrationRule> rules() { return List.of(new Rule()); }\n"
                + "  static final class Rule implements FileRule {\n"
                + "    public RuleDescriptor descriptor() {\n"
                + "      return new RuleDescriptor(\"" + ruleId + "\", \"Test rule\", \"Changes the test config.\", \"" + product
                + "\", \"" + from + "\", \"" + to + "\", RuleKind.CONFIG, List.of(), false, \"1\", List.of(\"gadget.conf\"));\n"
                + "    }\n"
                + "    public void apply(RuleContext context) throws java.io.IOException {\n" + applyBody + "\n    }\n"
                + "  }\n"
                + "}\n";
    }

    /** A statement that writes a file, for canaries: proves code of the plugin ran when the file exists. */
    static String writes(Path file) {
        return "try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + file.toString().replace("\\", "\\\\")
                + "\"), \"ran\"); } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }";
    }

    /** Writes a text file into a folder, for building installations. */
    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
