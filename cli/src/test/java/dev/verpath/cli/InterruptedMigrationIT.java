package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal of an interrupted migration, through the real launcher: it is read and acted on only under the
 * installation lock, a run with nothing to undo leaves nothing to recover, only {@code version} and
 * {@code rollback} recover (and say so first), {@code rollback} never restores a backup other than the
 * journal's unasked, a failed commit is rolled back at once, and a plugin product keeps its name in VERSION.
 * Moments are stretched with the engine's test hook {@code verpath.test.pause}, processes killed with SIGKILL.
 */
class InterruptedMigrationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_SECONDS = 180;

    @TempDir
    Path work;

    private Path installation(String name) {
        Path root = work.resolve(name);
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        DemoInstallation.write(root);
        return root;
    }

    private static Map<String, String> pause(String moment, long millis) {
        return Map.of("MIGRATE_JAVA_OPTS", "-Dverpath.test.pause=" + moment + ":" + millis);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static String text(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /** Starts a migration to 2.1.0 that stops for good once its journal is written, and kills it there. */
    private void killAfterJournal(Path root, String... extra) throws Exception {
        String[] args = new String[extra.length + 5];
        System.arraycopy(new String[] {"version", "--path", root.toString(), "--to", "2.1.0"}, 0, args, 0, 5);
        System.arraycopy(extra, 0, args, 5, extra.length);
        Process run = Launcher.start(work, pause("journal-written", 600_000), work.resolve("killed.log"), args);
        Path journal = root.resolve(".migrate/journal.json");
        await("the journal of " + root, () -> Files.exists(journal) || !run.isAlive());
        assertThat(run.isAlive()).as("still running (log: %s)", text(work.resolve("killed.log"))).isTrue();
        run.destroyForcibly().waitFor();
    }

    @Test
    void aSecondRunDuringALiveCommitWaitsItsTurnAndNeverUndoesIt() throws Exception {
        Path root = installation("live");
        Path journal = root.resolve(".migrate/journal.json");
        Path firstLog = work.resolve("first.log");
        Process first = Launcher.start(work, pause("journal-written", 15_000), firstLog,
                "version", "--path", root.toString(), "--to", "2.1.0");
        await("the live run's journal", () -> Files.exists(journal) || !first.isAlive());
        assertThat(Files.exists(journal)).as("journal while running (log: %s)", text(firstLog)).isTrue();

        CommandRun status = Launcher.run(work, "status", "--path", root.toString());
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("migration: in progress (pid " + first.pid()).contains("interrupted migration: none");

        CommandRun second = Launcher.run(work, "version", "--path", root.toString(), "--to", "2.1.0");
        assertThat(second.exit()).as(second.err()).isEqualTo(3);
        assertThat(second.err()).contains("another migration holds this installation");

        // a third run reaches the lock only after the first has finished: it must not take the journal it may
        // have seen for an interrupted migration
        Path thirdLog = work.resolve("third.log");
        Process third = Launcher.start(work, pause("before-lock", 25_000), thirdLog,
                "version", "--path", root.toString(), "--to", "2.1.0");
        assertThat(first.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(text(firstLog)).isZero();
        assertThat(third.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(third.exitValue()).as(text(thirdLog)).isZero();
        assertThat(text(thirdLog)).doesNotContain("recovering").doesNotContain("restoring");
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("2.1.0\n");
        assertThat(text(root.resolve(".migrate/history.jsonl"))).doesNotContain("\"rollback\"");
        assertThat(journal).doesNotExist();
    }

    @Test
    void aKilledRunThatHadNothingToChangeLeavesNothingToRecover() throws Exception {
        Path root = installation("noop");
        assertThat(Launcher.run(work, "version", "--path", root.toString(), "--to", "2.1.0").exit()).isZero();
        SortedMap<String, String> migrated = TreeSignature.of(root);

        Path log = work.resolve("noop.log");
        Process noOp = Launcher.start(work, pause("journal", 600_000), log, "version", "--path", root.toString(), "--to", "2.1.0");
        Path journal = root.resolve(".migrate/journal.json");
        await("the no-op run to end or write a journal", () -> Files.exists(journal) || !noOp.isAlive());
        noOp.destroyForcibly().waitFor();

        CommandRun status = Launcher.run(work, "status", "--path", root.toString());
        assertThat(status.out()).contains("interrupted migration: none");
        CommandRun again = Launcher.run(work, "version", "--path", root.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(TreeSignature.of(root)).isEqualTo(migrated);
        assertThat(journal).doesNotExist();
    }

    @Test
    void onlyVersionRecoversAndSaysSoFirst() throws Exception {
        Path root = installation("recover");
        SortedMap<String, String> before = TreeSignature.of(root);
        killAfterJournal(root);

        CommandRun config = Launcher.run(work, "config", "--config", root.resolve("config/server.toml").toString(),
                "--from", "2.1.0", "--to", "2.1.0");
        assertThat(config.exit()).as(config.err()).isEqualTo(4);
        assertThat(config.err()).contains("journal.json").contains("was interrupted while committing")
                .contains("migrate version --path " + root);
        CommandRun data = Launcher.run(work, "data", "--data-path", root.resolve("data").toString(), "--from", "0.1.0", "--to", "2.1.0");
        assertThat(data.exit()).as(data.err()).isEqualTo(4);
        CommandRun dryRun = Launcher.run(work, "version", "--path", root.toString(), "--dry-run");
        assertThat(dryRun.exit()).as(dryRun.err()).isEqualTo(4);
        assertThat(TreeSignature.of(root)).isEqualTo(before);
        assertThat(root.resolve(".migrate/journal.json")).exists();

        CommandRun version = Launcher.run(work, "--json", "version", "--path", root.toString(), "--to", "2.1.0");
        assertThat(version.exit()).as(version.err()).isZero();
        JsonNode document = JSON.readTree(version.out());
        String backup = document.path("recovered").path("backupId").asText();
        assertThat(backup).isNotEmpty();
        assertThat(document.path("recovered").path("from").asText()).isEqualTo("0.1.0");
        assertThat(version.err()).contains("recovering: a migration 0.1.0 -> 2.1.0 was interrupted while committing (backup "
                + backup + ")");
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("2.1.0\n");
    }

    @Test
    void rollbackNeverRestoresAnotherBackupThanTheJournalsUnasked() throws Exception {
        Path root = installation("nobackup");
        CommandRun first = Launcher.run(work, "--json", "version", "--path", root.toString(), "--to", "1.0.0");
        assertThat(first.exit()).as(first.err()).isZero();
        String older = JSON.readTree(first.out()).path("backupId").asText();
        killAfterJournal(root, "--no-backup");

        CommandRun rollback = Launcher.run(work, "rollback", "--path", root.toString(), "--yes");
        assertThat(rollback.exit()).as(rollback.err()).isEqualTo(4);
        assertThat(rollback.err()).contains("took no backup").contains("--backup-id");
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("1.0.0\n");

        CommandRun named = Launcher.run(work, "rollback", "--path", root.toString(), "--backup-id", older, "--yes");
        assertThat(named.exit()).as(named.err()).isZero();
        assertThat(named.err()).contains("took no backup; restoring backup " + older + " as asked");
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("0.1.0\n");
        assertThat(root.resolve(".migrate/journal.json")).doesNotExist();
    }

    @Test
    void aCommitThatFailsIsRolledBackAtOnceUnlessTheSettingSaysNo() throws Exception {
        Path root = installation("failing");
        SortedMap<String, String> before = TreeSignature.of(root);
        // the commit's rename of VERSION (its last content change) fails once, after the other files were renamed
        Map<String, String> failing = Map.of("MIGRATE_JAVA_OPTS", "-Dverpath.test.fail=" + root.resolve("VERSION"));

        CommandRun restored = Launcher.run(work, failing, "version", "--path", root.toString(), "--to", "2.1.0");
        assertThat(restored.exit()).as(restored.err()).isEqualTo(1);
        assertThat(restored.err()).contains("commit failed").contains("was restored (global.rollback_on_failure)");
        assertThat(TreeSignature.of(root)).isEqualTo(before);
        assertThat(root.resolve(".migrate/journal.json")).doesNotExist();

        Path config = work.resolve("no-rollback.toml");
        Files.writeString(config, "[global]\nrollback_on_failure = false\n");
        CommandRun left = Launcher.run(work, failing, "--migration-config", config.toString(),
                "version", "--path", root.toString(), "--to", "2.1.0");
        assertThat(left.exit()).as(left.err()).isEqualTo(4);
        assertThat(left.err()).contains("global.rollback_on_failure is false").contains("migrate rollback --path " + root);
        assertThat(root.resolve(".migrate/journal.json")).exists();
        CommandRun rollback = Launcher.run(work, "rollback", "--path", root.toString(), "--yes");
        assertThat(rollback.exit()).as(rollback.err()).isZero();
        assertThat(TreeSignature.of(root)).isEqualTo(before);
    }

    @Test
    void aPluginProductKeepsItsNameAndIsNeverGuessedOtherwise() throws Exception {
        Path root = work.resolve("wan");
        Files.createDirectories(root);
        DemoPluginTour.write(root);
        Files.delete(root.resolve("VERSION"));

        CommandRun migrated = Launcher.run(work, "version", "--path", root.toString(), "--product", "wan",
                "--from", "1.0.0", "--to", "2.0.0");
        assertThat(migrated.exit()).as(migrated.err()).isZero();
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("wan 2.0.0\n");
        CommandRun status = Launcher.run(work, "--json", "status", "--path", root.toString());
        assertThat(JSON.readTree(status.out()).path("product").asText()).isEqualTo("wan");

        // a VERSION written bare (as an older release did) is the product the history records
        Files.writeString(root.resolve("VERSION"), "2.0.0\n");
        CommandRun bare = Launcher.run(work, "--json", "status", "--path", root.toString());
        assertThat(JSON.readTree(bare.out()).path("product").asText()).isEqualTo("wan");
        CommandRun validate = Launcher.run(work, "validate", "--path", root.toString());
        assertThat(validate.out() + validate.err()).doesNotContain("config/server.toml");

        // a VERSION that names another product than the history is refused, naming VERSION
        Files.writeString(root.resolve("VERSION"), "serve 2.0.0\n");
        CommandRun disagree = Launcher.run(work, "status", "--path", root.toString());
        assertThat(disagree.exit()).isEqualTo(2);
        assertThat(disagree.err()).contains(root.resolve("VERSION") + ":1: names product 'serve'").contains("records product 'wan'");
        CommandRun wrongProduct = Launcher.run(work, "version", "--path", root.resolve("..").resolve("wan").toString(),
                "--product", "serve", "--to", "2.1.0");
        assertThat(wrongProduct.exit()).isEqualTo(2);
    }
}
