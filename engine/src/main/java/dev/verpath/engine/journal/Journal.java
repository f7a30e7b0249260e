package dev.verpath.engine.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.CrashPoints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The intent record of a commit, {@code .migrate/journal.json}: written (durably) before the first change
 * reaches the live tree and deleted after the history is written. A journal found at the start of a command
 * means a migration was interrupted while committing; the backup it names restores the before state.
 */
public final class Journal {

    /** The journal's file name in the state folder. */
    public static final String FILE = "journal.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the journal records.
     *
     * @param backupId the backup taken before the commit (empty when the run had none)
     * @param product  the product
     * @param from     the version before
     * @param to       the version aimed at
     * @param started  when the commit began (ISO-8601)
     * @param changes  how many changes the commit applies; -1 when unknown (a journal of an older release, or
     *                 one that cannot be read)
     */
    public record Intent(Optional<String> backupId, String product, String from, String to, String started, int changes) {

        /**
         * @return true when the interrupted commit had nothing to apply and no backup: nothing can have changed,
         *         so the journal is only a leftover that the next command clears
         */
        public boolean nothingToUndo() {
            return backupId.isEmpty() && changes == 0;
        }
    }

    private final Path file;

    private Journal(Path file) {
        this.file = file;
    }

    /**
     * @param stateFolder an installation's {@code .migrate/}
     * @return its journal
     */
    public static Journal in(Path stateFolder) {
        return new Journal(stateFolder.resolve(FILE));
    }

    /**
     * Records the intent durably.
     *
     * @param intent what is about to happen
     * @throws IOException when it cannot be written
     */
    public void begin(Intent intent) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("state", "committing");
        intent.backupId().ifPresent(id -> node.put("backup", id));
        node.put("product", intent.product());
        node.put("from", intent.from());
        node.put("to", intent.to());
        node.put("started", intent.started());
        node.put("changes", intent.changes());
        AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
        CrashPoints.pause("journal-written " + file);
    }

    /**
     * Reads the journal. Only a holder of the installation lock may act on what it says: while another
     * process holds the lock, a journal is that live run's, not an interrupted one.
     *
     * @return the interrupted intent, when a journal is present
     */
    public Optional<Intent> interrupted() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return Optional.of(new Intent(Optional.ofNullable(n.get("backup")).map(JsonNode::asText),
                    n.path("product").asText(), n.path("from").asText(), n.path("to").asText(), n.path("started").asText(),
                    n.path("changes").asInt(-1)));
        } catch (IOException e) {
            return Optional.of(new Intent(Optional.empty(), "?", "?", "?", "?", -1));
        }
    }

    /**
     * Ends the commit: deletes the journal durably.
     *
     * @throws IOException when it cannot be deleted
     */
    public void end() throws IOException {
        CrashPoints.pause("journal-end " + file);
        CrashPoints.reached("delete " + file);
        if (Files.deleteIfExists(file)) {
            AtomicFiles.fsyncFolder(file.getParent());
        }
    }
}
