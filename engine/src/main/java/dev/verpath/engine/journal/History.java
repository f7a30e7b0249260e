package dev.verpath.engine.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The installation's history, {@code .migrate/history.jsonl}: one applied step (or rollback) a line, oldest
 * first. Rewritten atomically on every append, so a crash leaves the old or the new history, never half.
 */
public final class History {

    /** The history file's name in the state folder. */
    public static final String FILE = "history.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    private History(Path file) {
        this.file = file;
    }

    /**
     * @param stateFolder an installation's {@code .migrate/}
     * @return its history
     */
    public static History in(Path stateFolder) {
        return new History(stateFolder.resolve(FILE));
    }

    /**
     * @return every entry, oldest first; empty when there is no history
     * @throws MigrationException when the file is broken (naming its line)
     */
    public List<HistoryEntry> read() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<HistoryEntry> entries = new ArrayList<>();
        int lineNumber = 0;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                entries.add(parse(JSON.readTree(line)));
            }
        } catch (IOException | RuntimeException e) {
            throw new EnvironmentFailure(file + ":" + lineNumber + ": history is unreadable ("
                    + e.getMessage() + "); restore it from a backup or move it aside", e);
        }
        return List.copyOf(entries);
    }

    /**
     * Appends entries.
     *
     * @param added the new entries
     * @throws IOException when the history cannot be written
     */
    public void append(List<HistoryEntry> added) throws IOException {
        StringBuilder text = new StringBuilder();
        for (HistoryEntry entry : read()) {
            text.append(JSON.writeValueAsString(json(entry))).append('\n');
        }
        for (HistoryEntry entry : added) {
            text.append(JSON.writeValueAsString(json(entry))).append('\n');
        }
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The version the history says the installation is at: the last entry of a whole-version migration or a
     * rollback.
     *
     * @param history the entries
     * @return the version, when the history has one
     */
    public static Optional<String> recordedVersion(List<HistoryEntry> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry e = history.get(i);
            if (e.outcome().equals("success") && (e.scope().equals("version") || e.scope().equals("rollback"))) {
                return Optional.of(e.to());
            }
        }
        return Optional.empty();
    }

    /**
     * The product the history says the installation is: that of its last successful entry.
     *
     * @param history the entries
     * @return the product, when the history names one
     */
    public static Optional<String> recordedProduct(List<HistoryEntry> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry e = history.get(i);
            if (e.outcome().equals("success") && !e.product().isBlank()) {
                return Optional.of(e.product());
            }
        }
        return Optional.empty();
    }

    private static ObjectNode json(HistoryEntry e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("step", e.step());
        node.put("product", e.product());
        node.put("scope", e.scope());
        node.put("from", e.from());
        node.put("to", e.to());
        ObjectNode sums = node.putObject("checksums");
        e.checksums().forEach(sums::put);
        node.put("started", e.started().toString());
        node.put("duration_ms", e.duration().toMillis());
        node.put("outcome", e.outcome());
        e.fromPath().ifPresent(path -> node.put("from_path", path));
        if (!e.acceptedRisks().isEmpty()) {
            com.fasterxml.jackson.databind.node.ArrayNode risks = node.putArray("accepted_risks");
            e.acceptedRisks().forEach((name, by) -> risks.addObject().put("name", name).put("by", by));
        }
        return node;
    }

    private static TreeMap<String, String> acceptedRisks(JsonNode n) {
        TreeMap<String, String> risks = new TreeMap<>();
        n.path("accepted_risks").forEach(r -> risks.put(r.path("name").asText(), r.path("by").asText()));
        return risks;
    }

    private static HistoryEntry parse(JsonNode n) {
        TreeMap<String, String> sums = new TreeMap<>();
        n.path("checksums").fields().forEachRemaining(f -> sums.put(f.getKey(), f.getValue().asText()));
        return new HistoryEntry(n.path("step").asInt(), n.path("product").asText(), n.path("scope").asText(),
                n.path("from").asText(), n.path("to").asText(), sums, Instant.parse(n.path("started").asText()),
                Duration.ofMillis(n.path("duration_ms").asLong()), n.path("outcome").asText(),
                Optional.ofNullable(n.get("from_path")).map(JsonNode::asText), acceptedRisks(n));
    }
}
