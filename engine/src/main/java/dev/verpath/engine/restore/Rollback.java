package dev.verpath.engine.restore;

import dev.verpath.engine.backup.BackupInfo;
import dev.verpath.engine.backup.BackupManifest;
import dev.verpath.engine.backup.BackupStore;
import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.journal.InstallationLock;
import dev.verpath.engine.journal.Journal;
import dev.verpath.engine.model.RecoveredRun;
import dev.verpath.engine.model.RollbackResult;
import dev.verpath.engine.workspace.Installation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code migrate rollback}: which backup to restore, and restoring it under the lock. A rollback that cannot
 * start (no backup, an unknown id) is refused before the lock, so it creates nothing. With an interrupted
 * migration's journal present, the backup it names is restored unless another is named, and a journal that
 * names none never leads to another backup unasked.
 */
public final class Rollback {

    private final Installation found;
    private final BackupStore store;
    private final Clock clock;

    /**
     * @param found       the installation as found before the lock
     * @param storeFolder its backup store's folder
     * @param clock       the clock for the history
     */
    public Rollback(Installation found, Path storeFolder, Clock clock) {
        this.found = found;
        this.store = new BackupStore(storeFolder, clock);
        this.clock = clock;
    }

    /**
     * Rolls back: refuses before the lock when there is no backup to restore, else chooses the backup under the
     * lock (the path given, the id given, the interrupted migration's, else the newest) and restores it.
     *
     * @param backupId   the id of the backup to restore, when one was given
     * @param backupPath a backup folder of the user's own, when one was given
     * @param progress   receives one line per event
     * @param notices    told of an interrupted migration recovered or a leftover journal cleared
     * @return what was restored
     */
    public RollbackResult run(Optional<String> backupId, Optional<Path> backupPath, Consumer<String> progress, Consumer<String> notices) {
        if (backupPath.isEmpty()) {
            refuseMissingBackup(backupId);
        }
        try (InstallationLock lock = InstallationLock.acquire(found.stateFolder())) {
            Installation installation = Installation.at(found.root());
            Optional<Journal.Intent> interrupted = InterruptedMigration.underLock(installation, notices);
            Optional<String> journalBackup = interrupted.flatMap(Journal.Intent::backupId);
            Path backup;
            if (backupPath.isPresent()) {
                backup = backupPath.get().toAbsolutePath().normalize();
            } else if (backupId.isPresent()) {
                backup = store.folder().resolve(backupId.get());
            } else if (journalBackup.isPresent()) {
                backup = store.folder().resolve(journalBackup.get());
            } else if (interrupted.isPresent()) {
                throw InterruptedMigration.refusal(installation, interrupted.get());
            } else {
                List<BackupInfo> all = store.list();
                if (all.isEmpty()) {
                    throw new InputFailure(ErrorCode.USAGE, store.folder() + ": no backup to roll back to, so nothing was"
                            + " changed; give a backup folder of your own with --backup-path");
                }
                backup = all.get(all.size() - 1).folder();
            }
            Optional<RecoveredRun> recovered = Optional.empty();
            if (interrupted.isPresent()) {
                Journal.Intent intent = interrupted.get();
                boolean its = journalBackup.isPresent() && backup.getFileName().toString().equals(journalBackup.get());
                notices.accept((its ? "recovering: " : "") + InterruptedMigration.describe(intent) + "; restoring "
                        + (its ? "that backup" : "backup " + backup.getFileName() + " as asked"));
                recovered = Optional.of(new RecoveredRun(backup.getFileName().toString(), intent.from(), intent.to()));
            }
            InstallationRollback.Restored restored = restore(installation, backup, progress);
            return new RollbackResult(restored.backupId(), restored.entries(), restored.version(), recovered);
        } catch (IOException e) {
            throw new EnvironmentFailure(found.root() + ": rollback failed (" + e.getMessage()
                    + "); run it again: a restore can be repeated", e);
        }
    }

    /**
     * The backup a rollback would restore as things stand, for the question asked before it: the one named, else
     * the interrupted migration's, else the newest.
     *
     * @param backupId the id given, when one was
     * @return the backup, when there is one to restore
     */
    public Optional<BackupInfo> candidate(Optional<String> backupId) {
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

    /**
     * Restores a backup over an installation whose lock the caller holds.
     *
     * @param installation the installation, read under the lock
     * @param backup       the backup folder
     * @param progress     receives one line per event
     * @return what was restored
     */
    public InstallationRollback.Restored restore(Installation installation, Path backup, Consumer<String> progress) {
        try {
            return new InstallationRollback(installation, store.folder(), clock).restore(backup, progress);
        } catch (IOException e) {
            throw new EnvironmentFailure(installation.root() + ": rollback failed (" + e.getMessage()
                    + "); run it again: a restore can be repeated", e);
        }
    }

    private void refuseMissingBackup(Optional<String> backupId) {
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

    private List<String> backupIds() {
        try {
            return store.list().stream().map(BackupInfo::id).toList();
        } catch (IOException e) {
            throw new EnvironmentFailure(store.folder() + ": cannot list backups (" + e.getMessage()
                    + "); check the folder's permissions", e);
        }
    }
}
