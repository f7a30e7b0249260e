package dev.verpath.engine.reuse;

import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.records.FileOutcome;
import dev.verpath.engine.records.KeptOutputs;
import dev.verpath.engine.validate.FileStamp;
import java.io.BufferedOutputStream;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one file's output as the record pass writes it: the input's bytes are hashed as they are read, the output's
 * copied into a private temporary file of the step cache (0600) and hashed; when the file was migrated whole, the
 * trailer is appended and the file renamed to its entry's name. Keeping never fails the run: a copy that cannot be
 * written is given up, and so is an output larger than the cache. One file, one thread.
 */
final class EntryWriter implements KeptOutputs.Keeping {

    private static final Logger LOG = LoggerFactory.getLogger(EntryWriter.class);

    private final StepCache cache;
    private final String slot;
    private final Path input;
    private final FileStamp before;
    private final Instant started;
    private final Path temporary;
    private final long limit;
    private final MessageDigest inputDigest = HashCache.newDigest();
    private final MessageDigest outputDigest = HashCache.newDigest();
    private final OutputStream copy;
    private long inputBytes;
    private long outputBytes;
    private boolean broken;
    private boolean done;

    /**
     * @param cache     the cache the entry goes into
     * @param slot      the pass and the file, hashed: the first half of the entry's name
     * @param input     the file as the pass reads it
     * @param temporary a new private file in the cache's folder
     * @param limit     the largest output kept
     */
    EntryWriter(StepCache cache, String slot, Path input, Path temporary, long limit) throws IOException {
        this.cache = cache;
        this.slot = slot;
        this.input = input;
        this.started = Instant.now();
        this.before = FileStamp.of(input);
        this.temporary = temporary;
        this.limit = limit;
        this.copy = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16);
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
                keep(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                out.write(buffer, offset, length);
                keep(buffer, offset, length);
            }
        };
    }

    /** Copies output bytes into the entry; a failure gives the entry up, never the run. */
    private void keep(byte[] buffer, int offset, int length) {
        if (broken) {
            return;
        }
        outputBytes += length;
        if (outputBytes > limit) {
            giveUp("larger than the cache", null);
            return;
        }
        try {
            copy.write(buffer, offset, length);
            outputDigest.update(buffer, offset, length);
        } catch (IOException e) {
            giveUp("could not be written", e);
        }
    }

    @Override
    public void kept(FileOutcome outcome) {
        if (broken || done) {
            return;
        }
        try {
            FileStamp after = FileStamp.of(input);
            if (after.size() != inputBytes || !after.same(before)) {
                giveUp("its input changed or was not read whole", null);
                return;
            }
            String inputSha = HexFormat.of().formatHex(inputDigest.digest());
            Optional<FileStamp> stamp = before.settled(after, started) ? Optional.of(before) : Optional.empty();
            copy.write(KeptEntry.bytes(new KeptEntry.Trailer(inputSha, stamp, outputBytes,
                    HexFormat.of().formatHex(outputDigest.digest()), outcome)));
            copy.close();
            done = true;
            cache.store(temporary, slot, inputSha);
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
        if (!broken) {
            LOG.debug("{}: its output is not kept ({})", input, why, cause);
        }
        broken = true;
        done = true;
        try {
            copy.close();
        } catch (IOException e) {
            // given up anyway
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            LOG.debug("{}: could not be deleted", temporary, e);
        }
    }
}
