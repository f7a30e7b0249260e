package dev.verpath.engine.backup;

import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stats a backup records of its hard-linked files (inode and change time), which let a later rollback trust an
 * unchanged file without reading it again. Stateless.
 */
public final class LinkedFileStats {

    private LinkedFileStats() {
    }

    /**
     * Records, for each hard-linked file of a backup, its inode and change time, so that a later rollback can
     * trust an unchanged file without re-reading it. Only files unchanged in size and modification time are
     * recorded, and only when their change time is older than a marker file created just before: any later
     * write stamps the file at least the marker's time, so it cannot keep the recorded change time, whatever
     * the file system's timestamp granularity (git's "racy" entries, decided by the file system's clock rather
     * than ours). A file changed within the marker's clock tick gets no stat and is re-read. Failing to record
     * is harmless: the rollback then re-reads.
     *
     * @param backup a finished backup folder
     * @param now    the current time, used (less a 200 ms margin) only where no marker file can be created
     */
    public static void record(Path backup, Instant now) {
        try {
            BackupManifest manifest = BackupStore.read(backup);
            long racyFrom = markerTime(backup).orElse(now.minusMillis(200).toEpochMilli() * 1_000_000L);
            List<BackupManifest.Entry> entries = new ArrayList<>();
            boolean any = false;
            for (BackupManifest.Entry e : manifest.entries()) {
                Optional<String> stat = Optional.empty();
                if (e.stored().equals("hardlink")) {
                    Path stored = backup.resolve("files").resolve(e.path());
                    PosixFileAttributes attrs = Files.readAttributes(stored, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    stat = of(stored).filter(st -> attrs.size() == e.size() && attrs.lastModifiedTime().toMillis() == e.mtime()
                            && Long.parseLong(st.substring(st.indexOf(':') + 1)) < racyFrom);
                    any |= stat.isPresent();
                }
                entries.add(e.withStat(stat));
            }
            if (any) {
                AtomicFiles.writePrivate(backup.resolve(BackupManifest.FILE), new BackupManifest(manifest.id(), manifest.created(),
                        manifest.product(), manifest.from(), manifest.to(), manifest.mounts(), entries, manifest.system(),
                        manifest.scope()).toJson());
            }
        } catch (IOException | RuntimeException e) {
            // without stats a rollback re-reads every linked file: slower, never wrong
        }
    }

    /** The file system's time now in nanoseconds: the modification time of a new file in the folder. */
    private static Optional<Long> markerTime(Path folder) {
        try {
            Path marker = PrivateFiles.createUniqueFile(folder, ".stat-marker", ".tmp");
            try {
                return Optional.of(Files.getLastModifiedTime(marker, LinkOption.NOFOLLOW_LINKS)
                        .to(java.util.concurrent.TimeUnit.NANOSECONDS));
            } finally {
                Files.deleteIfExists(marker);
            }
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /**
     * A file's inode and change time, where the file system tells them.
     *
     * @param file a file
     * @return {@code <inode>:<ctime ns>}, or empty
     */
    static Optional<String> of(Path file) {
        try {
            Object inode = Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS);
            java.nio.file.attribute.FileTime ctime = (java.nio.file.attribute.FileTime)
                    Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
            return Optional.of(inode + ":" + ctime.to(java.util.concurrent.TimeUnit.NANOSECONDS));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
