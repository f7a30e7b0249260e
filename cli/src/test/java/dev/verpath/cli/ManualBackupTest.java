package dev.verpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate backups create}: a backup taken by hand (as the WAN guide's create-rollback), of chosen files or of
 * the whole installation, listed with what it holds and restored by {@code rollback}: chosen files put back alone,
 * every other file left as it is, and never into another version.
 */
class ManualBackupTest {

    @TempDir
    Path work;

    private static String lastLine(String err) {
        return err.lines().filter(l -> l.startsWith("migrate: ")).reduce((a, b) -> b).orElse("");
    }

    @Test
    void aBackupOfChosenFilesPutsBackOnlyThemAndLeavesTheRestAsItIs() throws IOException {
        ServeFixture inst = ServeFixture.clean(work.resolve("inst"));
        String config = Files.readString(inst.root().resolve("config/server.toml"));
        String records = Files.readString(inst.root().resolve("data/requests.jsonl"));

        CommandRun created = CommandRun.of("--json", "backups", "create", "--path", inst.arg(), "config/server.toml");

        assertThat(created.exit()).as(created.err()).isZero();
        JsonSchemas.assertConforms(created, "backups-create");
        String id = created.json().path("backupId").asText();
        assertThat(created.json().path("version").asText()).isEqualTo("1.0.0");
        assertThat(created.json().path("scope").toString()).isEqualTo("[\"config/server.toml\"]");
        CommandRun listed = CommandRun.of("backups", "list", "--path", inst.arg());
        assertThat(listed.out()).contains(id + " was taken by hand and holds only config/server.toml");

        Files.writeString(inst.root().resolve("config/server.toml"), "edited by hand = true\n");
        Files.writeString(inst.root().resolve("data/requests.jsonl"), records + "{\"id\":\"added later\"}\n");
        Files.writeString(inst.root().resolve("config/extra.toml"), "new = 1\n");
        CommandRun rolled = CommandRun.of("rollback", "--path", inst.arg(), "--backup-id", id, "--yes");

        assertThat(rolled.exit()).as(rolled.err()).isZero();
        assertThat(Files.readString(inst.root().resolve("config/server.toml"))).isEqualTo(config);
        assertThat(Files.readString(inst.root().resolve("data/requests.jsonl"))).as("not chosen: left as it is")
                .isEqualTo(records + "{\"id\":\"added later\"}\n");
        assertThat(inst.root().resolve("config/extra.toml")).as("outside the chosen paths").exists();
        assertThat(Files.readString(inst.root().resolve("VERSION"))).isEqualTo("1.0.0\n");
    }

    @Test
    void chosenFilesAreNeverPutBackIntoAnotherVersion() throws IOException {
        ServeFixture inst = ServeFixture.clean(work.resolve("inst"));
        String id = CommandRun.of("--json", "backups", "create", "--path", inst.arg(), "config")
                .json().path("backupId").asText();
        assertThat(CommandRun.of("version", "--path", inst.arg(), "--to", "2.0.0", "--yes").exit()).isZero();
        String migrated = Files.readString(inst.root().resolve("config/server.toml"));

        CommandRun refused = CommandRun.of("rollback", "--path", inst.arg(), "--backup-id", id, "--yes");

        assertThat(refused.exit()).isEqualTo(ExitStatus.USAGE.code());
        assertThat(lastLine(refused.err())).isEqualTo("migrate: backup " + id + " holds config as they were at"
                + " 1.0.0, and the installation is at 2.0.0; putting them back would mix two versions, so nothing was"
                + " restored; roll back to 1.0.0 first (migrate rollback with the backup of that migration), then restore"
                + " them");
        assertThat(Files.readString(inst.root().resolve("config/server.toml"))).isEqualTo(migrated);
    }

    @Test
    void aBackupOfTheWholeInstallationRestoresItAll() throws IOException {
        ServeFixture inst = ServeFixture.clean(work.resolve("inst"));
        java.util.SortedMap<String, String> before = TreeSignature.of(inst.root());
        CommandRun created = CommandRun.of("--json", "backups", "create", "--path", inst.arg());
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.json().path("scope").size()).isZero();
        Files.writeString(inst.root().resolve("data/requests.jsonl"), "garbage\n");
        Files.writeString(inst.root().resolve("data/added.jsonl"), "{}\n");

        CommandRun rolled = CommandRun.of("rollback", "--path", inst.arg(), "--yes");

        assertThat(rolled.exit()).as(rolled.err()).isZero();
        assertThat(TreeSignature.of(inst.root())).isEqualTo(before);
    }

    @Test
    void aPathOutsideTheInstallationOrNotInItIsRefusedBeforeAnythingIsWritten() throws IOException {
        ServeFixture inst = ServeFixture.clean(work.resolve("inst"));

        CommandRun outside = CommandRun.of("backups", "create", "--path", inst.arg(), "../elsewhere");
        CommandRun missing = CommandRun.of("backups", "create", "--path", inst.arg(), "config/absent.toml");

        assertThat(outside.exit()).isEqualTo(ExitStatus.USAGE.code());
        assertThat(lastLine(outside.err())).startsWith("migrate: ../elsewhere: not a file or folder inside the"
                + " installation ");
        assertThat(missing.exit()).isEqualTo(ExitStatus.USAGE.code());
        assertThat(lastLine(missing.err())).isEqualTo("migrate: config/absent.toml: not in the installation;"
                + " give paths of files or folders inside it, relative to its root");
        JsonNode list = CommandRun.of("--json", "backups", "list", "--path", inst.arg()).json();
        assertThat(list.path("backups").size()).isZero();
    }
}
