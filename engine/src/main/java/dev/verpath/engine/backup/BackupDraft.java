package dev.verpath.engine.backup;

import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.files.PrivateFiles;
import dev.verpath.engine.workspace.LiveReads;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backup begun before the shadow run ({@link BackupStore#begin}): its folder, and its archive, into which each live
 * file a record pass reads whole is written as the pass reads it. The backup taken after the shadow run
 * ({@link BackupStore#create(dev.verpath.engine.workspace.LiveTree, String, dev.verpath.engine.files.ProductFiles,
 * String, String, HashCache, dev.verpath.engine.progress.ProgressListener, Optional, Optional)}) then adds only the
 * files no pass read, and does not read the others again.
 *
 * <p>An entry stands for the bytes the pass read, which are the bytes it hashed: the backup keeps it only when the
 * file still has the size and modification time it had when the pass opened it, and the hash is the one the pass
 * computed (or the draft, when the pass hashes nothing). Anything else (a file read in part, a file that grew while it
 * was read, a write that failed) spoils the draft, never the run: its archive is deleted and the backup writes one
 * anew, as it would have without a draft. Not thread-safe: one thread reads, then takes the backup.
 */
public final class BackupDraft implements LiveReads, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackupDraft.class);

    /**
     * A file written whole into the archive.
     *
     * @param real   the live file
     * @param size   its size when it was opened (the entry's)
     * @param mtime  its modification time then, in milliseconds
     * @param sha256 the hash of the bytes written, when the draft computed it (else the pass's, in the hash cache)
     */
    record Teed(Path real, long size, long mtime, Optional<String> sha256) {
    }

    private final Path store;
    private final Clock clock;
    private final BackupKeys keys;
    private final Function<Instant, String> freeId;
    private final Map<String, Teed> teed = new TreeMap<>();
    private String id;
    private Instant created;
    private Path target;
    private boolean storeMade;
    private boolean opened;
    private ArchiveWriter archive;
    private boolean reading;
    private boolean taken;

    /**
     * A draft that makes its folder and archive when a pass first reads a live file: a run that stops before (an
     * error in the source, say) leaves nothing behind, not even the backups folder.
     *
     * @param store  the folder backups live in
     * @param clock  names the backup, when it begins
     * @param keys   the recipients the archive is encrypted to, when any
     * @param freeId a backup id for a time that no backup folder has yet
     */
    BackupDraft(Path store, Clock clock, BackupKeys keys, Function<Instant, String> freeId) {
        this.store = store;
        this.clock = clock;
        this.keys = keys;
        this.freeId = freeId;
    }

    /** Makes the backup's folder (marked as being written) and opens its archive. */
    private void open() throws IOException {
        opened = true;
        created = clock.instant();
        id = freeId.apply(created);
        storeMade = !Files.isDirectory(store);
        target = store.resolve(id);
        PrivateFiles.createFolders(target);
        WritingMark.put(target);
        archive = ArchiveWriter.create(target.resolve(BackupArchive.fileName(keys)), keys, BackupArchive.LEVEL);
    }

    /** @return whether the backup began: a pass read a live file, and its folder and archive were made */
    boolean begun() {
        return target != null && archive != null;
    }

    /** @return the backup's id, once begun */
    String id() {
        return id;
    }

    /** @return when the backup began, once begun */
    Instant created() {
        return created;
    }

    /** @return the backup's folder, once begun */
    Path target() {
        return target;
    }

    @Override
    public InputStream reading(String path, Path real, InputStream in, boolean hashed) throws IOException {
        if (!opened && !taken) {
            try {
                open();
            } catch (IOException | RuntimeException e) {
                LOG.debug("the backup is not begun during the pass: {}", e.getMessage());
                spoil("");
            }
        }
        if (archive == null || reading || teed.containsKey(path)) {
            return in;
        }
        BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        try {
            archive.begin(path, attrs.size());
        } catch (IOException | RuntimeException e) {
            spoil(path + ": " + e.getMessage());
            return in;
        }
        reading = true;
        return new Teeing(in, path, new Teed(real, attrs.size(), attrs.lastModifiedTime().toMillis(), Optional.empty()),
                hashed ? null : HashCache.newDigest());
    }

    /**
     * Hands the archive to the backup, with what it holds; afterwards the draft no longer deletes anything.
     *
     * @return the archive and its entries, or empty when the draft was spoiled (the backup writes an archive anew)
     */
    Optional<Taken> take() throws IOException {
        taken = true;
        if (archive == null || reading) {
            spoil(reading ? "a file was not read to its end" : "");
            return Optional.empty();
        }
        return Optional.of(new Taken(archive, Map.copyOf(teed)));
    }

    /** The archive handed to the backup, open for more entries, and the files in it by logical path. */
    record Taken(ArchiveWriter archive, Map<String, Teed> teed) {
    }

    /**
     * Deletes the draft's folder unless the backup took it (the run stopped before its backup, or needed none), and
     * the backups folder too when the draft made it and it is empty.
     */
    @Override
    public void close() throws IOException {
        if (taken) {
            return;
        }
        taken = true;
        if (archive != null) {
            archive.abandon();
            archive = null;
        }
        if (target != null) {
            AtomicFiles.deleteTree(target);
            if (storeMade) {
                try (java.util.stream.Stream<Path> left = Files.list(store)) {
                    if (left.findAny().isEmpty()) {
                        Files.deleteIfExists(store);
                    }
                }
            }
        }
    }

    private void spoil(String why) {
        if (archive == null) {
            return;
        }
        if (!why.isEmpty()) {
            LOG.debug("the backup's archive begun during the pass is written anew: {}", why);
        }
        try {
            archive.abandon();
        } catch (IOException e) {
            LOG.debug("{}: could not be deleted: {}", archive.file(), e.getMessage());
        }
        archive = null;
        reading = false;
    }

    /** The bytes of one file on their way to the reader, written into the archive as they pass. */
    private final class Teeing extends FilterInputStream {
        private final String path;
        private final Teed entry;
        private final MessageDigest digest;
        private long written;
        private boolean ended;

        Teeing(InputStream in, String path, Teed entry, MessageDigest digest) {
            super(in);
            this.path = path;
            this.entry = entry;
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = in.read(bytes, offset, length);
            if (n > 0) {
                seen(bytes, offset, n);
            } else if (n < 0) {
                ended();
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            spoilEntry("skipped");
            return in.skip(n);
        }

        @Override
        public void close() throws IOException {
            try {
                in.close();
            } finally {
                if (!ended) {
                    spoilEntry("not read to its end");
                }
            }
        }

        private void seen(byte[] bytes, int offset, int n) {
            if (ended || archive == null) {
                return;
            }
            if (written + n > entry.size()) {
                spoilEntry("longer than when it was opened");
                return;
            }
            try {
                archive.write(bytes, offset, n);
                written += n;
                if (digest != null) {
                    digest.update(bytes, offset, n);
                }
            } catch (IOException | RuntimeException e) {
                spoilEntry(e.getMessage());
            }
        }

        private void ended() {
            if (ended) {
                return;
            }
            ended = true;
            if (archive == null) {
                return;
            }
            if (written != entry.size()) {
                spoilEntry("shorter than when it was opened");
                return;
            }
            try {
                archive.end();
            } catch (IOException | RuntimeException e) {
                spoilEntry(e.getMessage());
                return;
            }
            reading = false;
            teed.put(path, new Teed(entry.real(), entry.size(), entry.mtime(),
                    Optional.ofNullable(digest).map(d -> HexFormat.of().formatHex(d.digest()))));
        }

        private void spoilEntry(String why) {
            ended = true;
            spoil(path + ": " + why);
        }
    }
}
