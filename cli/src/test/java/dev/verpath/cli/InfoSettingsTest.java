package dev.verpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/** {@code migrate info --json} lists every effective setting with its value and where it came from. */
class InfoSettingsTest {

    /** Documented as comments: no hook and no health check unless the operator writes one. */
    private static final Set<String> COMMENTED_OUT = Set.of("hooks.before_run", "hooks.before_commit",
            "hooks.after_commit", "hooks.after_rollback", "hooks.on_failure", "health.command");

    @TempDir
    Path temp;

    private static Map<String, JsonNode> settings(CommandRun run) {
        assertThat(run.exit()).as(run.err()).isZero();
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        run.json().get("settings").forEach(s -> byKey.put(s.get("key").asText(), s));
        return byKey;
    }

    @Test
    void everyKeyOfTheDistributedConfigIsListedAndNothingUndocumented() throws IOException {
        TomlParseResult documented = Toml.parse(Path.of("..", "migration_config.toml"));
        Set<String> keys = new TreeSet<>();
        documented.dottedKeySet().forEach(keys::add);

        Map<String, JsonNode> listed = settings(CommandRun.of("--json", "info", "--from", "1.0.0", "--to", "2.1.0"));

        assertThat(listed.keySet()).containsAll(keys);
        assertThat(listed.keySet().stream().filter(k -> !k.startsWith("flags.") && !k.startsWith("plugins.allow")
                && !k.startsWith("plugins.prefer") && !COMMENTED_OUT.contains(k)))
                .allMatch(keys::contains, "documented in migration_config.toml");
        String text = Files.readString(Path.of("..", "migration_config.toml"));
        COMMENTED_OUT.forEach(k -> assertThat(text).contains("\n# " + k.substring(k.indexOf('.') + 1) + " = "));
        assertThat(listed.get("backup.auto_prune").get("value").asText()).isEqualTo("true");
        assertThat(listed.get("backup.keep_days").get("source").asText()).isEqualTo("default");
    }

    @Test
    void theVersionGraphIsKeptInTheCacheOfTheCommandsOwnEnvironment() {
        CommandRun run = CommandRun.of(Map.of("HOME", temp.toString()), "info", "--from", "1.0.0", "--to", "2.1.0");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(temp.resolve(".cache/verpath/graphs")).as("the environment the command was given, not the JVM's")
                .isDirectory();
    }

    @Test
    void eachSettingSaysItsSource() throws IOException {
        Path config = temp.resolve("migration_config.toml");
        Files.writeString(config, "[backup]\nkeep_days = 7\n");

        Map<String, JsonNode> listed = settings(CommandRun.of(Map.of("MIGRATE_PLUGINS_DIR", temp.toString()), "--json",
                "--migration-config", config.toString(), "--backup-dir", temp.resolve("b").toString(), "info", "--from",
                "1.0.0", "--to", "2.1.0"));

        assertThat(listed.get("backup.dir").get("source").asText()).isEqualTo("option");
        assertThat(listed.get("plugins.dir").get("source").asText()).isEqualTo("environment MIGRATE_PLUGINS_DIR");
        assertThat(listed.get("backup.keep_days").get("value").asText()).isEqualTo("7");
        assertThat(listed.get("backup.keep_days").get("source").asText()).isEqualTo(config.toString());
        assertThat(listed.get("backup.keep_last").get("source").asText()).isEqualTo("default");
    }
}
