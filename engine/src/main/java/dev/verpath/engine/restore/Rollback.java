package dev.verpath.engine.restore;

import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.progress.ProgressPhase;
import dev.verpath.engine.backup.BackupInfo;
import dev.verpath.engine.backup.BackupKeys;
import dev.verpath.engine.backup.BackupManifest;
import dev.verpath.engine.backup.BackupStore;
import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.files.Mount;
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
import dev.verpath.engine.service.ServiceHooks;
import dev.verpath.engine.settings.HookPhase;

/**
 * {@code migrate rollback}, in the order it happens: a rollback that cannot start is refused before the lock, so it
 * creates nothing; under the lock, the interrupted migration is read, the backup chosen ({@link BackupChoice}) and
 * restored ({@link InstallationRollback}). With an interrupted migration's journal present, the backup it names is
 * restored unless another is named, and a journal that names none never leads to another backup unasked.
 */
public final class Rollback {

    private final Installation found;
    private final BackupStore store;
    private final BackupChoice choice;
    private final Clock clock;
    private final ProgressListener listener;
    private BackupKeys keys = BackupKeys.NONE;

    /**
     * The installation a backup was taken of, as its manifest records it: the root it mounts, or for a backup of a
     * {@code config}, {@code data} or {@code models} run the installation around the path it mounts. This is what
     * {@code migrate rollback --backup-path DIR} restores into when no {@code --path} is given.
     *
     * @param backup a backup folder
     * @return the installation root
     * @throws dev.verpath.rules.MigrationException with {@code BACKUP_CORRUPT} when the folder holds no readable
     *                                              manifest, {@code USAGE} when it holds none at all
     */
    public static Path installationOf(Path backup) {
        Path folder = backup.toAbsolutePath().normalize();
        if (!Files.isRegularFile(folder.resolve(BackupManifest.FILE))) {
            throw new InputFailure(ErrorCode.USAGE, folder + ": not a backup folder (it has no "
                    + BackupManifest.FILE + "); give a folder that 'migrate backups list' shows, or --path and --backup-id");
        }
        List<Mount> mounts = BackupStore.read(folder).mounts();
        return mounts.stream().filter(m -> m.logical().isEmpty()).map(Mount::real).findFirst()
                .orElseGet(() -> Installation.around(mounts.get(0).real()).root());
    }

    /**
     * @param found       the installation as found before the lock
     * @param storeFolder its backup store's folder
     * @param clock       the clock for the history
     */
    public Rollback(Installation found, Path storeFolder, Clock clock) {
        this(found, storeFolder, clock, ProgressListener.NONE);
    }

    /**
     * @param found       the installation
     * @param storeFolder its backup folder
     * @param clock       the clock for the history
     * @param listener    told how putting the backup's entries back goes ({@link ProgressPhase#RESTORE})
     */
    public Rollback(Installation found, Path storeFolder, Clock clock, ProgressListener listener) {
        this.found = found;
        this.store = new BackupStore(storeFolder, clock);
        this.choice = new BackupChoice(found, store);
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * @param identity the keys whose identity reads an encrypted backup
     * @return this rollback, reading encrypted backups with them
     */
    public Rollback withKeys(BackupKeys identity) {
        this.keys = identity;
        return this;
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
        return run(backupId, backupPath, progress, notices, RestoreChecks.NONE);
    }

    /**
     * Rolls back as {@link #run(Optional, Optional, Consumer, Consumer)}, with the operator's hooks around the restore:
     * {@code before_commit} stops the service first (its failure restores nothing), the product's rules validate the
     * restored installation, {@code after_rollback} starts the old version, and the health check, when set, checks it.
     * Without hooks or a health check, a rollback is the plain restore (checked against the backup's checksums).
     *
     * @param backupId   the id of the backup to restore, when one was given
     * @param backupPath a backup folder of the user's own, when one was given
     * @param progress   receives one line per event
     * @param notices    told of an interrupted migration recovered or a leftover journal cleared
     * @param checks     the hooks, health check and validation around the restore
     * @return what was restored
     * @throws dev.verpath.engine.service.UnhealthyFailure when the restored version is not healthy
     */
    public RollbackResult run(Optional<String> backupId, Optional<Path> backupPath, Consumer<String> progress,
                              Consumer<String> notices, RestoreChecks checks) {
        if (backupPath.isEmpty()) {
            choice.refuseMissing(backupId);
        }
        try (InstallationLock lock = InstallationLock.acquire(found.stateFolder())) {
            Installation installation = Installation.at(found.root());
            Optional<Journal.Intent> interrupted = InterruptedMigration.underLock(installation, notices);
            Path backup = choice.underLock(installation, backupId, backupPath, interrupted);
            Optional<RecoveredRun> recovered = Optional.empty();
            if (interrupted.isPresent()) {
                recovered = Optional.of(recovering(interrupted.get(), backup, notices));
            }
            Optional<ServiceHooks> services = RestoreHooks.of(installation, backup, checks.hooks(), progress);
            services.ifPresent(s -> s.require(HookPhase.BEFORE_COMMIT, "nothing was restored"));
            InstallationRollback.Restored restored = restore(installation, backup, progress);
            services.ifPresent(s -> RestoreHooks.started(s, installation, restored, checks.validation()));
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
        return choice.candidate(backupId);
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
            return new InstallationRollback(installation, store.folder(), clock, listener, keys).restore(backup,
                    progress);
        } catch (IOException e) {
            throw new EnvironmentFailure(installation.root() + ": rollback failed (" + e.getMessage()
                    + "); run it again: a restore can be repeated", e);
        }
    }

    /** Tells that an interrupted migration is recovered by this rollback, and with which backup. */
    private static RecoveredRun recovering(Journal.Intent intent, Path backup, Consumer<String> notices) {
        Optional<String> journalBackup = intent.backupId();
        boolean its = journalBackup.isPresent() && backup.getFileName().toString().equals(journalBackup.get());
        notices.accept((its ? "recovering: " : "") + InterruptedMigration.describe(intent) + "; restoring "
                + (its ? "that backup" : "backup " + backup.getFileName() + " as asked"));
        return new RecoveredRun(backup.getFileName().toString(), intent.from(), intent.to());
    }
}
