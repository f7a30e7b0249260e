package dev.verpath.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Writes a real plugin jar into a test folder: one rule set adding a config rule to an edge of {@code serve},
 * compiled against the test class path, with its extensions.idx and PF4J manifest. Not on the class path.
 */
final class PluginJar {

    private PluginJar() {
    }

    static Path serveEdge(Path folder, String id, String requires, String from, String to) throws IOException {
        String pkg = "test." + id.replace('-', '_');
        String source = "package " + pkg + ";\n"
                + "import dev.verpath.rules.*;\nimport java.util.List;\n"
                + "public class Rules implements RuleSet {\n"
                + "  public String id() { return \"" + id + "-rules\"; }\n"
                + "  public List<MigrationRule> rules() { return List.of(new Rule()); }\n"
                + "  static final class Rule implements FileRule {\n"
                + "    public RuleDescriptor descriptor() {\n"
                + "      return new RuleDescriptor(\"" + id + ".config\", \"Hotfix config\", \"Adds a key.\", \"serve\", \"" + from
                + "\", \"" + to + "\", RuleKind.CONFIG, List.of(), false, \"1\", List.of(\"config/server.toml\"));\n"
                + "    }\n"
                + "    public void apply(RuleContext context) throws java.io.IOException {\n"
                + "      context.workspace().writeString(\"config/server.toml\", context.workspace().readString(\"config/server.toml\")"
                + " + \"\\n# hotfix\\n\");\n"
                + "    }\n"
                + "  }\n"
                + "}\n";
        Path work = Files.createTempDirectory("plugin-jar-" + id);
        Path file = work.resolve("src/" + pkg.replace('.', '/') + "/Rules.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path classes = Files.createDirectories(work.resolve("classes"));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, errors, errors, "-proc:none", "-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path"), "--release", "17", file.toString());
        if (rc != 0) {
            throw new IllegalStateException(errors.toString(StandardCharsets.UTF_8));
        }
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/extensions.idx"), pkg + ".Rules\n");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Plugin-Id", id);
        manifest.getMainAttributes().putValue("Plugin-Version", "1.0.0");
        manifest.getMainAttributes().putValue("Verpath-Rules-Api", requires);
        Files.createDirectories(folder);
        Path jar = folder.resolve(id + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
        return jar;
    }

    static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
