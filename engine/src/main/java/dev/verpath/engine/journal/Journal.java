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

    /** The journal's state while the commit's changes are applied. */
    public static final String COMMITTING = "committing";
    /** The changes are applied and recorded; the {@code after_commit} hook (the service's start) runs. */
    public static final String STARTING = "starting";
    /** The changes are applied and the service started; the health check has not passed yet. */
    public static final String HEALTH_PENDING = "health-pending";

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
     * @param state    how far it got: {@link #COMMITTING}, {@link #STARTING} or {@link #HEALTH_PENDING}
     */
    public record Intent(Optional<String> backupId, String product, String from, String to, String started, int changes,
                         String state) {

        /**
         * An intent about to be committed.
         *
         * @param backupId the backup taken before the commit (empty when the run had none)
         * @param product  the product
         * @param from     the version before
         * @param to       the version aimed at
         * @param started  when the commit began (ISO-8601)
         * @param changes  how many changes the commit applies
         */
        public Intent(Optional<String> backupId, String product, String from, String to, String started, int changes) {
            this(backupId, product, from, to, started, changes, COMMITTING);
        }

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
        write(intent);
        CrashPoints.pause("journal-written " + file);
    }

    /**
     * Records, durably, that the commit got further: its changes are applied and the service around it is being
     * started or checked. A journal in either state is still an interrupted migration to the next command.
     *
     * @param state {@link #STARTING} or {@link #HEALTH_PENDING}
     * @throws IOException when it cannot be written
     */
    public void advance(String state) throws IOException {
        Intent now = interrupted().orElseThrow(() -> new IOException(file + ": the journal is gone"));
        write(new Intent(now.backupId(), now.product(), now.from(), now.to(), now.started(), now.changes(), state));
        CrashPoints.pause("journal-" + state + " " + file);
    }

    private void write(Intent intent) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("state", intent.state());
        intent.backupId().ifPresent(id -> node.put("backup", id));
        node.put("product", intent.product());
        node.put("from", intent.from());
        node.put("to", intent.to());
        node.put("started", intent.started());
        node.put("changes", intent.changes());
        AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
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
                    n.path("changes").asInt(-1), n.path("state").asText(COMMITTING)));
        } catch (IOException e) {
            return Optional.of(new Intent(Optional.empty(), "?", "?", "?", "?", -1, COMMITTING));
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
