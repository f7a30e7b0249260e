package dev.verpath.engine.restore;

import dev.verpath.engine.backup.BackupArchive;
import dev.verpath.engine.backup.BackupManifest;
import dev.verpath.engine.backup.BackupVerifier;
import dev.verpath.engine.failure.BackupCorruptFailure;
import dev.verpath.engine.failure.Excerpt;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.HardLinks;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.files.PrivateFiles;
import dev.verpath.engine.files.RelativePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The second phase of a restore: every file and link of a verified backup prepared in a staging folder, touching
 * nothing of the installation. The archive's entries are extracted and checked against their SHA-256 as they are
 * read (the archive is read once); a file kept outside it is a hard link to the backup's file where the file system
 * makes one, else a copy checked against the manifest's SHA-256. A crafted archive, a copy that fails or a disk
 * without room stops here. Close it to delete the staging folder. Not thread-safe.
 */
final class StagedBackup implements AutoCloseable {

    private final VerifiedBackup verified;
    private final Path staging;
    private final boolean links;

    private StagedBackup(VerifiedBackup verified, Path staging, boolean links) {
        this.verified = verified;
        this.staging = staging;
        this.links = links;
    }

    /**
     * Prepares every file and link of a backup in a staging folder, each file checked against the manifest as it
     * is written. Nothing outside the staging folder is written; when staging fails, the folder is deleted.
     *
     * @param verified the verified backup
     * @param staging  a folder to stage into (replaced, created 0700; on the installation's file system, so that
     *                 the staged files can be renamed into place)
     * @return the staged backup
     * @throws IOException when the staging folder cannot be written
     */
    static StagedBackup stage(VerifiedBackup verified, Path staging) throws IOException {
        AtomicFiles.deleteTree(staging);
        PrivateFiles.createFolders(staging.resolve("new"));
        long needed = 0;
        try {
            StagedBackup staged = new StagedBackup(verified, staging, linksMade(verified, staging));
            needed = staged.bytesWritten();
            StagingSpace.require(staging, verified.manifest(), needed);
            staged.extractArchive();
            staged.stageKeptFiles();
            return staged;
        } catch (IOException | RuntimeException e) {
            AtomicFiles.deleteTree(staging);
            if (e instanceof IOException io && StagingSpace.outOfSpace(io)) {
                throw StagingSpace.exhausted(staging, verified.manifest(), needed);
            }
            throw e;
        }
    }

    /**
     * Probes once, with the first hard-linked entry, whether the installation's file system makes hard links to
     * the backup's files; where it does not, they are copied.
     */
    private static boolean linksMade(VerifiedBackup verified, Path staging) {
        return verified.manifest().entries().stream().filter(e -> e.type().equals("file") && e.stored().equals("hardlink"))
                .findFirst().map(e -> HardLinks.madeBetween(verified.stored(e), staging.resolve("new"))).orElse(true);
    }

    /** @return the bytes staging writes anew: every file but those it hard-links */
    private long bytesWritten() {
        return verified.manifest().entries().stream().filter(e -> e.type().equals("file") && copied(e))
                .mapToLong(BackupManifest.Entry::size).sum();
    }

    /** @return whether an entry's bytes are written anew into the staging (not a hard link) */
    private boolean copied(BackupManifest.Entry e) {
        return !e.stored().equals("hardlink") || !links;
    }

    /** Extracts the archive's entries, each checked as it is read, and makes them durable. */
    private void extractArchive() throws IOException {
        byte[] buffer = new byte[1 << 20];
        BackupArchive.read(verified.folder(), BackupVerifier.archived(verified.manifest()), verified.keys(),
                (entry, bytes) -> {
            Path staged = staged(entry);
            PrivateFiles.createFolders(staged.getParent());
            try (OutputStream out = PrivateFiles.newOutputStream(staged)) {
                for (int n; (n = bytes.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                }
            }
        });
        for (BackupManifest.Entry e : BackupVerifier.archived(verified.manifest())) {
            AtomicFiles.fsync(staged(e));
        }
    }

    /**
     * Stages the files kept outside the archive (linked where the file system makes links, else copied and checked
     * against their SHA-256) and the symbolic links.
     */
    private void stageKeptFiles() throws IOException {
        for (BackupManifest.Entry e : verified.manifest().entries()) {
            Path staged = staged(e);
            if (e.type().equals("symlink")) {
                PrivateFiles.createFolders(staged.getParent());
                Files.createSymbolicLink(staged, Path.of(e.target().orElseThrow()));
                continue;
            }
            if (!e.type().equals("file") || e.stored().equals("archive")) {
                continue;
            }
            PrivateFiles.createFolders(staged.getParent());
            if (!(e.stored().equals("hardlink") && links && HardLinks.link(staged, verified.stored(e)))) {
                copyChecked(e, staged);
            }
        }
    }

    /** Copies a backup's file into the staging, hashing it on the way, and refuses it when it differs. */
    private void copyChecked(BackupManifest.Entry e, Path staged) throws IOException {
        MessageDigest digest = HashCache.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(verified.stored(e)), digest);
             OutputStream out = PrivateFiles.newOutputStream(staged)) {
            in.transferTo(out);
        }
        AtomicFiles.fsync(staged);
        if (e.sha256().isPresent() && !e.sha256().get().equals(HexFormat.of().formatHex(digest.digest()))) {
            Path files = verified.folder().resolve("files");
            throw new BackupCorruptFailure(files + "/" + Excerpt.of(e.path())
                    + ": backup entry content differs from its recorded SHA-256; nothing was restored;"
                    + " choose another backup with --backup-id", files);
        }
    }

    /** @return the verified backup staged here */
    VerifiedBackup verified() {
        return verified;
    }

    /** @return whether the installation's file system makes hard links to the backup's files */
    boolean links() {
        return links;
    }

    /**
     * @param entry an entry of the manifest
     * @return where that entry's file or link is staged
     */
    Path staged(BackupManifest.Entry entry) {
        return staging.resolve("new").resolve(RelativePath.check(entry.path()));
    }

    /** @return a private folder beside the staged entries, for what applying them removes or replaces */
    Path parking() {
        return staging.resolve("old");
    }

    /** Deletes the staging folder (what is left of it). */
    @Override
    public void close() throws IOException {
        AtomicFiles.deleteTree(staging);
    }
}
