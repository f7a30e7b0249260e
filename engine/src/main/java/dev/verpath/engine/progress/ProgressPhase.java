package dev.verpath.engine.progress;

/** A phase of the engine that can take more than a moment, with what its progress counts. */
public enum ProgressPhase {

    /** Hashing weight files (a migration's pre-hash, {@code validate}). */
    HASHING("hashing weights", Unit.BYTES),
    /** One streaming pass over the record files: bytes read of the files' total. */
    RECORDS("migrating records", Unit.BYTES),
    /** Taking the backup: bytes of the live files kept. */
    BACKUP("backing up", Unit.BYTES),
    /** Applying the shadow run's changes to the live tree. */
    COMMIT("applying changes", Unit.ITEMS),
    /** A rollback (or a failed commit) putting the backup's entries back. */
    RESTORE("restoring the backup", Unit.ITEMS),
    /** {@code validate} reading the record files. */
    CHECKING_RECORDS("checking record files", Unit.BYTES),
    /** {@code backups verify} re-reading the backups: entries checked of their total. */
    VERIFYING_BACKUPS("verifying backups", Unit.ITEMS),
    /** Sending a backup's objects to a remote ({@code backups push}, {@code [backup] remote}). */
    PUSHING("pushing the backup", Unit.BYTES),
    /** Fetching a backup's objects from a remote ({@code backups pull}, {@code rollback --from}). */
    PULLING("pulling the backup", Unit.BYTES);

    /** What a phase's done and total count. */
    public enum Unit {
        /** Bytes read or written. */
        BYTES,
        /** Items (changes, entries). */
        ITEMS
    }

    private final String label;
    private final Unit unit;

    ProgressPhase(String label, Unit unit) {
        this.label = label;
        this.unit = unit;
    }

    /** @return what the phase does, lower case, for a display ({@code backing up}) */
    public String label() {
        return label;
    }

    /** @return what its done and total count */
    public Unit unit() {
        return unit;
    }

    /** @return the phase's name in machine-readable output ({@code checking-records}) */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
