package dev.verpath.testsupport;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Java sources of small rule sets for {@link PluginArchive}: text only, compiled when the archive is written, so
 * this module needs none of the types they use.
 */
public final class RuleSetSource {

    private RuleSetSource() {
    }

    /**
     * The source of a rule set with one config rule on the test product {@code gadget} (config file
     * {@code gadget.conf}).
     *
     * @param className   the fully qualified class name
     * @param setId       the rule set id
     * @param declares    the product it declares, or null when it only adds an edge to {@code gadget}
     * @param ruleId      the rule id
     * @param from        the edge's origin
     * @param to          the edge's target
     * @param applyBody   the body of {@code apply(RuleContext context)}
     * @param staticBlock statements of the class's static initializer (may be empty)
     * @return the source
     */
    public static String ruleSet(String className, String setId, String declares, String ruleId, String from, String to,
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

    /**
     * Writes {@code <id>.jar} into a folder: a plugin whose rule set {@code <id>-rules} adds one config rule,
     * {@code <id>.config}, to an edge of the built-in product {@code serve}; the rule appends a comment line to
     * {@code config/server.toml}.
     *
     * @param folder   the plugin folder, made when missing
     * @param id       the plugin id
     * @param requires the rules-api range the plugin states
     * @param from     the edge's origin
     * @param to       the edge's target
     * @return the jar
     * @throws IOException when a file cannot be written
     */
    public static Path serveEdgeJar(Path folder, String id, String requires, String from, String to) throws IOException {
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
        return PluginArchive.named(id).requires(requires).ruleSet(pkg + ".Rules", source).jarAt(folder.resolve(id + ".jar"));
    }

    /**
     * A statement that writes a file, for canaries: the file exists once code of the plugin ran.
     *
     * @param file the canary file
     * @return the statement
     */
    public static String writes(Path file) {
        return "try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + file.toString().replace("\\", "\\\\")
                + "\"), \"ran\"); } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }";
    }
}
