package dev.verpath.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the real {@code ./migrate version} with SIGKILL at twenty moments spread over a long migration, then
 * checks that the installation is as before or as after (after {@code migrate rollback} where the journal says
 * a commit was interrupted), never mixed, and that migrating again reaches the after state.
 */
class KillNineIT {

    private static final int MOMENTS = 20;

    @TempDir
    Path work;

    private static void grow(Path root) throws IOException {
        Random random = new Random(42);
        try (Writer out = Files.newBufferedWriter(root.resolve("data/bulk.jsonl"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < 60_000; i++) {
                out.write("{\"id\":\"bulk-" + i + "\",\"model\":\"llama-7b\",\"ts\":" + (1700000000 + i) + "." + (i % 1000)
                        + ",\"latency_ms\":" + (50 + i % 900) + ",\"prompt_tokens\":" + (i % 300) + ",\"completion_tokens\":"
                        + (1 + i % 500) + ",\"api_key\":\"sk-" + Integer.toHexString(i) + "\"}\n");
            }
        }
        byte[] weights = new byte[8 << 20];
        random.nextBytes(weights);
        Files.createDirectories(root.resolve("models/big"));
        Files.write(root.resolve("models/big/model-00001-of-00002.safetensors"), weights);
        random.nextBytes(weights);
        Files.write(root.resolve("models/big/model-00002-of-00002.safetensors"), weights);
    }

    private Path copyOfSeed(Path seed, String name) throws IOException {
        Path copy = work.resolve(name);
        Launcher.copy(seed, copy);
        return copy;
    }

    private static Process start(Path root) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Launcher.script().toString(), "--quiet", "version",
                "--path", root.toString(), "--to", "2.1.0").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(k -> k.startsWith("MIGRATE_") || k.startsWith("TRUSTFORMERS_"));
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    private static List<String> temporaryFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.startsWith(root.resolve(".migrate")))
                    .filter(p -> p.getFileName().toString().endsWith(".verpath-tmp")).map(Path::toString).toList();
        }
    }

    @Test
    void aKilledMigrationIsBeforeOrAfterNeverMixed() throws Exception {
        Path seed = work.resolve("seed");
        DemoInstallation.write(seed);
        grow(seed);
        SortedMap<String, String> before = TreeSignature.of(seed);

        Path timed = copyOfSeed(seed, "timed");
        long started = System.nanoTime();
        assertThat(start(timed).waitFor()).isZero();
        long duration = System.nanoTime() - started;
        SortedMap<String, String> after = TreeSignature.of(timed);
        assertThat(after).isNotEqualTo(before);

        List<String> outcomes = new ArrayList<>();
        int kills = 0;
        for (int moment = 0; kills < MOMENTS && moment < 2 * MOMENTS; moment++) {
            Path root = copyOfSeed(seed, "kill-" + moment);
            long delay = duration * (2L * kills + 1) / (2L * MOMENTS);
            Process process = start(root);
            long t0 = System.nanoTime();
            if (process.waitFor(delay, TimeUnit.NANOSECONDS)) {
                duration = Math.min(duration, System.nanoTime() - t0);
                outcomes.add("finished");
            } else {
                process.destroyForcibly().waitFor();
                kills++;
                outcomes.add("killed at " + delay / 1_000_000 + " ms");
            }
            if (Files.exists(root.resolve(".migrate/journal.json"))) {
                CommandRun rollback = Launcher.run(work, "rollback", "--path", root.toString(), "--yes");
                assertThat(rollback.exit()).as(rollback.err()).isZero();
                assertThat(TreeSignature.of(root)).as("moment %d: rolled back", moment).isEqualTo(before);
            }
            assertThat(TreeSignature.of(root)).as("moment %d (%s)", moment, outcomes.get(moment)).isIn(before, after);
            assertThat(temporaryFiles(root)).as("moment %d", moment).isEmpty();
            if (moment % 5 == 0) {
                CommandRun again = Launcher.run(work, "--quiet", "version", "--path", root.toString(), "--to", "2.1.0");
                assertThat(again.exit()).as(again.err()).isZero();
                assertThat(TreeSignature.of(root)).as("moment %d: migrated again", moment).isEqualTo(after);
            }
            deleteTree(root);
        }
        assertThat(kills).as("kills among %s", outcomes).isEqualTo(MOMENTS);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
