package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet's node, or a host with several installations: eight {@code migrate} processes at once, on eight
 * installations, with one shared plugins folder and one shared migration config. No cross-talk: every result is
 * what a run alone gives, byte for byte, and nothing of one run (a lock, a staging or plugin folder, a backup) lands
 * in another's place or is left behind.
 */
class ParallelInstallationsIT {

    private static final int RUNS = 8;

    @TempDir
    Path work;

    @Test
    void eightRunsAtOnceEachGiveWhatARunAloneGives() throws Exception {
        Files.writeString(work.resolve("migration_config.toml"), "[backup]\nkeep_last = 2\n");
        Path alone = install("alone");
        CommandRun reference = Launcher.run(work, "version", "--path", alone.toString(), "--to", "2.1.0");
        assertThat(reference.exit()).as(reference.err()).isZero();
        SortedMap<String, String> expected = TreeSignature.of(alone);
        Path temp = Files.createDirectories(work.resolve("tmp"));
        Map<String, String> env = Map.of("MIGRATE_JAVA_OPTS", "-Djava.io.tmpdir=" + temp);

        List<Path> installations = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Path inst = install("inst-" + i);
            installations.add(inst);
            processes.add(Launcher.start(work, env, work.resolve("run-" + i + ".json"), "--json", "--quiet", "version",
                    "--path", inst.toString(), "--to", "2.1.0"));
        }
        for (Process p : processes) {
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        }

        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < RUNS; i++) {
            Path inst = installations.get(i);
            String output = Files.readString(work.resolve("run-" + i + ".json"));
            assertThat(processes.get(i).exitValue()).as(output).isZero();
            JsonNode result = json.readTree(output);
            assertThat(result.path("outcome").asText()).isEqualTo("completed");
            assertThat(result.path("changes").size()).isEqualTo(7);
            assertThat(TreeSignature.of(inst)).as("installation %d, byte for byte as a run alone", i).isEqualTo(expected);
            assertThat(list(inst.resolve(".migrate/backups"))).as("its own backup, one").hasSize(1);
            assertThat(list(inst.resolve(".migrate"))).doesNotContain("journal.json");
            assertThat(list(inst.resolve(".migrate/staging"))).as("no staging left").isEmpty();
        }
        assertThat(list(temp)).as("no plugin staging or dry-run folder left behind").isEmpty();
    }

    private Path install(String name) throws IOException {
        Path inst = Files.createDirectories(work.resolve(name));
        DemoInstallation.write(inst);
        return inst;
    }

    private static List<String> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }
}
