package dev.verpath.engine.execute;

import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.backup.BackupInfo;
import dev.verpath.engine.failure.Excerpt;
import dev.verpath.engine.failure.RecoveryNeededFailure;
import dev.verpath.engine.failure.RolledBackFailure;
import dev.verpath.engine.restore.InstallationRollback;
import dev.verpath.engine.workspace.Installation;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a commit that failed half-way leaves: with {@code global.rollback_on_failure} (the default) and a
 * backup, the backup is restored at once, under the lock the run still holds, so the installation is as before
 * and the run fails with exit 1; otherwise the journal stays and the run exits 4 for a recovery.
 */
final class FailedCommit {

    private FailedCommit() {
    }

    /**
     * Deals with a failed commit.
     *
     * @param installation      the installation, whose lock the caller holds
     * @param backup            the run's backup, when it took one
     * @param store             the backup store's folder
     * @param rollbackOnFailure {@code global.rollback_on_failure}
     * @param clock             the clock for the history
     * @param cause             why the commit failed
     * @param progress          receives one line per event
     * @param listener          told how the restore goes
     * @return the failure to throw
     */
    static MigrationException handle(Installation installation, Optional<BackupInfo> backup, Path store, boolean rollbackOnFailure,
                                     Clock clock, Exception cause, Consumer<String> progress,
                                     ProgressListener listener) {
        String root = installation.root().toString();
        if (backup.isEmpty()) {
            return new RecoveryNeededFailure("commit failed (" + Excerpt.reason(cause) + ") and the run took"
                    + " no backup; the installation is half-migrated: restore it from a copy of your own (see 'migrate status --path "
                    + root + "')", installation.root(), cause);
        }
        String id = backup.get().id();
        if (!rollbackOnFailure) {
            return new RecoveryNeededFailure("commit failed (" + Excerpt.reason(cause) + "); the installation"
                    + " is half-migrated and global.rollback_on_failure is false: run 'migrate rollback --path " + root
                    + "' to restore backup " + id, installation.root(), cause);
        }
        progress.accept("commit failed (" + Excerpt.reason(cause) + "); restoring backup " + id);
        try {
            new InstallationRollback(installation, store, clock, listener).restore(backup.get().folder(), progress);
        } catch (IOException | RuntimeException restore) {
            return new RecoveryNeededFailure("commit failed (" + Excerpt.reason(cause) + "), and restoring"
                    + " backup " + id + " failed too (" + restore.getMessage() + "); run 'migrate rollback --path " + root
                    + "' once the cause is fixed", installation.root(), cause);
        }
        return new RolledBackFailure("commit failed (" + Excerpt.reason(cause) + "); backup " + id
                + " was restored (global.rollback_on_failure), so the installation is as before; fix the cause and run again",
                id, cause);
    }
}
