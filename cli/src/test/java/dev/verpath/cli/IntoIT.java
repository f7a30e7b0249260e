package dev.verpath.cli;

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
 * {@code migrate version --path SRC --into DEST}: the migrated installation is built beside the source, which is never
 * written but for its lock; weight files are hard links into it; a failure or a kill leaves no DEST.
 */
class IntoIT {

    @TempDir
    Path work;

    private Path src;
    private Path dest;
    private SortedMap<String, String> before;

    @BeforeEach
    void source() throws IOException {
        src = Files.createDirectories(work.resolve("releases/0.1.0"));
        DemoInstallation.write(src);
        dest = work.resolve("releases/2.1.0");
        before = TreeSignature.of(src);
    }

    @Test
    void theMigratedInstallationIsBuiltBesideTheSourceWhichIsNeverWritten() throws IOException {
        CommandRun run = Launcher.run(work, "version", "--path", src.toString(), "--into", dest.toString(), "--to", "2.1.0");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readString(dest.resolve("VERSION")).strip()).endsWith("2.1.0");
        assertThat(TreeSignature.of(src)).as("the source, byte for byte").isEqualTo(before);
        assertThat(list(src.resolve(".migrate"))).as("nothing in the source's state but its lock").containsExactly("lock");
        Path weight = Path.of("models/llama-7b/model.safetensors");
        assertThat(Files.getAttribute(dest.resolve(weight), "unix:ino")).as("a weight file is a hard link, no byte copied")
                .isEqualTo(Files.getAttribute(src.resolve(weight), "unix:ino"));
        assertThat(Files.readAllLines(dest.resolve(".migrate/history.jsonl"))).as("three steps, then the build from SRC")
                .hasSize(4).last().asString().contains("\"scope\":\"into\"").contains("\"from_path\":\"" + src + "\"");
        assertThat(list(dest.getParent())).containsExactly("0.1.0", "2.1.0");
        assertThat(run.err()).contains("building " + dest + " beside " + src);
        List<String> audit = Files.readAllLines(dest.resolve(".migrate/audit.jsonl"));
        assertThat(audit).as("the run's line is in DEST's audit trail, none in SRC's").hasSize(1);
        assertThat(audit.get(0)).contains("\"outcome\":\"completed\"").contains("\"installation\":\"" + dest + "\"");
    }

    @Test
    void infoAndTheDryRunSayWhatBuildingDestCostsAndWriteNothing() throws IOException {
        CommandRun info = Launcher.run(work, "--json", "info", "--path", src.toString(), "--into", dest.toString());
        CommandRun dry = Launcher.run(work, "version", "--path", src.toString(), "--into", dest.toString(), "--dry-run");

        assertThat(info.exit()).as(info.err()).isZero();
        JsonSchemas.assertConforms(info, "info");
        assertThat(info.json().path("into").path("linked").asBoolean()).as("the same file system: linked").isTrue();
        assertThat(info.json().path("into").path("files").asLong()).isEqualTo(TreeSignature.of(src).values().stream()
                .filter(entry -> entry.startsWith("file ")).count());
        assertThat(info.json().path("into").path("diskNeeded").asLong()).as("what the rules write, far less than the"
                + " installation").isLessThan(info.json().path("into").path("bytes").asLong() * 4).isPositive();
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("side by side into " + dest).contains("hard-linked (the same file system: no byte copied)");
        assertThat(dest).doesNotExist();
        assertThat(src.resolve(".migrate")).doesNotExist();
    }

    @Test
    void aFolderThatIsNotEmptyIsRefusedBeforeAnything() throws IOException {
        Files.createDirectories(dest);
        Files.writeString(dest.resolve("keep.txt"), "mine\n");

        CommandRun run = Launcher.run(work, "version", "--path", src.toString(), "--into", dest.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).last().asString().contains(dest + ": exists and is not an empty folder");
        assertThat(list(dest)).containsExactly("keep.txt");
        assertThat(src.resolve(".migrate")).doesNotExist();
    }

    @Test
    void aFailingRunLeavesNoDestinationAndTheSourceAsItWas() throws IOException {
        Files.writeString(src.resolve("data/requests.jsonl"), "{broken\n", java.nio.file.StandardOpenOption.APPEND);
        SortedMap<String, String> broken = TreeSignature.of(src);

        CommandRun run = Launcher.run(work, "version", "--path", src.toString(), "--into", dest.toString(), "--to", "2.1.0");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(dest).doesNotExist();
        assertThat(list(dest.getParent())).as("no unfinished tree left").containsExactly("0.1.0");
        assertThat(TreeSignature.of(src)).isEqualTo(broken);
    }

    @Test
    void aRunKilledWhileBuildingLeavesNoDestinationAndTheNextRunClearsWhatItLeft() throws Exception {
        Path log = work.resolve("killed.log");
        Process run = Launcher.start(work, Map.of("MIGRATE_JAVA_OPTS", "-Dverpath.test.pause=journal-written:30000"), log,
                "version", "--path", src.toString(), "--into", dest.toString(), "--to", "2.1.0");
        Path partial = dest.resolveSibling(".2.1.0.verpath-partial");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(partial.resolve(".migrate/journal.json"))) {
            assertThat(run.isAlive()).as(Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("the run reached its commit").isLessThan(deadline);
            Thread.sleep(50);
        }
        run.destroyForcibly().waitFor();

        assertThat(dest).as("DEST absent: the unfinished tree is hidden and marked").doesNotExist();
        assertThat(partial.resolve(".migrate/into-unfinished")).exists();
        assertThat(TreeSignature.of(src)).isEqualTo(before);

        CommandRun again = Launcher.run(work, "version", "--path", src.toString(), "--into", dest.toString(), "--to",
                "2.1.0");

        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.err()).contains("removing " + partial + ", left unfinished by a run that was stopped");
        assertThat(Files.readString(dest.resolve("VERSION")).strip()).endsWith("2.1.0");
        assertThat(list(dest.getParent())).containsExactly("0.1.0", "2.1.0");
        assertThat(TreeSignature.of(src)).isEqualTo(before);
    }

    @Test
    void switchPointsTheLinkAtTheNewReleaseOnceItIsHealthy() throws Exception {
        Path link = work.resolve("current");
        try (LinkedService service = LinkedService.serving(work, link, src, List.of())) {
            CommandRun run = Launcher.run(work, "version", "--path", src.toString(), "--into", dest.toString(), "--switch",
                    link.toString(), "--to", "2.1.0");

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(link.toRealPath()).isEqualTo(dest.toRealPath());
            assertThat(run.err()).contains("switched " + link + " to " + dest).contains("checking the health of 2.1.0");
            assertThat(service.health()).isEqualTo("ok 2.1.0");
            assertThat(TreeSignature.of(src)).isEqualTo(before);
            assertThat(work.resolve(".current.verpath-switching")).as("no switch journal left").doesNotExist();
        }
    }

    @Test
    void anUnhealthyNewReleaseIsSwitchedBackAtOnce() throws Exception {
        Path link = work.resolve("current");
        try (LinkedService service = LinkedService.serving(work, link, src, List.of("--require", "server.tls_certificate"))) {
            CommandRun run = Launcher.run(work, "--json", "version", "--path", src.toString(), "--into", dest.toString(),
                    "--switch", link.toString(), "--to", "2.1.0");

            assertThat(run.exit()).as(run.err()).isEqualTo(6);
            assertThat(run.json().path("outcome").asText()).isEqualTo("rolled-back-unhealthy");
            assertThat(run.json().path("error").path("message").asText()).contains(link + " was switched back to " + src);
            assertThat(link.toRealPath()).isEqualTo(src.toRealPath());
            assertThat(service.health()).as("the old release serves again").isEqualTo("ok 0.1.0");
            assertThat(Files.readString(dest.resolve("VERSION")).strip()).as("the new release is kept for a look")
                    .endsWith("2.1.0");
            assertThat(TreeSignature.of(src)).isEqualTo(before);
            assertThat(work.resolve(".current.verpath-switching")).as("no switch journal left").doesNotExist();
        }
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
