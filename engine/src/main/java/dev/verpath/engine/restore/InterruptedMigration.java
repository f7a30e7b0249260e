package dev.verpath.engine.restore;

import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.RecoveryNeededFailure;
import dev.verpath.engine.journal.InstallationLock;
import dev.verpath.engine.journal.Journal;
import dev.verpath.engine.workspace.Installation;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The journal of a migration interrupted while committing, as the commands that find it act on it. A journal
 * means "interrupted" only to a holder of the installation lock: while another process holds the lock, it is
 * that live run's. Only {@code version} and {@code rollback} recover; every other writing command refuses.
 */
public final class InterruptedMigration {

    private InterruptedMigration() {
    }

    /**
     * The interrupted migration, read while holding the lock. A journal with nothing to undo (a run that had
     * no change to apply and took no backup) is cleared here: nothing can have changed.
     *
     * @param installation the installation, whose lock the caller holds
     * @param notices      told when a leftover journal is cleared
     * @return the interrupted migration, when there is one to recover
     */
    public static Optional<Journal.Intent> underLock(Installation installation, Consumer<String> notices) {
        Journal journal = Journal.in(installation.stateFolder());
        Optional<Journal.Intent> interrupted = journal.interrupted();
        if (interrupted.isPresent() && interrupted.get().nothingToUndo()) {
            try {
                journal.end();
            } catch (IOException e) {
                throw new EnvironmentFailure(journalFile(installation) + ": cannot remove the journal of"
                        + " an interrupted run that changed nothing (" + e.getMessage() + "); check the folder's permissions", e);
            }
            notices.accept("cleared the journal of an interrupted run " + interrupted.get().from() + " -> "
                    + interrupted.get().to() + " that had nothing to change");
            return Optional.empty();
        }
        return interrupted;
    }

    /**
     * The interrupted migration as a command that does not take the lock sees it ({@code status}, a dry run):
     * none while a live process holds the lock.
     *
     * @param installation the installation
     * @return the interrupted migration, when there is one to recover
     */
    public static Optional<Journal.Intent> withoutLock(Installation installation) {
        if (InstallationLock.holder(installation.stateFolder()).isPresent()) {
            return Optional.empty();
        }
        return Journal.in(installation.stateFolder()).interrupted().filter(i -> !i.nothingToUndo());
    }

    /**
     * The failure of a command that may not recover, or cannot.
     *
     * @param installation the installation
     * @param intent       the interrupted migration
     * @return the failure: exit 4, naming the journal and what to run
     */
    public static MigrationException refusal(Installation installation, Journal.Intent intent) {
        return new RecoveryNeededFailure(journalFile(installation) + ": " + describe(intent) + "; "
                + advice(installation.root(), intent), installation.root(), null);
    }

    /**
     * @param intent the interrupted migration
     * @return {@code a migration F -> T was interrupted while committing (backup B)}, or after its commit while the
     *         service was started or its health awaited
     */
    public static String describe(Journal.Intent intent) {
        String when = switch (intent.state()) {
            case Journal.STARTING -> " was committed, then interrupted while its after_commit hook ran (never found healthy)";
            case Journal.HEALTH_PENDING -> " was committed, then interrupted while waiting for the service's health check"
                    + " (never found healthy)";
            default -> " was interrupted while committing";
        };
        return "a migration " + intent.from() + " -> " + intent.to() + when
                + intent.backupId().map(b -> " (backup " + b + ")").orElse(" and took no backup");
    }

    /**
     * @param root   the installation
     * @param intent the interrupted migration
     * @return what to run to recover
     */
    public static String advice(Path root, Journal.Intent intent) {
        if (intent.backupId().isEmpty()) {
            return "it cannot be undone automatically: restore the installation from a copy of your own and delete "
                    + Journal.FILE + ", or restore an older backup by its id with 'migrate rollback --path " + root
                    + " --backup-id ID' (see 'migrate backups list --path " + root + "')";
        }
        return "run 'migrate version --path " + root + "' to restore that backup and migrate again, or 'migrate rollback --path "
                + root + "' to restore it";
    }

    private static Path journalFile(Installation installation) {
        return installation.stateFolder().resolve(Journal.FILE);
    }
}
