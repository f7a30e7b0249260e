package dev.verpath.engine.backup;

import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.progress.ProgressMeter;
import dev.verpath.engine.progress.ProgressPhase;
import dev.verpath.engine.model.SystemSnapshot;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.CrashPoints;
import dev.verpath.engine.files.FileOwner;
import dev.verpath.engine.files.HardLinks;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.files.PrivateFiles;
import dev.verpath.engine.files.ProductFiles;
import dev.verpath.engine.workspace.LiveTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes one backup's folder: every entry of the live tree kept the way the store's mode says (a weight as a
 * clone, a hard link or a copy; every other file archived or copied), then the manifest, last. Not thread-safe;
 * one per backup.
 */
final class BackupWriter {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BackupWriter.class);

    private final Path target;
    private final Path files;
    private final String mode;
    private final String weights;
    private final ReflinkClone clones;
    private final ProductFiles roles;
    private final HashCache hashes;
    private final BackupKeys keys;
    private final List<BackupManifest.Entry> entries = new ArrayList<>();
    private final Map<String, Path> toArchive = new TreeMap<>();
    private final Map<String, BackupManifest.Entry> archived = new TreeMap<>();
    private final Map<String, Optional<FileOwner>> owners = new HashMap<>();

    /**
     * @param target  the backup folder to write
     * @param mode    the store's mode ({@code auto}, {@code hardlink}, {@code archive} or {@code copy})
     * @param weights how weight files the mode links are kept ({@code link}, {@code copy} or {@code auto})
     * @param clones  the store's clone maker
     * @param roles   the roles of the product's files: weights are kept by clone or link
     * @param hashes  the run's hash cache (hashes computed while copying are added to it)
     * @param keys    the recipients the archive is encrypted to, when any
     */
    BackupWriter(Path target, String mode, String weights, ReflinkClone clones, ProductFiles roles, HashCache hashes,
                 BackupKeys keys) {
        this.keys = keys;
        this.target = target;
        this.files = target.resolve("files");
        this.mode = mode;
        this.weights = weights;
        this.clones = clones;
        this.roles = roles;
        this.hashes = hashes;
    }

    /**
     * Backs up every entry of the live tree, then writes the manifest.
     *
     * @return the manifest written
     * @throws IOException when the backup cannot be written
     */
    BackupManifest write(String id, Instant now, LiveTree live, String product, String from, String to,
                         ProgressListener listener, Optional<SystemSnapshot> system, Optional<BackupDraft> draft)
            throws IOException {
        PrivateFiles.createFolders(files);
        if (draft.isEmpty()) {
            WritingMark.put(target); // a begun backup's folder carries it since the pass first read a live file
        }
        long total = 0;
        for (LiveTree.Entry e : live.entries().values()) {
            total += e.real() != null && e.type() == LiveTree.Type.FILE ? Files.size(e.real()) : 0;
        }
        try (ProgressMeter meter = ProgressMeter.start(listener, ProgressPhase.BACKUP, total)) {
            for (Map.Entry<String, LiveTree.Entry> e : live.entries().entrySet()) {
                if (e.getValue().real() != null) {
                    meter.add(keep(e.getKey(), e.getValue()));
                }
            }
            meter.add(archive(draft.isPresent() ? draft.get().take() : Optional.empty()));
        }
        entries.replaceAll(e -> e.withOwner(owners.get(e.path())));
        BackupManifest manifest = new BackupManifest(id, now, product, from, to, live.mounts(), entries, system,
                live.scope());
        WritingMark.remove(target);
        AtomicFiles.writePrivate(target.resolve(BackupManifest.FILE), manifest.toJson());
        return manifest;
    }

    /** @return the bytes of the file kept now (0 for a folder, a link, or a file left for the archive) */
    private long keep(String path, LiveTree.Entry entry) throws IOException {
        PosixFileAttributes attrs = Files.readAttributes(entry.real(), PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        owners.put(path, FileOwner.of(entry.real()));
        String permissions = PosixFilePermissions.toString(attrs.permissions());
        long mtime = attrs.lastModifiedTime().toMillis();
        switch (entry.type()) {
            case DIR -> entries.add(new BackupManifest.Entry(path, "dir", permissions, mtime, 0, Optional.empty(),
                    Optional.empty(), "none"));
            case SYMLINK -> entries.add(new BackupManifest.Entry(path, "symlink", permissions, mtime, 0, Optional.empty(),
                    Optional.of(Files.readSymbolicLink(entry.real()).toString()), "none"));
            case FILE -> {
                return keepFile(path, entry.real(), permissions, mtime, attrs.size());
            }
            default -> throw new IllegalStateException();
        }
        return 0;
    }

    private long keepFile(String path, Path real, String permissions, long mtime, long size) throws IOException {
        Path copy = files.resolve(path);
        PrivateFiles.createFolders(copy.getParent());
        CrashPoints.reached("back up " + path);
        String how = how(path);
        if (how.equals("archive")) {
            toArchive.put(path, real);
            archived.put(path, new BackupManifest.Entry(path, "file", permissions, mtime, size,
                    Optional.empty(), Optional.empty(), "archive"));
            return 0;
        }
        String stored = "copy";
        Optional<String> sha;
        if (how.equals("hardlink") && mode.equals("auto") && !weights.equals("link")
                && (weights.equals("copy") || clones.tryClone(real, copy))) {
            // a copy or a clone: its own inode, so an in-place write to the live weight leaves it alone
            sha = Optional.of(weights.equals("copy") ? copyHashing(real, copy) : hashes.sha256(real));
            // a clone is its own inode, made by cp with the live mode: private like a copy
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
            hashes.remember(real, sha.get());
        } else if (how.equals("hardlink") && HardLinks.link(copy, real)) {
            stored = "hardlink";
            sha = Optional.of(hashes.sha256(real));
        } else {
            sha = Optional.of(copyHashing(real, copy));
            hashes.remember(real, sha.get());
        }
        entries.add(new BackupManifest.Entry(path, "file", permissions, mtime, size, sha, Optional.empty(), stored));
        return size;
    }

    /**
     * Writes the files to archive into one archive, and their entries with the SHA-256 computed on the way: into the
     * archive begun during the shadow run, after the files it holds already, when every one of those is still as
     * the pass read it; else into a new one.
     *
     * @param begun the archive begun during the shadow run, when there is one
     * @return the bytes archived
     */
    private long archive(Optional<BackupDraft.Taken> begun) throws IOException {
        Optional<Map<String, String>> held = toArchive.isEmpty() ? Optional.empty() : begun.flatMap(this::stillAsRead);
        if (begun.isPresent() && held.isEmpty()) {
            begun.get().archive().abandon();
        }
        if (toArchive.isEmpty()) {
            return 0;
        }
        CrashPoints.reached("archive " + toArchive.size() + " files");
        Map<String, String> sums = new TreeMap<>();
        if (held.isPresent()) {
            LOG.info("backup: {} of {} archived file(s) written into the archive as the record passes read them",
                    held.get().size(), toArchive.size());
            sums.putAll(held.get());
            Map<String, Path> rest = new TreeMap<>(toArchive);
            rest.keySet().removeAll(held.get().keySet());
            sums.putAll(BackupArchive.write(begun.get().archive(), rest, hashes::cached));
        } else {
            sums = BackupArchive.write(target.resolve(BackupArchive.fileName(keys)), toArchive, keys, hashes::cached);
        }
        for (BackupManifest.Entry a : archived.values()) {
            entries.add(new BackupManifest.Entry(a.path(), a.type(), a.mode(), a.mtime(), a.size(),
                    Optional.of(sums.get(a.path())), Optional.empty(), "archive"));
            hashes.remember(toArchive.get(a.path()), sums.get(a.path()));
        }
        entries.sort(Comparator.comparing(BackupManifest.Entry::path));
        return archived.values().stream().mapToLong(BackupManifest.Entry::size).sum();
    }

    /**
     * @return the hash of each file the begun archive holds, when every one of them is a file this backup archives,
     *         still of the size and modification time the pass read, with its hash known; else empty
     */
    private Optional<Map<String, String>> stillAsRead(BackupDraft.Taken begun) {
        Map<String, String> sums = new TreeMap<>();
        for (Map.Entry<String, BackupDraft.Teed> e : begun.teed().entrySet()) {
            BackupManifest.Entry now = archived.get(e.getKey());
            BackupDraft.Teed read = e.getValue();
            if (now == null || now.size() != read.size() || now.mtime() != read.mtime()
                    || !read.real().equals(toArchive.get(e.getKey()))) {
                return Optional.empty();
            }
            Optional<String> sha = read.sha256().or(() -> hashes.cached(read.real()));
            if (sha.isEmpty()) {
                return Optional.empty();
            }
            sums.put(e.getKey(), sha.get());
        }
        return Optional.of(sums);
    }

    private String how(String path) {
        return switch (mode) {
            case "auto" -> roles.isWeight(path) ? "hardlink" : "archive";
            default -> mode;
        };
    }

    private static String copyHashing(Path source, Path target) throws IOException {
        MessageDigest digest = HashCache.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(source), digest);
             OutputStream out = PrivateFiles.newOutputStream(target)) {
            in.transferTo(out);
        }
        AtomicFiles.fsync(target);
        return HexFormat.of().formatHex(digest.digest());
    }
}
