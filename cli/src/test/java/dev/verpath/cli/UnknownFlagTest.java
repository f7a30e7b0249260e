package dev.verpath.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code [flags]} entry that no loaded rule set declares (a misspelling) used to be ignored without a word; it
 * is a usage error naming the file and the line, or only a note while plugins are off.
 */
class UnknownFlagTest {

    @TempDir
    Path work;

    private Path root;
    private Path config;

    @BeforeEach
    void install() throws Exception {
        root = work.resolve("inst");
        Files.createDirectories(root);
        DemoInstallation.write(root);
        config = Files.writeString(work.resolve("migration_config.toml"), "[flags]\nWAN_ENABLE_LEGACY_FALBACK = \"true\"\n");
    }

    @Test
    void anUndeclaredFlagIsAUsageErrorNamingTheFileAndLine() {
        CommandRun run = CommandRun.of("--migration-config", config.toString(), "status", "--path", root.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("migrate: " + config + ":2: unknown flag WAN_ENABLE_LEGACY_FALBACK;"
                + " no loaded rule set declares a flag; fix the name there ('migrate plugins list' shows the flags each"
                + " plugin declares)");
    }

    @Test
    void withoutPluginsAnUndeclaredFlagIsOnlyNoted() {
        CommandRun run = CommandRun.of("--migration-config", config.toString(), "--no-plugins", "status", "--path",
                root.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.errLines()).containsExactly("note: " + config + ":2: flag WAN_ENABLE_LEGACY_FALBACK is declared by no"
                + " loaded rule set and is ignored; plugins are off (--no-plugins)");
    }
}
