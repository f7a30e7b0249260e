package dev.verpath.engine.restore;

import dev.verpath.engine.backup.BackupInfo;
import dev.verpath.engine.backup.BackupManifest;
import dev.verpath.engine.backup.BackupStore;
import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.journal.Journal;
import dev.verpath.engine.workspace.Installation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The first phase of a rollback: which backup to restore. A folder given is restored; else the id given, else the
 * interrupted migration's, else the newest of the store. A rollback that cannot start (no backup, an unknown id) is
 * refused before the lock, so it creates nothing; a journal that names no backup never leads to another unasked.
 */
final class BackupChoice {

    private final Installation found;
    private final BackupStore store;

    /**
     * @param found the installation as found before the lock
     * @param store its backup store
     */
    BackupChoice(Installation found, BackupStore store) {
        this.found = found;
        this.store = store;
    }

    /**
     * Refuses, before the lock, a rollback with no backup to restore: an unknown id, or no backup and no journal.
     *
     * @param backupId the id given, when one was
     */
    void refuseMissing(Optional<String> backupId) {
        String root = found.root().toString();
        if (backupId.isPresent()) {
            if (Files.isRegularFile(store.folder().resolve(backupId.get()).resolve(BackupManifest.FILE))) {
                return;
            }
            List<String> ids = backupIds();
            throw new InputFailure(ErrorCode.USAGE, store.folder() + ": no backup with id '" + backupId.get() + "'; "
                    + (ids.isEmpty() ? "there is none" : "the backups are " + String.join(", ", ids))
                    + " (see 'migrate backups list --path " + root + "')");
        }
        if (!Files.exists(found.stateFolder().resolve(Journal.FILE)) && backupIds().isEmpty()) {
            throw new InputFailure(ErrorCode.USAGE, store.folder() + ": no backup to roll back to, so nothing was changed;"
                    + " every migration that changes files takes one; give a backup folder of your own with --backup-path,"
                    + " or --backup-dir if the backups were kept elsewhere");
        }
    }

    /**
     * The backup to restore, chosen under the lock.
     *
     * @param installation the installation, read under the lock
     * @param backupId     the id given, when one was
     * @param backupPath   the folder given, when one was
     * @param interrupted  the interrupted migration, when there is one
     * @return the backup folder
     * @throws IOException when the store cannot be listed
     */
    Path underLock(Installation installation, Optional<String> backupId, Optional<Path> backupPath,
                   Optional<Journal.Intent> interrupted) throws IOException {
        Optional<String> journalBackup = interrupted.flatMap(Journal.Intent::backupId);
        if (backupPath.isPresent()) {
            return backupPath.get().toAbsolutePath().normalize();
        } else if (backupId.isPresent()) {
            return store.folder().resolve(backupId.get());
        } else if (journalBackup.isPresent()) {
            return store.folder().resolve(journalBackup.get());
        } else if (interrupted.isPresent()) {
            throw InterruptedMigration.refusal(installation, interrupted.get());
        }
        List<BackupInfo> all = store.list();
        if (all.isEmpty()) {
            throw new InputFailure(ErrorCode.USAGE, store.folder() + ": no backup to roll back to, so nothing was"
                    + " changed; give a backup folder of your own with --backup-path");
        }
        return all.get(all.size() - 1).folder();
    }

    /**
     * The backup a rollback would restore as things stand, for the question asked before it: the one named, else
     * the interrupted migration's, else the newest.
     *
     * @param backupId the id given, when one was
     * @return the backup, when there is one to restore
     */
    Optional<BackupInfo> candidate(Optional<String> backupId) {
        List<BackupInfo> all;
        try {
            all = store.list();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the rollback itself reports what is wrong with the store
        }
        Optional<String> wanted = backupId.or(() -> InterruptedMigration.withoutLock(found).flatMap(Journal.Intent::backupId));
        if (wanted.isPresent()) {
            return all.stream().filter(b -> b.id().equals(wanted.get())).findFirst();
        }
        if (InterruptedMigration.withoutLock(found).isPresent()) {
            return Optional.empty(); // a journal without a backup: the rollback refuses
        }
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private List<String> backupIds() {
        try {
            return store.list().stream().map(BackupInfo::id).toList();
        } catch (IOException e) {
            throw new EnvironmentFailure(store.folder() + ": cannot list backups (" + e.getMessage()
                    + "); check the folder's permissions", e);
        }
    }
}
