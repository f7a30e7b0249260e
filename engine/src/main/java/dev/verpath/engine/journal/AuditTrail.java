package dev.verpath.engine.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.ProcessName;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The installation's audit trail, {@code .migrate/audit.jsonl}: one JSON line per command that changed the
 * installation or tried to, oldest first. Lines are only ever appended (O_APPEND, then fsync), never rewritten, so a
 * crash leaves at most one torn last line: the reader skips it, and the next append starts on a line of its own.
 *
 * <p>A command that can be killed before it writes its line (SIGKILL, a power cut) leaves its start behind first, in
 * {@code .migrate/audit-open/<run id>.json}; its line replaces that file when it ends. A start whose process is gone
 * is a killed run: {@link #settleKilled} appends its line (outcome {@code killed}) for it. Lines and starts are the
 * caller's JSON objects; this class reads {@code run_id}, {@code pid} and {@code process_start} of a start. Not
 * thread-safe; several processes may append at once (each line is one write).
 */
public final class AuditTrail {

    /** The audit trail's file name in the state folder. */
    public static final String FILE = "audit.jsonl";
    /** The folder of the starts of running (or killed) commands, in the state folder. */
    public static final String OPEN = "audit-open";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path stateFolder;

    private AuditTrail(Path stateFolder) {
        this.stateFolder = stateFolder;
    }

    /**
     * @param stateFolder an installation's {@code .migrate/}
     * @return its audit trail
     */
    public static AuditTrail in(Path stateFolder) {
        return new AuditTrail(stateFolder);
    }

    /**
     * What the reader found: the whole lines, and how many it skipped (a torn last line, or one that is not a JSON
     * object).
     *
     * @param entries the lines, oldest first
     * @param skipped lines left out
     */
    public record Read(List<ObjectNode> entries, int skipped) {

        /** Copies the list. */
        public Read {
            entries = List.copyOf(entries);
        }
    }

    /**
     * Appends one line and forces it to disk. A file that ends in a torn line gets a newline first, so that the
     * torn line stays the only one lost.
     *
     * @param entry the line's object
     * @throws IOException when it cannot be written
     */
    public void append(ObjectNode entry) throws IOException {
        Files.createDirectories(stateFolder);
        Path file = stateFolder.resolve(FILE);
        boolean created = !Files.exists(file);
        byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE), privateFile())) {
            if (!created && endsTorn(file)) {
                line = ("\n" + new String(line, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            }
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        if (created) {
            AtomicFiles.fsyncFolder(stateFolder);
        }
    }

    /**
     * Every whole line, oldest first.
     *
     * @return the lines and the number skipped; nothing when there is no trail
     * @throws IOException when the file cannot be read
     */
    public Read read() throws IOException {
        Path file = stateFolder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new Read(List.of(), 0);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<ObjectNode> entries = new ArrayList<>();
        int skipped = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            boolean last = i == lines.length - 1;
            if (lines[i].isBlank()) {
                continue;
            }
            Optional<ObjectNode> entry = last ? Optional.empty() : object(lines[i]); // no newline: torn
            entry.ifPresent(entries::add);
            skipped += entry.isPresent() ? 0 : 1;
        }
        return new Read(entries, skipped);
    }

    /**
     * Leaves a command's start behind, durably, until {@link #close} or {@link #settleKilled}.
     *
     * @param start the start: {@code run_id}, {@code pid}, {@code process_start} and what else the caller records
     * @throws IOException when it cannot be written
     */
    public void open(ObjectNode start) throws IOException {
        Path folder = stateFolder.resolve(OPEN);
        Files.createDirectories(folder);
        AtomicFiles.write(folder.resolve(start.path("run_id").asText() + ".json"),
                JSON.writeValueAsBytes(start));
    }

    /**
     * Removes a command's start once its line is written.
     *
     * @param runId the command's run id
     * @throws IOException when it cannot be removed
     */
    public void close(String runId) throws IOException {
        Files.deleteIfExists(stateFolder.resolve(OPEN).resolve(runId + ".json"));
    }

    /**
     * The starts of commands that have not written their line: running now, or killed.
     *
     * @return the starts, oldest run id first
     * @throws IOException when the folder cannot be read
     */
    public List<ObjectNode> open() throws IOException {
        Path folder = stateFolder.resolve(OPEN);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<ObjectNode> starts = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder).sorted()) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().endsWith(".json")) {
                    readStart(file).ifPresent(starts::add);
                }
            }
        }
        return starts;
    }

    /**
     * Writes the line of every command whose start is left behind and whose process is gone: outcome
     * {@code killed}, no end time. Two processes settling at once write each line once (a start is claimed by a
     * rename first).
     *
     * @param line turns a start into its line
     * @return the lines written
     * @throws IOException when the trail cannot be written
     */
    public List<ObjectNode> settleKilled(java.util.function.UnaryOperator<ObjectNode> line) throws IOException {
        List<ObjectNode> written = new ArrayList<>();
        for (ObjectNode start : open()) {
            if (running(start)) {
                continue;
            }
            Path file = stateFolder.resolve(OPEN).resolve(start.path("run_id").asText() + ".json");
            Path claimed = file.resolveSibling(file.getFileName() + ".settling-" + ProcessHandle.current().pid());
            try {
                Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                continue; // another process settled it
            }
            ObjectNode entry = line.apply(start);
            append(entry);
            Files.deleteIfExists(claimed);
            written.add(entry);
        }
        return written;
    }

    /**
     * Whether the process a start names still runs: the same pid, started at the same instant.
     *
     * @param start a start
     * @return true while it runs
     */
    public static boolean running(JsonNode start) {
        JsonNode began = start.path("process_start");
        return new ProcessName(start.path("pid").asLong(-1),
                began.isTextual() ? Optional.of(began.asText()) : Optional.empty()).runs();
    }

    private static Optional<ObjectNode> readStart(Path file) throws IOException {
        try {
            return object(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static Optional<ObjectNode> object(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static boolean endsTorn(Path file) throws IOException {
        try (FileChannel read = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = read.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            read.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    private static FileAttribute<?>[] privateFile() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }
}
