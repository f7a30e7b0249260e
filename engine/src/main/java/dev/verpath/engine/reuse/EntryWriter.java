package dev.verpath.engine.reuse;

import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.records.FileOutcome;
import dev.verpath.engine.records.KeptOutputs;
import dev.verpath.engine.validate.FileStamp;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one file's output as the record pass writes it: the input's bytes are hashed (SHA-256: what names the
 * entry) and the output's checksummed (CRC32C: what finds a damaged entry) on their way;
 * when the file was migrated whole, the written file becomes the entry (a hard link where the file system makes one,
 * else a private copy) beside its trailer. The input's SHA-256 goes into the run's hash cache, so that the backup
 * that follows does not hash the file again. Keeping never fails the run: an entry that cannot be made is given up,
 * and so is an output larger than the cache. One file, one thread.
 */
final class EntryWriter implements KeptOutputs.Keeping {

    private static final Logger LOG = LoggerFactory.getLogger(EntryWriter.class);

    private final StepCache cache;
    private final String slot;
    private final Path input;
    private final Supplier<Path> written;
    private final HashCache hashes;
    private final FileStamp before;
    private final Instant started;
    private final long limit;
    private final MessageDigest inputDigest = HashCache.newDigest();
    private final CRC32C outputCheck = new CRC32C();
    private long inputBytes;
    private long outputBytes;
    private boolean broken;
    private boolean done;

    /**
     * @param cache   the cache the entry goes into
     * @param slot    the pass and the file, hashed: the first half of the entry's name
     * @param input   the file as the pass reads it
     * @param written where the output is once written (the staged file)
     * @param hashes  the run's hash cache, told the input's SHA-256
     * @param limit   the largest output kept
     */
    EntryWriter(StepCache cache, String slot, Path input, Supplier<Path> written, HashCache hashes, long limit)
            throws IOException {
        this.cache = cache;
        this.slot = slot;
        this.input = input;
        this.written = written;
        this.hashes = hashes;
        this.started = Instant.now();
        this.before = FileStamp.of(input);
        this.limit = limit;
    }

    @Override
    public boolean remembersInputHash() {
        return true;
    }

    @Override
    public InputStream reading(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    inputDigest.update((byte) b);
                    inputBytes++;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    inputDigest.update(buffer, offset, n);
                    inputBytes += n;
                }
                return n;
            }
        };
    }

    @Override
    public OutputStream writing(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                seen(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                out.write(buffer, offset, length);
                seen(buffer, offset, length);
            }
        };
    }

    /** Checksums output bytes on their way; an output beyond the bound gives the entry up, never the run. */
    private void seen(byte[] buffer, int offset, int length) {
        if (broken) {
            return;
        }
        outputBytes += length;
        if (outputBytes > limit) {
            broken = true;
            LOG.debug("{}: its output is not kept (larger than the cache)", input);
            return;
        }
        outputCheck.update(buffer, offset, length);
    }

    @Override
    public void kept(FileOutcome outcome) {
        if (done) {
            return;
        }
        done = true;
        try {
            FileStamp after = FileStamp.of(input);
            if (after.size() != inputBytes || !after.same(before)) {
                giveUp("its input changed or was not read whole", null);
                return;
            }
            String inputSha = HexFormat.of().formatHex(inputDigest.digest());
            hashes.remember(input, inputSha);
            if (broken) {
                return;
            }
            Path output = written.get();
            if (Files.size(output) != outputBytes) {
                giveUp("the file written is not what the pass wrote", null);
                return;
            }
            Optional<FileStamp> stamp = before.settled(after, started) ? Optional.of(before) : Optional.empty();
            cache.store(output, slot, inputSha, KeptEntry.bytes(new KeptEntry.Trailer(inputSha, stamp, outputBytes,
                    outputCheck.getValue(), outcome)));
        } catch (IOException | RuntimeException e) {
            giveUp("could not be kept", e);
        }
    }

    @Override
    public void abandon() {
        if (!done) {
            giveUp("not finished", null);
        }
    }

    private void giveUp(String why, Exception cause) {
        LOG.debug("{}: its output is not kept ({})", input, why, cause);
        done = true;
    }
}
