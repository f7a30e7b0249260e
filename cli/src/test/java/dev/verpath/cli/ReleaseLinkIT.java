package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Releases behind a link: {@code rollback --path LINK} switches back to the release the current one was built from
 * (no restore), recovers a switch killed half-way, and {@code releases list|prune} show and prune the releases.
 */
class ReleaseLinkIT {

    @TempDir
    Path work;

    private Path releases;
    private Path src;
    private Path link;

    @BeforeEach
    void source() throws IOException {
        releases = Files.createDirectories(work.resolve("releases"));
        src = Files.createDirectories(releases.resolve("0.1.0"));
        DemoInstallation.write(src);
        link = work.resolve("current");
    }

    @Test
    void rollbackOfTheLinkSwitchesBackToTheReleaseItWasBuiltFromWithoutARestore() throws Exception {
        Path dest = releases.resolve("2.1.0");
        try (LinkedService service = LinkedService.serving(work, link, src, List.of())) {
            assertThat(migrateInto(dest, "2.1.0").exit()).isZero();
            assertThat(service.health()).isEqualTo("ok 2.1.0");
            SortedMap<String, String> built = TreeSignature.of(dest);

            CommandRun back = Launcher.run(work, "--json", "rollback", "--path", link.toString(), "--yes");

            assertThat(back.exit()).as(back.err()).isZero();
            assertThat(back.json().path("switched").path("from").asText()).isEqualTo(dest.toString());
            assertThat(back.json().path("switched").path("to").asText()).isEqualTo(src.toString());
            assertThat(back.json().path("backupId").isNull()).isTrue();
            assertThat(back.json().path("version").asText()).isEqualTo("0.1.0");
            assertThat(link.toRealPath()).isEqualTo(src.toRealPath());
            assertThat(service.health()).as("the old release serves again").isEqualTo("ok 0.1.0");
            assertThat(TreeSignature.of(dest)).as("the new release is kept as it was").isEqualTo(built);
            JsonSchemas.assertConforms(back, "rollback");
        }
    }

    @Test
    void aSwitchKilledAfterTheLinkMovedIsRefusedUntilRollbackPointsItBackAndStartsTheOldRelease() throws Exception {
        Path dest = releases.resolve("2.1.0");
        try (LinkedService service = LinkedService.serving(work, link, src, List.of())) {
            Path log = work.resolve("killed.log");
            Path journal = work.resolve(".current.verpath-switching");
            Process run = Launcher.start(work, Map.of("MIGRATE_JAVA_OPTS", "-Dverpath.test.pause=switch-switched:30000"),
                    log, "version", "--path", src.toString(), "--into", dest.toString(), "--switch", link.toString(),
                    "--to", "2.1.0");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!state(journal).equals("switched")) {
                assertThat(run.isAlive()).as(Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("the run reached its switch").isLessThan(deadline);
                Thread.sleep(50);
            }
            run.destroyForcibly().waitFor();
            assertThat(link.toRealPath()).as("killed after the link moved").isEqualTo(dest.toRealPath());
            assertThat(service.health()).as("the service was stopped for the switch").doesNotStartWith("ok");

            CommandRun refused = Launcher.run(work, "version", "--path", src.toString(), "--into",
                    releases.resolve("other").toString(), "--switch", link.toString(), "--to", "2.1.0");
            assertThat(refused.exit()).as(refused.err()).isEqualTo(4);
            assertThat(refused.errLines()).last().asString().contains("a switch of " + link)
                    .contains("run 'migrate rollback --path " + link + "'");
            assertThat(releases.resolve("other")).doesNotExist();

            CommandRun status = Launcher.run(work, "--json", "status", "--path", link.toString());
            assertThat(status.exit()).as(status.err()).isZero();
            JsonSchemas.assertConforms(status, "status");
            assertThat(status.json().path("interruptedSwitch").asText()).startsWith("a switch of " + link);

            CommandRun recovered = Launcher.run(work, "rollback", "--path", link.toString(), "--yes");

            assertThat(recovered.exit()).as(recovered.err()).isZero();
            assertThat(recovered.err()).contains("recovering: a switch of " + link);
            assertThat(link.toRealPath()).isEqualTo(src.toRealPath());
            assertThat(service.health()).as("the old release started again").isEqualTo("ok 0.1.0");
            assertThat(journal).doesNotExist();
        }
    }

    @Test
    void releasesListShowsEachReleaseAndPruneKeepsTheCurrentAndThePreviousOne() throws IOException {
        Files.createSymbolicLink(link, src);
        for (String version : List.of("1.0.0", "2.0.0", "2.1.0")) {
            Path from = link.toRealPath();
            CommandRun run = Launcher.run(work, "version", "--path", from.toString(), "--into",
                    releases.resolve(version).toString(), "--switch", link.toString(), "--to", version);
            assertThat(run.exit()).as(run.err()).isZero();
        }
        Path stale = Files.createDirectories(releases.resolve(".9.9.9.verpath-partial/.migrate"));
        Files.writeString(stale.resolve("into-unfinished"), "999999999 " + src + "\n");

        CommandRun listed = Launcher.run(work, "--json", "releases", "list", "--link", link.toString());

        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.json().path("releases").findValuesAsText("role"))
                .containsExactly("other", "other", "previous", "current", "unfinished");
        assertThat(listed.json().path("releases").findValuesAsText("version").subList(0, 4))
                .containsExactly("0.1.0", "1.0.0", "2.0.0", "2.1.0");
        assertThat(listed.json().path("releases").get(3).path("builtFrom").asText())
                .isEqualTo(releases.resolve("2.0.0").toString());
        JsonSchemas.assertConforms(listed, "releases-list");

        CommandRun pruned = Launcher.run(work, "--json", "releases", "prune", "--link", link.toString(), "--keep", "2", "--yes");

        assertThat(pruned.exit()).as(pruned.err()).isZero();
        JsonSchemas.assertConforms(pruned, "releases-prune");
        assertThat(list(releases)).containsExactly("2.0.0", "2.1.0");
        assertThat(Files.readString(releases.resolve("2.1.0/VERSION")).strip()).endsWith("2.1.0");

        CommandRun tooFew = Launcher.run(work, "releases", "prune", "--link", link.toString(), "--keep", "1", "--yes");
        assertThat(tooFew.exit()).isEqualTo(2);
        assertThat(tooFew.errLines()).last().asString().contains("the current and the previous release are always kept");
    }

    @Test
    void whenTheReleaseItWasBuiltFromIsGoneRollbackSaysSoAndFallsBackToABackup() throws IOException {
        Files.createSymbolicLink(link, src);
        Path dest = releases.resolve("2.1.0");
        assertThat(migrateInto(dest, "2.1.0").exit()).isZero();
        dev.verpath.engine.files.AtomicFiles.deleteTree(src);

        CommandRun back = Launcher.run(work, "rollback", "--path", link.toString(), "--yes");

        assertThat(back.err()).contains(src + ", which " + dest + " was built from, is gone");
        assertThat(back.exit()).as("no backup: --into takes none").isEqualTo(2);
        assertThat(link.toRealPath()).isEqualTo(dest.toRealPath());
    }

    @Test
    void anInstallationGivenAsASymbolicLinkIsMigratedValidatedAndRolledBackAsTheFolderItPointsAt() throws IOException {
        Files.createSymbolicLink(link, src);

        CommandRun migrated = Launcher.run(work, "version", "--path", link.toString(), "--to", "2.1.0");
        CommandRun validated = Launcher.run(work, "validate", "--path", link.toString());

        assertThat(migrated.exit()).as(migrated.err()).isZero();
        assertThat(Files.readString(src.resolve("VERSION")).strip()).endsWith("2.1.0");
        assertThat(validated.exit()).as(validated.out()).isZero();
        assertThat(Files.isSymbolicLink(link)).as("the link is left a link").isTrue();
        assertThat(src.resolve(".migrate/backups")).as("the backup is the folder's").isDirectory();

        CommandRun back = Launcher.run(work, "rollback", "--path", link.toString(), "--yes");
        assertThat(back.exit()).as("not a release link (nothing built from another): the backup is restored")
                .isZero();
        assertThat(Files.readString(src.resolve("VERSION")).strip()).endsWith("0.1.0");
    }

    private CommandRun migrateInto(Path dest, String version) {
        CommandRun run = Launcher.run(work, "version", "--path", src.toString(), "--into", dest.toString(), "--switch",
                link.toString(), "--to", version);
        assertThat(run.exit()).as(run.err()).isZero();
        return run;
    }

    private static String state(Path journal) {
        try {
            JsonNode node = new ObjectMapper().readTree(journal.toFile());
            return node.path("state").asText();
        } catch (IOException notYet) {
            return "";
        }
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
