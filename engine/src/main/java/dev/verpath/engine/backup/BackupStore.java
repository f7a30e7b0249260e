package dev.verpath.engine.backup;

import dev.verpath.engine.workspace.AtomicFiles;
import dev.verpath.engine.workspace.CrashPoints;
import dev.verpath.engine.workspace.HashCache;
import dev.verpath.engine.workspace.LiveTree;
import dev.verpath.engine.workspace.RelativePath;
import dev.verpath.rules.ErrorCode;
import dev.verpath.rules.MigrationException;
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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The backups of one installation, each a folder {@code <id>/} with {@code manifest.json} and {@code files/}.
 * A file that the engine never rewrites in place (a weight file: the workspace only ever replaces files by
 * rename) is kept as a hard link when it is on the same file system; every other file is copied. The manifest
 * is written last: a folder without one is an unfinished backup and is ignored.
 */
public final class BackupStore {

    private static final Set<String> WEIGHT_EXTENSIONS = Set.of(".safetensors", ".bin", ".pt", ".onnx", ".gguf");
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Path folder;
    private final Clock clock;

    /**
     * @param folder where the backups live (default {@code <root>/.migrate/backups})
     * @param clock  the clock that names backups
     */
    public BackupStore(Path folder, Clock clock) {
        this.folder = folder.toAbsolutePath().normalize();
        this.clock = clock;
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
     * @param from    the version before
     * @param to      the version aimed at
     * @param hashes  the run's hash cache (hashes computed while copying are added to it)
     * @return the backup
     * @throws IOException when the backup cannot be written
     */
    public BackupInfo create(LiveTree live, String product, String from, String to, HashCache hashes) throws IOException {
        hashes.hashAll(live.entries().entrySet().stream()
                .filter(e -> e.getValue().type() == LiveTree.Type.FILE && keptByLink(e.getKey()))
                .map(e -> e.getValue().real()).toList());
        Instant now = clock.instant();
        String base = ID.format(now);
        String id = base;
        for (int n = 2; Files.exists(folder.resolve(id)); n++) {
            id = base + "-" + n;
        }
        Path target = folder.resolve(id);
        Path files = target.resolve("files");
        Files.createDirectories(files);
        List<BackupManifest.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, LiveTree.Entry> e : live.entries().entrySet()) {
            LiveTree.Entry entry = e.getValue();
            if (entry.real() == null) {
                continue;
            }
            PosixFileAttributes attrs = Files.readAttributes(entry.real(), PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String mode = PosixFilePermissions.toString(attrs.permissions());
            long mtime = attrs.lastModifiedTime().toMillis();
            Path copy = files.resolve(e.getKey());
            switch (entry.type()) {
                case DIR -> entries.add(new BackupManifest.Entry(e.getKey(), "dir", mode, mtime, 0, Optional.empty(),
                        Optional.empty(), "none"));
                case SYMLINK -> entries.add(new BackupManifest.Entry(e.getKey(), "symlink", mode, mtime, 0, Optional.empty(),
                        Optional.of(Files.readSymbolicLink(entry.real()).toString()), "none"));
                case FILE -> {
                    Files.createDirectories(copy.getParent());
                    CrashPoints.reached("back up " + e.getKey());
                    String stored = "copy";
                    Optional<String> sha;
                    if (keptByLink(e.getKey()) && tryLink(copy, entry.real())) {
                        stored = "hardlink";
                        sha = Optional.of(hashes.sha256(entry.real()));
                    } else {
                        sha = Optional.of(copyHashing(entry.real(), copy));
                        hashes.remember(entry.real(), sha.get());
                    }
                    entries.add(new BackupManifest.Entry(e.getKey(), "file", mode, mtime, attrs.size(), sha, Optional.empty(), stored));
                }
                default -> throw new IllegalStateException();
            }
        }
        BackupManifest manifest = new BackupManifest(id, now, product, from, to, live.mounts(), entries);
        AtomicFiles.write(target.resolve(BackupManifest.FILE), manifest.toJson());
        return info(target, manifest);
    }

    /**
     * Whether a file is kept in a backup as a hard link (when on the same file system): weight files, which
     * the engine never rewrites in place.
     *
     * @param path a logical path
     * @return true for weight files
     */
    public static boolean keptByLink(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return WEIGHT_EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    private static boolean tryLink(Path link, Path existing) {
        try {
            Files.createLink(link, existing);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static String copyHashing(Path source, Path target) throws IOException {
        MessageDigest digest = HashCache.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(source), digest);
             OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
        }
        AtomicFiles.fsync(target);
        return HexFormat.of().formatHex(digest.digest());
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
     * @param backup a backup folder
     * @return its manifest
     */
    public static BackupManifest read(Path backup) {
        Path manifest = backup.resolve(BackupManifest.FILE);
        try {
            return BackupManifest.parse(Files.readAllBytes(manifest));
        } catch (IOException e) {
            throw new MigrationException(ErrorCode.BACKUP_CORRUPT, manifest + ": not a readable backup manifest ("
                    + e.getMessage() + "); choose another backup with --backup-id");
        }
    }

    private static BackupInfo info(Path backup, BackupManifest m) throws IOException {
        long onDisk = m.entries().stream().filter(e -> e.stored().equals("copy")).mapToLong(BackupManifest.Entry::size).sum();
        return new BackupInfo(m.id(), m.created(), m.product(), m.from(), m.to(), m.entries().size(), onDisk, backup);
    }

    /**
     * Checks every entry of a backup against its manifest: present, the right size, the recorded SHA-256.
     *
     * @param backup a backup folder
     * @return the manifest, verified
     * @throws MigrationException with {@link ErrorCode#BACKUP_CORRUPT} naming the first bad file
     */
    public static BackupManifest verify(Path backup) {
        BackupManifest manifest = read(backup);
        Path files = backup.resolve("files");
        for (BackupManifest.Entry e : manifest.entries()) {
            RelativePath.check(e.path());
            if (!e.type().equals("file")) {
                continue;
            }
            Path stored = files.resolve(e.path());
            try {
                if (!Files.isRegularFile(stored, LinkOption.NOFOLLOW_LINKS) || Files.size(stored) != e.size()) {
                    throw corrupt(backup, e, "missing or of the wrong size");
                }
                if (e.sha256().isPresent() && !HashCache.hash(stored).equals(e.sha256().get())) {
                    throw corrupt(backup, e, "content differs from its recorded SHA-256");
                }
            } catch (IOException io) {
                throw corrupt(backup, e, "unreadable (" + io.getMessage() + ")");
            }
        }
        return manifest;
    }

    private static MigrationException corrupt(Path backup, BackupManifest.Entry e, String what) {
        return new MigrationException(ErrorCode.BACKUP_CORRUPT, backup.resolve("files").resolve(e.path())
                + ": backup entry " + what + "; nothing was restored; choose another backup with --backup-id");
    }
}
