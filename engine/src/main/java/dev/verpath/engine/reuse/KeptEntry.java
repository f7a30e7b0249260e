package dev.verpath.engine.reuse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.model.RunWarning;
import dev.verpath.engine.records.FileOutcome;
import dev.verpath.engine.records.KeptOutputs;
import dev.verpath.engine.validate.FileStamp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * One kept output, two files of the step cache: the output's bytes ({@code .out}, often a hard link to the file the
 * run wrote), and beside it its trailer ({@code .out.kept}, JSON: the input's SHA-256 and, when it had settled, its
 * {@link FileStamp}; the output's length and CRC32C; the file's records, bytes, warnings and counters). Files that do
 * not read so are no entry, and the output's bytes are checked against their length and CRC32C as they are copied:
 * damage is a miss, never a wrong output. A checksum is enough there: what names an entry is the input's SHA-256, and
 * the check is against damage (a disk, a file written in place through the entry's hard link), not against a
 * forger, who could rewrite the trailer as well in a folder only its owner can write. Immutable.
 */
final class KeptEntry implements KeptOutputs.Kept {

    /** The largest trailer kept (a file with a warning on every record keeps no entry). */
    static final int MAX_TRAILER = 4 << 20;
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the trailer says.
     *
     * @param inputSha256  the SHA-256 of the bytes the output was migrated from
     * @param inputStamp   the input's stamp when it had settled before it was read
     * @param outputBytes  the output's length
     * @param outputCrc32c its CRC32C
     * @param outcome      what the file's migration reported
     */
    record Trailer(String inputSha256, Optional<FileStamp> inputStamp, long outputBytes, long outputCrc32c,
                   FileOutcome outcome) {
    }

    private final Path file;
    private final Trailer trailer;
    private final Runnable forget;

    private KeptEntry(Path file, Trailer trailer, Runnable forget) {
        this.file = file;
        this.trailer = trailer;
        this.forget = forget;
    }

    /**
     * @param file    an entry's output
     * @param trailer its trailer
     * @param forget  forgets the entry (it was found damaged)
     * @return the entry; empty when a file is missing or does not read as an entry
     */
    static Optional<KeptEntry> read(Path file, Path trailer, Runnable forget) {
        try {
            if (Files.size(trailer) > MAX_TRAILER) {
                return Optional.empty();
            }
            Trailer read = trailer(JSON.readTree(Files.readAllBytes(trailer)));
            return read.outputBytes() == Files.size(file) ? Optional.of(new KeptEntry(file, read, forget)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // missing, unreadable or damaged: no entry
        }
    }

    /** @return what the trailer says */
    Trailer trailer() {
        return trailer;
    }

    @Override
    public FileOutcome outcome() {
        return trailer.outcome();
    }

    @Override
    public void copyTo(OutputStream out) throws IOException {
        CRC32C check = new CRC32C();
        byte[] buffer = new byte[1 << 16];
        long left = trailer.outputBytes();
        try (InputStream in = Files.newInputStream(file)) {
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new KeptOutputs.Damaged(file + ": shorter than its trailer says");
                }
                check.update(buffer, 0, n);
                out.write(buffer, 0, n);
                left -= n;
            }
        }
        if (check.getValue() != trailer.outputCrc32c()) {
            throw new KeptOutputs.Damaged(file + ": its bytes do not match their CRC32C");
        }
    }

    @Override
    public void discard() {
        forget.run();
    }

    /**
     * @param trailer what to write
     * @return the trailer's bytes, the file beside the output's
     */
    static byte[] bytes(Trailer trailer) throws IOException {
        ObjectNode n = JSON.createObjectNode().put("format", PassKey.FORMAT).put("input_sha256", trailer.inputSha256());
        trailer.inputStamp().ifPresent(s -> n.set("input_stamp", s.into(JSON.createObjectNode())));
        n.put("output_bytes", trailer.outputBytes()).put("output_crc32c", trailer.outputCrc32c());
        FileOutcome o = trailer.outcome();
        n.put("records", o.records()).put("bytes_read", o.bytesRead()).put("bytes_written", o.bytesWritten());
        ArrayNode warnings = n.putArray("warnings");
        o.warnings().forEach(w -> warnings.addArray().add(w.ruleId()).add(w.path()).add(w.message()));
        ObjectNode counters = n.putObject("counters");
        o.counters().forEach(counters::put);
        return JSON.writeValueAsBytes(n);
    }

    private static Trailer trailer(JsonNode n) {
        if (!PassKey.FORMAT.equals(n.path("format").asText()) || n.path("input_sha256").asText().length() != 64
                || !n.path("output_crc32c").isIntegralNumber() || !n.path("output_bytes").isIntegralNumber()) {
            throw new IllegalArgumentException("not an entry");
        }
        List<RunWarning> warnings = new ArrayList<>();
        for (JsonNode w : n.path("warnings")) {
            warnings.add(new RunWarning(w.path(0).textValue(), w.path(1).textValue(), w.path(2).textValue()));
        }
        TreeMap<String, Long> counters = new TreeMap<>();
        n.path("counters").fields().forEachRemaining(e -> counters.put(e.getKey(), e.getValue().longValue()));
        FileOutcome outcome = new FileOutcome(n.path("records").asLong(), n.path("bytes_read").asLong(),
                n.path("bytes_written").asLong(), warnings, counters);
        Optional<FileStamp> stamp = n.path("input_stamp").isObject() ? Optional.of(FileStamp.from(n.get("input_stamp")))
                : Optional.empty();
        return new Trailer(n.get("input_sha256").asText(), stamp, n.get("output_bytes").asLong(),
                n.get("output_crc32c").asLong(), outcome);
    }
}
