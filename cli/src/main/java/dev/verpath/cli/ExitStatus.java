package dev.verpath.cli;

import dev.verpath.engine.failure.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of {@code migrate}, the one place they are defined, and the one mapping from each kind of
 * engine failure ({@link ErrorCode}) to its exit code.
 */
public enum ExitStatus {
    /** The command did what was asked. */
    SUCCESS(0, "success"),
    /** The work failed and was rolled back, or validation found errors. */
    FAILED(1, "the work failed and was rolled back, or validation found errors"),
    /** The command line or the migration config is wrong. */
    USAGE(2, "usage error (unknown option, missing argument, unknown product or version, no path to the target,"
            + " broken migration config)"),
    /** Another migration holds the installation's lock. */
    LOCKED(3, "another migration holds the installation's lock"),
    /** An interrupted migration must be recovered first. */
    RECOVERY_NEEDED(4, "an interrupted migration must be recovered first (migrate rollback, or re-run migrate version)"),
    /** A backup failed verification; nothing was restored. */
    BACKUP_CORRUPT(5, "the backup failed verification; nothing was restored"),
    /** The migration was committed, the service found unhealthy, and the backup restored. */
    UNHEALTHY(6, "migrated, found unhealthy by the health check, and rolled back (the message says whether the old"
            + " version is healthy again)");

    private final int code;
    private final String meaning;

    ExitStatus(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** @return the process exit code */
    public int code() {
        return code;
    }

    /** @return what the code means, for the help text */
    public String meaning() {
        return meaning;
    }

    /**
     * The exit status of an engine failure.
     *
     * @param errorCode the failure's code
     * @return the status with the same exit code
     */
    public static ExitStatus of(ErrorCode errorCode) {
        return switch (errorCode) {
            case RULE_FAILED, RULE_BUG, VALIDATION_FAILED, IO_FAILED, RULE_SET_INVALID, HOOK_FAILED -> FAILED;
            case USAGE, NO_PATH -> USAGE;
            case LOCKED -> LOCKED;
            case RECOVERY_NEEDED -> RECOVERY_NEEDED;
            case BACKUP_CORRUPT -> BACKUP_CORRUPT;
            case UNHEALTHY -> UNHEALTHY;
        };
    }

    /** @return every code and its meaning, in order, as the help footer lists them */
    public static Map<String, String> helpList() {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitStatus status : values()) {
            list.put(Integer.toString(status.code), status.meaning);
        }
        return list;
    }
}
