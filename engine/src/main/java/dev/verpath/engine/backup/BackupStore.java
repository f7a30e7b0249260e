package dev.verpath.engine.backup;

import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.progress.ProgressPhase;
import dev.verpath.engine.failure.BackupCorruptFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.Excerpt;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.model.SystemSnapshot;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.files.PrivateFiles;
import dev.verpath.engine.files.ProductFiles;
import dev.verpath.engine.workspace.LiveTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The backups of one installation, each a folder {@code <id>/} with {@code manifest.json} and {@code files/}.
 * A file its product declares a weight ({@link dev.verpath.rules.FileRole#WEIGHTS}: the workspace never writes one,
 * and only ever replaces files by rename) is kept as a clone or a hard link when it is on the same file system, never
 * in the archive; every other file is archived or copied. The manifest
 * is written last: a folder without one is an unfinished backup and is ignored.
 */
public final class BackupStore {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Path folder;
    private final Clock clock;
    private final String weights;
    private final ReflinkClone clones = new ReflinkClone();
    private final String mode;
    private final BackupKeys keys;

    /**
     * A store that keeps files the {@code auto} way, unencrypted.
     *
     * @param folder where the backups live (default {@code <root>/.migrate/backups})
     * @param clock  the clock that names backups
     */
    public BackupStore(Path folder, Clock clock) {
        this(folder, clock, "auto", "auto", BackupKeys.NONE);
    }

    /**
     * @param folder  where the backups live (default {@code <root>/.migrate/backups})
     * @param clock   the clock that names backups
     * @param mode    {@code auto} (weight files hard-linked, the rest archived), {@code hardlink} (every file
     *                hard-linked), {@code archive} (every file archived) or {@code copy} (every file copied); a hard
     *                link that the file system refuses (another device) becomes a copy
     * @param weights how weight files the mode links are kept: {@code link}, {@code copy}, or {@code auto} (a
     *                clone where the file system can make one, else a link)
     * @param keys    the recipients the archive of a new backup is encrypted to, when any
     */
    public BackupStore(Path folder, Clock clock, String mode, String weights, BackupKeys keys) {
        this.folder = folder.toAbsolutePath().normalize();
        this.clock = clock;
        this.weights = weights;
        this.keys = keys;
        if (!List.of("auto", "hardlink", "archive", "copy").contains(mode)) {
            throw new InputFailure(ErrorCode.USAGE, "backup.mode '" + mode + "' is unknown; use auto, hardlink, archive or copy");
        }
        this.mode = mode;
    }

    /** @return the folder the backups live in */
    public Path folder() {
        return folder;
    }

    /**
     * Backs up every entry of the live tree.
     *
     * @param live    the tree as it is now
     * @param product the product
     * @param files   the roles of the product's files: weights are kept by clone or link
     * @param from    the version before
     * @param to      the version aimed at
     * @param hashes  the run's hash cache (hashes computed while copying are added to it); the files kept by link
     *                are hashed from it, so a caller that has hashed them on every core beforehand (see
     *                {@link HashCache#hashAll}) saves reading them here one by one
     * @return the backup
     * @throws IOException when the backup cannot be written
     */
    public BackupInfo create(LiveTree live, String product, ProductFiles files, String from, String to, HashCache hashes)
            throws IOException {
        return create(live, product, files, from, to, hashes, ProgressListener.NONE, Optional.empty(), Optional.empty());
    }

    /**
     * Backs up every entry of the live tree, as {@link #create(LiveTree, String, ProductFiles, String, String,
     * HashCache)}, telling the listener of the bytes kept of the live files' total ({@link ProgressPhase#BACKUP}),
     * with a manifest that also records the system it was taken on; and finishes a backup begun before the shadow
     * run when there is one: its id, its folder, and the files its archive holds already.
     *
     * @param live     the tree as it is now
     * @param product  the product
     * @param files    the roles of the product's files
     * @param from     the version before
     * @param to       the version aimed at
     * @param hashes   the run's hash cache
     * @param listener told how the backup goes
     * @param system   the system snapshot for the manifest, when the caller has one
     * @param draft    the backup begun ({@link #begin}), when there is one
     * @return the backup
     * @throws IOException when the backup cannot be written
     */
    public BackupInfo create(LiveTree live, String product, ProductFiles files, String from, String to, HashCache hashes,
                             ProgressListener listener, Optional<SystemSnapshot> system, Optional<BackupDraft> draft)
            throws IOException {
        Optional<BackupDraft> begun = draft.filter(BackupDraft::begun);
        Instant now = begun.map(BackupDraft::created).orElseGet(clock::instant);
        String id = begun.map(BackupDraft::id).orElseGet(() -> freeId(now));
        Path target = folder.resolve(id);
        try {
            return info(target, new BackupWriter(target, mode, weights, clones, files, hashes, keys)
                    .write(id, now, live, product, from, to, listener, system, begun));
        } catch (IOException | RuntimeException e) {
            // a backup that could not be finished (a full disk, say) is removed, not left without a manifest
            try {
                AtomicFiles.deleteTree(target);
            } catch (IOException left) {
                e.addSuppressed(left);
            }
            throw e;
        }
    }

    /**
     * Begins a backup before the shadow run, when this store archives files: its folder and its archive, made when a
     * record pass first reads a live file, which goes into the archive as the pass reads it ({@link BackupDraft}). A
     * store that archives nothing (mode {@code hardlink} or {@code copy}) begins none.
     *
     * @return the draft, which the caller closes (deleting what it made unless a backup took it)
     */
    public Optional<BackupDraft> begin() {
        if (!mode.equals("auto") && !mode.equals("archive")) {
            return Optional.empty();
        }
        return Optional.of(new BackupDraft(folder, clock, keys, this::freeId));
    }

    /** @return a backup id for the time that no backup folder has yet */
    private String freeId(Instant now) {
        String base = ID.format(now);
        String id = base;
        for (int n = 2; Files.exists(folder.resolve(id)); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /**
     * Backup folders without a manifest whose writer no longer runs (a backup whose run died before it was finished),
     * oldest first. A folder a live process is writing ({@link WritingMark}) is not one of them.
     *
     * @return their folders
     * @throws IOException when the folder cannot be listed
     */
    public List<Path> unfinished() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(c -> Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS)
                    && (Files.isDirectory(c.resolve("files")) || Files.exists(c.resolve(WritingMark.FILE)))
                    && !Files.exists(c.resolve(BackupManifest.FILE)) && !WritingMark.writerRuns(c)).sorted().toList();
        }
    }

    /**
     * @param unfinished a backup folder without a manifest ({@link #unfinished})
     * @return whether it names its writer, a process of this machine that no longer runs: it can be removed however
     *         young it is
     */
    public static boolean writerGone(Path unfinished) {
        return WritingMark.writerGone(unfinished);
    }

    /**
     * @return every finished backup, oldest first
     * @throws IOException when the folder cannot be listed
     */
    public List<BackupInfo> list() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<BackupInfo> out = new ArrayList<>();
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.sorted().toList()) {
                Path manifest = child.resolve(BackupManifest.FILE);
                if (Files.isRegularFile(manifest)) {
                    out.add(info(child, read(child)));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * Deletes a backup: its manifest first, so that a crash midway leaves an unfinished backup (ignored), never
     * a listed one with missing files.
     *
     * @param backup a backup folder
     * @throws IOException when it cannot be deleted
     */
    public static void delete(Path backup) throws IOException {
        Files.deleteIfExists(backup.resolve(BackupManifest.FILE));
        AtomicFiles.fsyncFolder(backup);
        AtomicFiles.deleteTree(backup);
    }

    /**
     * @param backup a backup folder
     * @return its manifest
     */
    public static BackupManifest read(Path backup) {
        Path manifest = backup.resolve(BackupManifest.FILE);
        try {
            return BackupManifest.parse(Files.readAllBytes(manifest));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new BackupCorruptFailure(manifest + ": not a readable backup manifest (not valid JSON"
                    + where + "); choose another backup with --backup-id", manifest);
        } catch (IOException | RuntimeException e) {
            throw new BackupCorruptFailure(manifest + ": not a readable backup manifest ("
                    + Excerpt.of(e) + "); choose another backup with --backup-id", manifest);
        }
    }

    private static BackupInfo info(Path backup, BackupManifest m) throws IOException {
        long onDisk = m.entries().stream().filter(e -> e.stored().equals("copy")).mapToLong(BackupManifest.Entry::size).sum();
        for (String archive : BackupArchive.NAMES) {
            Path file = backup.resolve(archive);
            if (Files.isRegularFile(file)) {
                onDisk += Files.size(file); // archived entries take the compressed archive's bytes
            }
        }
        int linked = (int) m.entries().stream().filter(e -> e.stored().equals("hardlink")).count();
        return new BackupInfo(m.id(), m.created(), m.product(), m.from(), m.to(), m.entries().size(), onDisk, linked, backup,
                m.scope());
    }

}
