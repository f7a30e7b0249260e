package dev.verpath.engine.backup;

import dev.verpath.engine.failure.BackupCorruptFailure;
import dev.verpath.engine.failure.Excerpt;
import dev.verpath.engine.files.HashCache;
import dev.verpath.rules.MigrationException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdUtils;

/**
 * The compressed tar archive of a backup's config and data files ({@code files.tar.zst}, or
 * {@code files.tar.gz} where zstd is not available), written and read with Commons Compress. Reading treats
 * the archive as hostile: only regular-file entries the manifest lists, each no larger than its manifest size,
 * each matching its recorded SHA-256; anything else stops the restore before the live tree is touched.
 * Stateless; {@link #read} may be called from any thread.
 */
public final class BackupArchive {

    static final String ZSTD = "files.tar.zst";
    static final String GZIP = "files.tar.gz";

    /** Every name an archive may have: zstd or gzip, each plain or encrypted ({@link PgpArchive}). */
    public static final List<String> NAMES = List.of(ZSTD, GZIP, ZSTD + PgpArchive.SUFFIX, GZIP + PgpArchive.SUFFIX);

    /**
     * The zstd level: on 70 MB of request records level 1 wrote in 83 ms to 4.1 MB, level 3 in 118 ms to 5.4 MB;
     * two workers saved nothing measurable on two cores (69 ms at level 1, 203 ms at level 3) for compression
     * alone; one worker lets the hashing and the compression overlap ({@link ZstdOutput}).
     */
    static final int LEVEL = 1;

    /** What to do with one verified entry's bytes. */
    @FunctionalInterface
    public interface EntrySink {
        /**
         * @param entry the manifest entry the bytes belong to
         * @param bytes its bytes, at most its manifest size; hashed as they are read, and not to be closed
         * @throws IOException when the bytes cannot be written where the sink puts them
         */
        void accept(BackupManifest.Entry entry, InputStream bytes) throws IOException;
    }

    private BackupArchive() {
    }

    /**
     * @param keys the recipients, when the archive is encrypted
     * @return the archive file name this Java runtime writes
     */
    static String fileName(BackupKeys keys) {
        return (ZstdUtils.isZstdCompressionAvailable() ? ZSTD : GZIP) + (keys.encrypts() ? PgpArchive.SUFFIX : "");
    }

    /**
     * Writes the files into a new archive, hashing on the way each file whose hash the run does not know yet.
     *
     * @param archive the archive file to create
     * @param files   logical path to real file, in the order to write
     * @param keys    the recipients the archive is encrypted to, when its name says it is
     * @param known   the hash of a real file the run already knows, while its size and modification time hold
     * @return the SHA-256 of each file by logical path
     */
    static Map<String, String> write(Path archive, Map<String, Path> files, BackupKeys keys,
                                     Function<Path, Optional<String>> known) throws IOException {
        return write(ArchiveWriter.create(archive, keys, LEVEL), files, known);
    }

    /**
     * Writes the files into an open archive (one begun during the shadow run, say), after what it holds, then ends it;
     * a failure deletes it.
     *
     * @param out   the archive
     * @param files logical path to real file, in the order to write
     * @param known the hash of a real file the run already knows, while its size and modification time hold
     * @return the SHA-256 of each file written now, by logical path
     */
    static Map<String, String> write(ArchiveWriter out, Map<String, Path> files, Function<Path, Optional<String>> known)
            throws IOException {
        Map<String, String> hashes = new java.util.TreeMap<>();
        byte[] buffer = new byte[1 << 20];
        try {
            for (Map.Entry<String, Path> e : files.entrySet()) {
                hashes.put(e.getKey(), out.add(e.getKey(), e.getValue(), known.apply(e.getValue()), buffer));
            }
            out.finish();
        } catch (IOException | RuntimeException e) {
            out.abandon();
            throw e;
        }
        return hashes;
    }

    /**
     * Reads every entry, checking it against the manifest, and hands each verified entry's bytes to the sink.
     * With a sink that discards, this is the verification.
     *
     * @param backup   the backup folder
     * @param archived the manifest's archived entries
     * @param sink     receives each entry's bytes (at most its manifest size)
     */
    public static void read(Path backup, List<BackupManifest.Entry> archived, EntrySink sink) throws IOException {
        read(backup, archived, BackupKeys.NONE, sink);
    }

    /**
     * As {@link #read(Path, List, EntrySink)}, opening an encrypted archive with the keys' identity.
     *
     * @param backup   the backup folder
     * @param archived the manifest's archived entries
     * @param keys     the identity an encrypted archive is read with
     * @param sink     receives each entry's bytes (at most its manifest size)
     */
    public static void read(Path backup, List<BackupManifest.Entry> archived, BackupKeys keys, EntrySink sink)
            throws IOException {
        if (archived.isEmpty()) {
            return;
        }
        Path archive = NAMES.stream().map(backup::resolve).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> corrupt(backup.resolve(ZSTD), "is missing"));
        Map<String, BackupManifest.Entry> expected = archived.stream()
                .collect(Collectors.toMap(BackupManifest.Entry::path, Function.identity()));
        long budget = archived.stream().mapToLong(BackupManifest.Entry::size).sum();
        int seen = 0;
        String name = archive.getFileName().toString();
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
             InputStream raw = name.endsWith(PgpArchive.SUFFIX) ? PgpArchive.decrypting(archive, file, keys) : file;
             InputStream decompressed = name.startsWith(ZSTD)
                     ? new ZstdCompressorInputStream(raw) : new GzipCompressorInputStream(raw);
            TarArchiveInputStream tar = new TarArchiveInputStream(decompressed)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                BackupManifest.Entry wanted = expected.remove(entry.getName());
                if (wanted == null) {
                    throw corrupt(archive, "holds an entry the manifest does not list as a file: '" + Excerpt.of(entry.getName()) + "'");
                }
                checkEntry(archive, entry, wanted, budget);
                budget -= wanted.size();
                readEntry(archive, tar, entry, wanted, sink);
                seen++;
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof MigrationException m) {
                throw m;
            }
            if (e instanceof SinkFailure writing) {
                throw writing.getCause();
            }
            throw corrupt(archive, "cannot be read (" + Excerpt.of(e) + ")");
        }
        if (!expected.isEmpty()) {
            throw corrupt(archive, "lacks " + expected.size() + " entr" + (expected.size() == 1 ? "y" : "ies") + " of the manifest, e.g. "
                    + Excerpt.of(expected.keySet().iterator().next()) + " (" + seen + " found)");
        }
    }


    /** Refuses an entry of a type {@link #write} never makes, or of another size than the manifest's (or the budget's). */
    private static void checkEntry(Path archive, TarArchiveEntry entry, BackupManifest.Entry wanted, long budget) {
        String refused = refusedType(entry);
        if (!refused.isEmpty()) {
            throw corrupt(archive, "entry '" + Excerpt.of(entry.getName()) + "' is " + refused
                    + ", which Verpath never writes into a backup (the backup was altered or damaged)");
        }
        if (entry.getSize() != wanted.size() || wanted.size() > budget) {
            throw corrupt(archive, "entry '" + Excerpt.of(entry.getName()) + "' is " + entry.getSize()
                    + " bytes, the manifest says " + wanted.size());
        }
    }

    /** Hands an entry's bytes (at most its manifest size) to the sink, reads it through and checks its SHA-256. */
    private static void readEntry(Path archive, TarArchiveInputStream tar, TarArchiveEntry entry, BackupManifest.Entry wanted,
                                  EntrySink sink) throws IOException {
        MessageDigest digest = HashCache.newDigest();
        InputStream bounded = new DigestInputStream(new BoundedInputStream(tar, wanted.size()), digest);
        try {
            sink.accept(wanted, bounded);
        } catch (IOException writing) {
            throw new SinkFailure(writing);
        }
        bounded.transferTo(OutputStream.nullOutputStream());
        String sha = HexFormat.of().formatHex(digest.digest());
        if (wanted.sha256().isPresent() && !wanted.sha256().get().equals(sha)) {
            throw corrupt(archive, "entry '" + Excerpt.of(entry.getName()) + "' differs from its recorded SHA-256");
        }
    }

    /**
     * Why an entry's type is refused: only the plain regular files {@link #write} makes are restored.
     *
     * @return what the entry is, in words, or empty when it is a plain regular file
     */
    private static String refusedType(TarArchiveEntry entry) {
        if (entry.getLinkFlag() == TarConstants.LF_NORMAL && !entry.isSparse()) {
            return "";
        }
        if (entry.isLink()) {
            return "a hard link";
        } else if (entry.isSymbolicLink()) {
            return "a symbolic link";
        } else if (entry.isCharacterDevice()) {
            return "a character device";
        } else if (entry.isBlockDevice()) {
            return "a block device";
        } else if (entry.isFIFO()) {
            return "a FIFO";
        } else if (entry.isDirectory()) {
            return "a folder";
        } else if (entry.isSparse()) {
            return "a sparse file";
        }
        return "of tar type '" + Excerpt.of(String.valueOf((char) entry.getLinkFlag())) + "'";
    }

    private static MigrationException corrupt(Path archive, String what) {
        return new BackupCorruptFailure(archive + ": " + what
                + "; nothing was restored; choose another backup with --backup-id", archive);
    }

    /** A failure of the sink (writing the staging, say), which says nothing about the archive. */
    private static final class SinkFailure extends IOException {
        private static final long serialVersionUID = 1L;

        SinkFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** Reads at most a limit of bytes from a stream, without closing it. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInputStream(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() {
            // the archive stream stays open for the next entry
        }
    }
}
