package dev.verpath.engine.plugin;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.settings.SettingsLoader;
import dev.verpath.rules.Fault;
import dev.verpath.rules.MigrationException;
import dev.verpath.testsupport.PluginArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static dev.verpath.testsupport.RuleSetSource.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Plugins whose rules fail at run time, loaded from real jars: the step fails with exit code 1, the error
 * names the plugin and the rule, and the installation keeps every byte and mode.
 */
class PluginRuntimeFailureTest {

    @TempDir
    Path dir;

    private Path plugins;
    private Path installation;

    @BeforeEach
    void gadgetAtVersionTwo() throws IOException {
        plugins = dir.resolve("plugins");
        installation = dir.resolve("gadget");
        PluginArchive.named("gadget").ruleSet("test.gadget.Rules", ruleSet("test.gadget.Rules", "gadget-rules", "gadget",
                "gadget.config", "1.0.0", "2.0.0", "context.workspace().writeString(\"gadget.conf\", \"v2\\n\");", ""))
                .jar(plugins);
        PluginArchive.write(installation.resolve("VERSION"), "gadget 2.0.0\n");
        PluginArchive.write(installation.resolve("gadget.conf"), "v2\n");
        PluginArchive.write(installation.resolve("data/records.jsonl"), "{\"a\":1}\n");
    }

    private void plugin(String id, String applyBody) throws IOException {
        String cls = "test." + id + ".Rules";
        PluginArchive.named(id).ruleSet(cls, ruleSet(cls, id + "-rules", null, id + ".config", "2.0.0", "3.0.0", applyBody, ""))
                .jar(plugins);
    }

    private RunResult migrate(long timeoutSeconds) {
        LoadedRules rules = new RuleSetLoader(Optional.empty(), Map.of()).load(List.of(plugins));
        assertThat(rules.refused()).isEmpty();
        MigrationEngine engine = MigrationEngine.create(rules.registry(),
                new SettingsLoader(Map.of()).load(Optional.empty(), Map.of("global.timeout_seconds", Long.toString(timeoutSeconds))));
        return engine.migrate(new RunRequest(Scope.VERSION, installation, Optional.empty(), Optional.empty(), Optional.of("3.0.0"),
                false, false, true, false), line -> { });
    }

    private MigrationException failure(long timeoutSeconds) {
        return catchThrowableOfType(MigrationException.class, () -> migrate(timeoutSeconds));
    }

    @Test
    void aRuleThatThrowsFailsTheStepNamingPluginAndRule() throws IOException {
        plugin("boom", "context.workspace().writeString(\"gadget.conf\", \"half\\n\"); throw new IllegalStateException(\"boom\");");
        SortedMap<String, String> before = signature(installation);

        MigrationException e = failure(60);

        assertThat(ErrorCode.of(e)).isEqualTo(ErrorCode.RULE_BUG);
        assertThat(e.fault()).isEqualTo(Fault.RULE);
        assertThat(e).hasMessageStartingWith("rule boom.config of plugin boom@1.0.0 failed: boom;")
                .hasMessageContaining("the installation is unchanged")
                .hasMessageEndingWith("this is a bug in the rule, not in your data: report it to the rule's authors");
        assertThat(signature(installation)).isEqualTo(before);
    }

    @Test
    void aRuleThatWritesOutsideTheRootFailsTheStepNamingPluginAndRule() throws IOException {
        plugin("escape", "context.workspace().writeString(\"gadget.conf\", \"v3\\n\");"
                + " context.workspace().writeString(\"../escaped.txt\", \"out\");");
        SortedMap<String, String> before = signature(installation);

        MigrationException e = failure(60);

        assertThat(ErrorCode.of(e)).isEqualTo(ErrorCode.RULE_BUG);
        assertThat(e).hasMessageStartingWith("rule escape.config of plugin escape@1.0.0 failed: ../escaped.txt: path has an"
                + " empty, '.' or '..' segment").hasMessageEndingWith("report it to the rule's authors");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
        assertThat(signature(installation)).isEqualTo(before);
    }

    @Test
    void aRuleThatWritesToAnAbsolutePathFailsTheStep() throws IOException {
        Path outside = dir.resolve("absolute.txt");
        plugin("absolute", "context.workspace().writeString(\"" + outside.toString().replace("\\", "/") + "\", \"out\");");
        SortedMap<String, String> before = signature(installation);

        MigrationException e = failure(60);

        assertThat(ErrorCode.of(e)).isEqualTo(ErrorCode.RULE_BUG);
        assertThat(e).hasMessageContaining("path is not relative to the installation root")
                .hasMessageStartingWith("rule absolute.config of plugin absolute@1.0.0 failed: ");
        assertThat(outside).doesNotExist();
        assertThat(signature(installation)).isEqualTo(before);
    }

    @Test
    void aRuleThatHangsPastTheTimeoutFailsTheStepNamingPluginAndRule() throws IOException {
        plugin("hang", "context.workspace().writeString(\"gadget.conf\", \"v3\\n\");"
                + " while (true) { try { Thread.sleep(60_000); } catch (InterruptedException e) { /* hangs on */ } }");
        SortedMap<String, String> before = signature(installation);

        MigrationException e = failure(1);

        assertThat(ErrorCode.of(e)).isEqualTo(ErrorCode.RULE_FAILED);
        // the rule swallows every interrupt: after the grace period it is fenced off, and the message says so
        assertThat(e).hasMessageStartingWith("the migration ran past global.timeout_seconds (1 s) while running rule hang.config"
                + " of plugin hang@1.0.0 in step 1/1 (2.0.0 -> 3.0.0); it did not stop when interrupted and was fenced off")
                .hasMessageContaining("the installation is unchanged");
        assertThat(signature(installation)).isEqualTo(before);
    }

    @Test
    void aFailingValidationOfAPluginRollsTheStepBackNamingPluginAndValidation() throws IOException {
        String source = "package test.strict;\n"
                + "import dev.verpath.rules.*;\nimport java.util.List;\n"
                + "public class Rules implements RuleSet {\n"
                + "  public String id() { return \"strict-rules\"; }\n"
                + "  public List<MigrationRule> rules() { return List.of(); }\n"
                + "  public List<ValidationRule> validations() { return List.of(new ValidationRule() {\n"
                + "    final ValidationDescriptor d = new ValidationDescriptor(\"strict.v3\", \"Strict\", \"Wants v4.\", \"gadget\","
                + " \"3.0.0\", ValidationCategory.SCHEMA, Severity.ERROR);\n"
                + "    public ValidationDescriptor descriptor() { return d; }\n"
                + "    public List<Finding> check(ValidationContext c) {\n"
                + "      return List.of(Finding.of(d, \"gadget.conf\", \"line 1\", \"not v4\", \"write v4\"));\n"
                + "    }\n"
                + "  }); }\n"
                + "}\n";
        PluginArchive.named("strict").ruleSet("test.strict.Rules", source).jar(plugins);
        plugin("good", "context.workspace().writeString(\"gadget.conf\", \"v3\\n\");");
        SortedMap<String, String> before = signature(installation);

        MigrationException e = failure(60);

        assertThat(ErrorCode.of(e)).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e).hasMessageStartingWith("gadget.conf:1: not v4 (validation strict.v3 of plugin strict@1.0.0 after step"
                + " 2.0.0 -> 3.0.0); the installation is unchanged; write v4");
        assertThat(signature(installation)).isEqualTo(before);
    }

    @Test
    void aWellBehavedPluginRuleMigratesTheSameInstallation() throws IOException {
        plugin("good", "context.workspace().writeString(\"gadget.conf\", \"v3\\n\");");

        RunResult result = migrate(60);

        assertThat(result.plan().to()).isEqualTo("3.0.0");
        assertThat(installation.resolve("gadget.conf")).hasContent("v3");
        assertThat(installation.resolve("VERSION")).hasContent("gadget 3.0.0");
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Type, mode and content hash of every entry but the engine's state folder. */
    static SortedMap<String, String> signature(Path root) throws IOException {
        SortedMap<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.equals(".migrate") || rel.startsWith(".migrate/")) {
                    continue;
                }
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                entries.put(rel, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir " + mode
                        : "file " + mode + " " + sha256(Files.readAllBytes(p)));
            }
        }
        return entries;
    }
}
