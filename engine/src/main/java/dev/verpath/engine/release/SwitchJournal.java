package dev.verpath.engine.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.LockHeldFailure;
import dev.verpath.engine.failure.RecoveryNeededFailure;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.CrashPoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The journal of a switch in progress: a hidden file beside the link ({@code .current.verpath-switching} for
 * {@code current}) that names the process, the release the link pointed at before and the one it is being switched
 * to, and how far the switch got ({@link #STOPPING}: the service is being stopped, {@link #SWITCHED}: the link points
 * at the new release and the service is being started and checked, {@link #SWITCHING_BACK}). It is written before the
 * service is stopped and removed once the switch is over, either way. Found with its process gone, it means the
 * service may be down and the link at either release: {@code migrate rollback --path LINK} switches back and starts
 * the old release, and every other switch of the link is refused until then.
 */
public final class SwitchJournal {

    /** The service is being stopped; the link still points at the previous release. */
    public static final String STOPPING = "stopping";

    /** The link points at the new release; the service is being started and checked. */
    public static final String SWITCHED = "switched";

    /** The new release was not healthy; the link is being pointed back. */
    public static final String SWITCHING_BACK = "switching-back";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Intent intent;

    private SwitchJournal(Path file, Intent intent) {
        this.file = file;
        this.intent = intent;
    }

    /**
     * One switch, as its journal records it.
     *
     * @param pid          the process switching
     * @param processStart when that process started, to tell it from a later process with the same pid
     * @param link         the link
     * @param previous     the release it pointed at before, when it pointed at one
     * @param release      the release it is being switched to
     * @param product      the product
     * @param from         the previous release's version
     * @param to           the new release's version
     * @param state        how far the switch got
     * @param back         whether it is {@code rollback --path LINK} switching back to {@code release}: then recovering
     *                     finishes it; otherwise recovering undoes it, pointing the link at {@code previous} again
     */
    public record Intent(long pid, Optional<Instant> processStart, Path link, Optional<Path> previous, Path release,
                         String product, String from, String to, String state, boolean back) {

        /** Checks that nothing is null. */
        public Intent {
            Objects.requireNonNull(processStart, "processStart");
            Objects.requireNonNull(link, "link");
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(release, "release");
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(state, "state");
        }

        /** @return whether the process that wrote it still runs */
        public boolean alive() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> processStart.isEmpty() || p.info().startInstant().equals(processStart)).isPresent();
        }

        /** @return where recovering points the link: the release switched back to, else the one it pointed at before */
        public Optional<Path> recoverTo() {
            return back ? Optional.of(release) : previous;
        }

        /** @return the switch in words, for a message */
        public String describe() {
            return (back ? "a switch back of " : "a switch of ") + link + " from " + previous.map(Path::toString)
                    .orElse("nothing") + " (" + from + ") to " + release + " (" + to + "), by process " + pid
                    + ", stopped while " + state;
        }
    }

    /**
     * @param link the link
     * @return its journal file
     */
    public static Path fileOf(Path link) {
        return link.resolveSibling("." + link.getFileName() + ".verpath-switching");
    }

    /**
     * The switch of the link in progress or interrupted, when there is one.
     *
     * @param link the link
     * @return its journal's intent
     * @throws EnvironmentFailure when the journal cannot be read
     */
    public static Optional<Intent> read(Path link) {
        Path file = fileOf(link);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            return Optional.of(new Intent(n.path("pid").asLong(), text(n, "process_start").map(Instant::parse), link,
                    text(n, "previous").map(Path::of), Path.of(n.path("release").asText()), n.path("product").asText(),
                    n.path("from").asText(), n.path("to").asText(), n.path("state").asText(),
                    n.path("kind").asText().equals("switch-back")));
        } catch (IOException | RuntimeException e) {
            throw new EnvironmentFailure(file + ": the journal of a switch of " + link + " is unreadable ("
                    + e.getMessage() + "); check where " + link + " points and whether the service runs, then remove"
                    + " this file", e);
        }
    }

    /**
     * Refuses while another switch of the link runs, or one was interrupted.
     *
     * @param link the link
     */
    public static void refuseBusy(Path link) {
        read(link).ifPresent(intent -> {
            throw busy(intent);
        });
    }

    /**
     * Starts the journal of a switch, in state {@link #STOPPING}.
     *
     * @param link     the link
     * @param previous the release it points at now, when any
     * @param release  the release it will point at
     * @param product  the product
     * @param from     the previous release's version
     * @param to       the new release's version
     * @param back     whether this is a switch back ({@code rollback})
     * @return the journal
     * @throws IOException when it cannot be written
     */
    public static SwitchJournal begin(Path link, Optional<Path> previous, Path release, String product, String from,
                                      String to, boolean back) throws IOException {
        refuseBusy(link);
        ProcessHandle self = ProcessHandle.current();
        SwitchJournal journal = new SwitchJournal(fileOf(link), new Intent(self.pid(), self.info().startInstant(), link,
                previous, release, product, from, to, STOPPING, back));
        journal.write();
        return journal;
    }

    /**
     * Records how far the switch got.
     *
     * @param state {@link #SWITCHED} or {@link #SWITCHING_BACK}
     * @return the journal in that state
     * @throws IOException when it cannot be written
     */
    public SwitchJournal advance(String state) throws IOException {
        Intent i = intent;
        SwitchJournal next = new SwitchJournal(file, new Intent(i.pid(), i.processStart(), i.link(), i.previous(),
                i.release(), i.product(), i.from(), i.to(), state, i.back()));
        next.write();
        CrashPoints.pause("switch-" + state);
        return next;
    }

    /**
     * Ends the switch: the journal is removed.
     *
     * @throws IOException when it cannot be removed
     */
    public void end() throws IOException {
        end(intent.link());
    }

    /**
     * Removes the journal of a switch that is over (or was undone).
     *
     * @param link the link
     * @throws IOException when it cannot be removed
     */
    public static void end(Path link) throws IOException {
        CrashPoints.reached("end switch journal " + link);
        Files.deleteIfExists(fileOf(link));
        AtomicFiles.fsyncFolder(link.toAbsolutePath().getParent());
    }

    private void write() throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("pid", intent.pid());
        intent.processStart().ifPresent(t -> n.put("process_start", t.toString()));
        n.put("kind", intent.back() ? "switch-back" : "switch");
        n.put("link", intent.link().toString());
        intent.previous().ifPresent(p -> n.put("previous", p.toString()));
        n.put("release", intent.release().toString());
        n.put("product", intent.product()).put("from", intent.from()).put("to", intent.to()).put("state", intent.state());
        CrashPoints.reached("switch journal " + intent.state());
        AtomicFiles.writePrivate(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
    }

    private static RuntimeException busy(Intent intent) {
        if (intent.alive()) {
            return new LockHeldFailure(fileOf(intent.link()) + ": process " + intent.pid() + " is switching "
                    + intent.link() + " now; wait for it to finish, then run again", fileOf(intent.link()),
                    "pid " + intent.pid());
        }
        return new RecoveryNeededFailure(intent.describe() + "; the service may be down: run 'migrate rollback --path "
                + intent.link() + "' to point it at " + intent.recoverTo().map(Path::toString).orElse("nothing")
                + " and start that release, then run again", intent.link(),
                null);
    }

    private static Optional<String> text(JsonNode node, String field) {
        return Optional.ofNullable(node.get(field)).filter(JsonNode::isTextual).map(JsonNode::asText);
    }
}
