package dev.verpath.engine.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When a hook runs around a migration or a rollback; each phase is one key of {@code [hooks]} in
 * migration_config.toml and the {@code PHASE} of {@code --hook PHASE=COMMAND}.
 */
public enum HookPhase {
    /** Before the scan and the shadow run, so the installation's files are still (stop a service that writes them). */
    BEFORE_RUN,
    /** After the shadow run and the backup, just before the first change (stop the service); also before a rollback's restore. */
    BEFORE_COMMIT,
    /** After the commit (start the new version). */
    AFTER_COMMIT,
    /** After a rollback's restore (start the old version again). */
    AFTER_ROLLBACK,
    /** After a run failed. */
    ON_FAILURE;

    /** @return the key in {@code [hooks]}, e.g. {@code before_commit}; also the hook's {@code VERPATH_PHASE} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the dotted setting key, e.g. {@code hooks.before_commit} */
    public String settingKey() {
        return "hooks." + key();
    }

    /**
     * The phase a key names.
     *
     * @param key a key such as {@code before_commit} (case and {@code -} for {@code _} are forgiven)
     * @return the phase, or empty when the key names none
     */
    public static Optional<HookPhase> ofKey(String key) {
        String normal = key.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(p -> p.key().equals(normal)).findFirst();
    }

    /** @return every phase's key, in run order */
    public static List<String> keys() {
        return Arrays.stream(values()).map(HookPhase::key).toList();
    }
}
