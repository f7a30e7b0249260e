package dev.verpath.cli;

import java.nio.file.Path;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command that writes an installation or its state refuses one on a network file system unless
 * {@code --allow-network-fs}; commands that only read go ahead. No network mount can be made here, so the
 * engine's test-only property {@code verpath.test.fs-type} stands in for the detected type.
 */
class NetworkFileSystemTest {

    @TempDir
    Path root;

    private String backupId;

    @BeforeEach
    void migrateOnceOnALocalDisk() {
        DemoInstallation.write(root);
        CommandRun first = CommandRun.of("--json", "version", "--path", root.toString(), "--to", "1.0.0");
        assertThat(first.exit()).as(first.err()).isZero();
        backupId = first.json().path("backupId").asText();
        System.setProperty("verpath.test.fs-type", "fuse.sshfs");
    }

    @AfterEach
    void localAgain() {
        System.clearProperty("verpath.test.fs-type");
    }

    private String[] command(String name) {
        String r = root.toString();
        return switch (name) {
            case "version" -> new String[] {"version", "--path", r, "--to", "2.1.0"};
            case "config" -> new String[] {"config", "--config", root.resolve("config/server.toml").toString(), "--from", "1.0.0", "--to", "2.0.0"};
            case "data" -> new String[] {"data", "--data-path", root.resolve("data").toString(), "--from", "1.0.0", "--to", "2.0.0"};
            case "models" -> new String[] {"models", "--models-path", root.resolve("models").toString(), "--from", "1.0.0", "--to", "2.0.0"};
            case "rollback" -> new String[] {"rollback", "--path", r, "--yes"};
            case "rollback-id" -> new String[] {"rollback", "--path", r, "--backup-id", backupId, "--yes"};
            case "prune" -> new String[] {"backups", "prune", "--path", r, "--yes"};
            case "repair" -> new String[] {"validate", "--path", r, "--repair"};
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"version", "config", "data", "models", "rollback", "rollback-id", "prune", "repair"})
    void everyWritingCommandIsRefusedBeforeItsFirstWrite(String name) {
        SortedMap<String, String> before = TreeSignature.of(root);

        CommandRun run = CommandRun.of(command(name));

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("on a network file system (fuse.sshfs)").contains("--allow-network-fs")
                .contains(root.toString());
        assertThat(TreeSignature.of(root)).isEqualTo(before);
    }

    @Test
    void readingCommandsGoAheadAndTheFlagLetsWritersThrough() {
        assertThat(CommandRun.of("status", "--path", root.toString()).exit()).isZero();
        assertThat(CommandRun.of("info", "--path", root.toString(), "--to", "2.1.0").exit()).isZero();
        assertThat(CommandRun.of("backups", "list", "--path", root.toString()).exit()).isZero();
        assertThat(CommandRun.of("backups", "verify", "--path", root.toString()).exit()).isZero();

        CommandRun allowed = CommandRun.of("--allow-network-fs", "rollback", "--path", root.toString(), "--yes");
        assertThat(allowed.exit()).as(allowed.err()).isZero();
    }
}
