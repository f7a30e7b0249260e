package dev.verpath.engine.validate;

import dev.verpath.engine.backup.BackupCopy;
import dev.verpath.engine.backup.BackupInfo;
import dev.verpath.engine.backup.BackupManifest;
import dev.verpath.engine.backup.BackupStore;
import dev.verpath.engine.failure.RecoveryNeededFailure;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.FileOwner;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.journal.InstallationLock;
import dev.verpath.engine.journal.Journal;
import dev.verpath.engine.workspace.LiveTree;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.Workspace;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code migrate validate --repair}: every file whose content differs from what a metadata file or manifest
 * records for it (or that is missing) is restored from the newest backup holding a copy with the recorded
 * SHA-256. A backup entry is found by its hash, the same path preferred, so a copy taken before a folder was
 * moved still serves. Each copy is hashed while it is copied and used only when it matches: a hard-linked
 * weight file that was overwritten in place is as damaged in the backup as in the installation, and an
 * older backup is tried instead. The copy replaces the file atomically, with the mode and time the backup
 * recorded. Runs under the installation's lock.
 */
final class ChecksumRepair {

    private final Path root;
    private final Path backupFolder;
    private final Clock clock;

    /** A file to repair: where, what it should hash to, and who says so. */
    private record Damaged(String path, String sha256, String recordedIn, boolean missing) {
    }

    /**
     * @param root         the installation root
     * @param backupFolder where its backups are
     * @param clock        the clock of the backup store
     */
    ChecksumRepair(Path root, Path backupFolder, Clock clock) {
        this.root = root;
        this.backupFolder = backupFolder;
        this.clock = clock;
    }

    /**
     * Repairs what can be repaired.
     *
     * @param tree the installation on disk
     * @param view the installation as the rules see it (for hashes through the run's cache)
     * @return one entry a damaged file, sorted by path; empty when nothing differs from its record
     * @throws IOException when the installation or a backup cannot be read
     */
    List<Repair> repair(TreeScan tree, Workspace view) throws IOException {
        List<Repair> out = new ArrayList<>();
        List<Damaged> damaged = damaged(tree, view, out);
        if (damaged.isEmpty()) {
            return sorted(out);
        }
        Path state = root.resolve(LiveTree.STATE_FOLDER);
        try (InstallationLock lock = InstallationLock.acquire(state)) {
            if (Journal.in(state).interrupted().isPresent()) {
                throw new RecoveryNeededFailure(state.resolve(Journal.FILE) + ": a migration was "
                        + "interrupted; run 'migrate rollback --path " + root + "' before repairing", root, null);
            }
            List<BackupInfo> backups = new ArrayList<>(new BackupStore(backupFolder, clock).list());
            backups.sort(Comparator.comparing(BackupInfo::id).reversed());
            Map<String, BackupManifest> manifests = new LinkedHashMap<>();
            for (Damaged d : damaged) {
                out.add(restore(d, backups, manifests));
            }
        }
        return sorted(out);
    }

    private static List<Repair> sorted(List<Repair> repairs) {
        return repairs.stream().sorted(Comparator.comparing(Repair::path)).toList();
    }

    private List<Damaged> damaged(TreeScan tree, Workspace view, List<Repair> out) throws IOException {
        Map<String, Set<String>> recorded = new TreeMap<>();
        Map<String, String> recordedIn = new TreeMap<>();
        for (MetadataRecords.Record r : MetadataRecords.of(tree)) {
            if (r.target().isPresent() && !r.target().get().isEmpty() && r.sha256().isPresent()) {
                recorded.computeIfAbsent(r.target().get(), k -> new TreeSet<>()).add(r.sha256().get());
                recordedIn.putIfAbsent(r.target().get(), r.metadata());
            }
        }
        List<Damaged> damaged = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : recorded.entrySet()) {
            String path = e.getKey();
            boolean file = view.isFile(path);
            boolean missing = !view.exists(path);
            if (!file && !missing) {
                continue;
            }
            String current = file ? view.sha256(path) : "";
            if (e.getValue().contains(current)) {
                continue;
            }
            if (e.getValue().size() > 1) {
                out.add(new Repair(path, false, Optional.empty(), "not repaired: the metadata records " + e.getValue().size()
                        + " different SHA-256 values for it; correct the metadata first"));
                continue;
            }
            damaged.add(new Damaged(path, e.getValue().iterator().next(), recordedIn.get(path), missing));
        }
        return damaged;
    }

    private Repair restore(Damaged d, List<BackupInfo> backups, Map<String, BackupManifest> manifests) throws IOException {
        String what = d.missing() ? "missing" : "differs from the SHA-256 " + d.recordedIn() + " records";
        if (throughLink(d.path())) {
            return new Repair(d.path(), false, Optional.empty(), "not repaired: the file " + what + ", and its path goes "
                    + "through a symbolic link; replace the link by a folder first");
        }
        if (backups.isEmpty()) {
            return new Repair(d.path(), false, Optional.empty(), "not repaired: the file " + what + " and there is no backup in "
                    + backupFolder + "; restore it from another copy or download it again");
        }
        int damagedCopies = 0;
        for (BackupInfo backup : backups) {
            BackupManifest manifest = manifests.computeIfAbsent(backup.id(), id -> BackupStore.read(backup.folder()));
            List<BackupManifest.Entry> candidates = manifest.entries().stream()
                    .filter(e -> e.type().equals("file") && e.sha256().filter(d.sha256()::equals).isPresent())
                    .sorted(Comparator.comparing((BackupManifest.Entry e) -> !e.path().equals(d.path())))
                    .toList();
            for (BackupManifest.Entry entry : candidates) {
                if (copyIfIntact(backup, manifest, entry, d)) {
                    return new Repair(d.path(), true, Optional.of(backup.id()), "restored from backup " + backup.id()
                            + (entry.path().equals(d.path()) ? "" : " (its copy of " + entry.path() + ")") + ": the file "
                            + what);
                }
                damagedCopies++;
            }
        }
        return new Repair(d.path(), false, Optional.empty(), "not repaired: the file " + what + ", and "
                + (damagedCopies == 0 ? "no backup holds a copy with the recorded SHA-256"
                : damagedCopies + " backup cop" + (damagedCopies == 1 ? "y" : "ies") + " with that SHA-256 no longer match it "
                + "(a hard-linked file changed in place, or a damaged backup)") + "; restore it from another copy or download it again");
    }

    private boolean throughLink(String path) {
        Path at = root;
        for (String part : path.split("/")) {
            at = at.resolve(part);
            if (Files.isSymbolicLink(at)) {
                return true;
            }
        }
        return false;
    }

    /** Copies a backup file next to the target, hashing it on the way; renames it into place only when it matches. */
    private boolean copyIfIntact(BackupInfo backup, BackupManifest manifest, BackupManifest.Entry entry, Damaged d)
            throws IOException {
        Path target = root.resolve(d.path());
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling(target.getFileName() + ".verpath-repair");
        try {
            MessageDigest digest = HashCache.newDigest();
            boolean held = BackupCopy.read(backup.folder(), manifest, entry, bytes -> {
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    new DigestInputStream(bytes, digest).transferTo(out);
                }
            });
            if (!held || !HexFormat.of().formatHex(digest.digest()).equals(d.sha256())) {
                return false;
            }
            // the backed-up owner, else the damaged file's: a repair by root never hands the file to root
            Optional<FileOwner> owner = entry.owner().or(() -> FileOwner.of(target)).or(() -> FileOwner.of(target.getParent()));
            if (owner.isPresent()) {
                owner.get().giveTo(temporary); // only root may give files away; anyone else keeps the repaired copy
            }
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString(entry.mode()));
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                // no POSIX modes here, or none recorded: the new file keeps the default mode
            }
            Files.setLastModifiedTime(temporary, FileTime.fromMillis(entry.mtime()));
            AtomicFiles.fsync(temporary);
            AtomicFiles.move(temporary, target);
            return true;
        } catch (MigrationException damagedArchive) {
            return false;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
