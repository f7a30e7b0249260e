package dev.verpath.cli;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.RolledBackFailure;
import dev.verpath.rules.MigrationException;
import java.util.Locale;
import java.util.Optional;

/**
 * How a command ended, the {@code outcome} of every {@code --json} document (and the label of the metrics' runs
 * counter), so that a script reads one word instead of parsing a message. Each is tied to the exit codes it comes
 * with; the user guide lists them beside the exit codes.
 */
enum Outcome {
    /** Exit 0: the command did what was asked (a migration committed, a backup restored, a check passed). */
    COMPLETED,
    /** Exit 0: a dry run; nothing was written. */
    DRY_RUN,
    /** Exit 1: {@code validate} found errors (with {@code --repair}: errors it could not repair). */
    INVALID,
    /** Exit 1: the command failed before it changed anything; the installation is as before. */
    FAILED_UNCHANGED,
    /** Exit 1: a migration's commit failed part-way and its backup was restored; the installation is as before. */
    ROLLED_BACK,
    /** Exit 1: the user answered no to the confirmation; nothing was done. */
    CANCELLED,
    /** Exit 2 or 3: refused before any work (usage, unknown version or path, a held lock, a network file system). */
    REFUSED,
    /** Exit 4: the installation is half-migrated or an interrupted migration waits: run migrate rollback. */
    RECOVERY_NEEDED,
    /** Exit 5: a backup failed verification; nothing was restored. */
    BACKUP_CORRUPT,
    /** Exit 6: migrated, found unhealthy by the health check, and the backup restored. */
    ROLLED_BACK_UNHEALTHY,
    /** Exit 130 or 143: stopped by SIGINT or SIGTERM; the run was cancelled and cleaned up. */
    INTERRUPTED,
    /** Exit 1: a failure migrate did not expect (a bug); check the installation with migrate status. */
    FAILED;

    /** @return the word in JSON and in metrics: {@code failed-unchanged} */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * How a failed command ended.
     *
     * @param failure the engine failure behind it, when there is one
     * @param signal  whether a stop signal was received
     * @return the outcome
     */
    static Outcome of(Optional<MigrationException> failure, boolean signal) {
        if (signal) {
            return INTERRUPTED;
        }
        if (failure.isEmpty()) {
            return FAILED;
        }
        if (failure.get() instanceof RolledBackFailure) {
            return ROLLED_BACK;
        }
        return switch (ErrorCode.of(failure.get())) {
            case USAGE, NO_PATH, LOCKED -> REFUSED;
            case RECOVERY_NEEDED -> RECOVERY_NEEDED;
            case BACKUP_CORRUPT -> BACKUP_CORRUPT;
            case UNHEALTHY -> ROLLED_BACK_UNHEALTHY;
            case RULE_FAILED, RULE_BUG, VALIDATION_FAILED, IO_FAILED, RULE_SET_INVALID, HOOK_FAILED -> FAILED_UNCHANGED;
        };
    }
}
