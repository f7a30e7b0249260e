package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.files.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The runs of one installation by outcome, and the time of the last successful one, kept across runs in
 * {@code .migrate/runs.json} beside the installation's other state: read, counted and replaced atomically under an
 * OS lock on {@code .migrate/runs.lock}, so two commands ending at once both count.
 *
 * @param runs        runs by outcome label
 * @param lastSuccess when the last run that completed ended, when one did
 */
record RunsCounter(SortedMap<String, Long> runs, Optional<Instant> lastSuccess) {

    static final String FILE = "runs.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the map. */
    RunsCounter {
        runs = new TreeMap<>(runs);
    }

    /**
     * Counts one run.
     *
     * @param stateFolder the installation's {@code .migrate/}
     * @param outcome     how it ended
     * @param ended       when it ended
     * @return the counts with this run
     * @throws IOException when the file cannot be read or replaced
     */
    static RunsCounter count(Path stateFolder, Outcome outcome, Instant ended) throws IOException {
        Files.createDirectories(stateFolder);
        try (FileChannel channel = FileChannel.open(stateFolder.resolve("runs.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            RunsCounter now = read(stateFolder).add(outcome, ended);
            ObjectNode document = JSON.createObjectNode();
            now.runs.forEach(document.putObject("runs")::put);
            now.lastSuccess.ifPresent(t -> document.put("lastSuccess", t.toString()));
            AtomicFiles.write(stateFolder.resolve(FILE), JSON.writeValueAsBytes(document));
            return now;
        }
    }

    /**
     * The counts as they are, for a command that does not count (a dry run, {@code validate}).
     *
     * @param stateFolder the installation's {@code .migrate/}
     * @return the counts; none when the file is missing or unreadable
     */
    static RunsCounter read(Path stateFolder) {
        SortedMap<String, Long> runs = new TreeMap<>();
        Optional<Instant> last = Optional.empty();
        try {
            JsonNode document = JSON.readTree(stateFolder.resolve(FILE).toFile());
            document.path("runs").fields().forEachRemaining(e -> runs.put(e.getKey(), e.getValue().asLong()));
            last = Optional.ofNullable(document.get("lastSuccess")).map(n -> Instant.parse(n.asText()));
        } catch (IOException | RuntimeException missingOrBroken) {
            // counting starts again: a broken counter must not stop a migration
        }
        return new RunsCounter(runs, last);
    }

    private RunsCounter add(Outcome outcome, Instant ended) {
        SortedMap<String, Long> more = new TreeMap<>(runs);
        more.merge(outcome.label(), 1L, Long::sum);
        return new RunsCounter(more, outcome == Outcome.COMPLETED ? Optional.of(ended) : lastSuccess);
    }
}
