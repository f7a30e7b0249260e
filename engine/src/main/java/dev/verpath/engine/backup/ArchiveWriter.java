package dev.verpath.engine.backup;

import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.files.PrivateFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * A backup's archive being written ({@link BackupArchive} names and reads it): a tar stream, compressed and, when the
 * name says so, encrypted, one entry after another. Every entry is a plain file of the size given when it begins,
 * mode 0644 and time 0 (the manifest records the real ones). Not thread-safe.
 */
final class ArchiveWriter {

    private final Path file;
    private final TarArchiveOutputStream tar;
    private boolean closed;

    private ArchiveWriter(Path file, TarArchiveOutputStream tar) {
        this.file = file;
        this.tar = tar;
    }

    /**
     * Creates the archive file (private) and opens its streams.
     *
     * @param archive the file to create; its name says how it is compressed and whether it is encrypted
     * @param keys    the recipients, when it is encrypted
     * @param level   the zstd level
     * @return the archive, with no entry yet
     * @throws IOException when the file cannot be made
     */
    static ArchiveWriter create(Path archive, BackupKeys keys, int level) throws IOException {
        String name = archive.getFileName().toString();
        OutputStream file = new BufferedOutputStream(PrivateFiles.newOutputStream(archive), 1 << 16);
        try {
            OutputStream raw = name.endsWith(PgpArchive.SUFFIX)
                    ? PgpArchive.encrypting(file, PgpArchive.recipients(keys.recipients())) : file;
            OutputStream compressed = name.startsWith(BackupArchive.ZSTD)
                    ? ZstdOutput.of(raw, level) : new GzipCompressorOutputStream(raw);
            TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed);
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            return new ArchiveWriter(archive, tar);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** @return the archive file */
    Path file() {
        return file;
    }

    /**
     * Begins an entry; exactly {@code size} bytes must follow through {@link #write}, then {@link #end}.
     *
     * @param path the logical path the entry is named by
     * @param size its size
     */
    void begin(String path, long size) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(path);
        entry.setSize(size);
        entry.setMode(0100644);
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
    }

    /** Writes bytes of the entry begun. */
    void write(byte[] bytes, int offset, int length) throws IOException {
        tar.write(bytes, offset, length);
    }

    /** Ends the entry begun, once all its bytes are written. */
    void end() throws IOException {
        tar.closeArchiveEntry();
    }

    /**
     * Writes a whole file as an entry, hashing it on the way unless its hash is known.
     *
     * @param path   the logical path
     * @param real   the file
     * @param known  its hash, when the run knows it for the file as it is
     * @param buffer a buffer to read through
     * @return the file's SHA-256
     */
    String add(String path, Path real, Optional<String> known, byte[] buffer) throws IOException {
        begin(path, Files.size(real));
        MessageDigest digest = HashCache.newDigest();
        try (InputStream in = Files.newInputStream(real)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (known.isEmpty()) {
                    digest.update(buffer, 0, n);
                }
                write(buffer, 0, n);
            }
        }
        end();
        return known.orElseGet(() -> HexFormat.of().formatHex(digest.digest()));
    }

    /** Ends the archive and makes it durable. */
    void finish() throws IOException {
        closed = true;
        tar.close();
        AtomicFiles.fsync(file);
    }

    /** Closes the streams, if still open, and deletes the file: the archive is not kept. */
    void abandon() throws IOException {
        if (!closed) {
            closed = true;
            try {
                tar.close();
            } catch (IOException | RuntimeException e) {
                // an unfinished entry (a short read) refuses to close; the file is deleted anyway
            }
        }
        Files.deleteIfExists(file);
    }
}
