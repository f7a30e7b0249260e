package dev.verpath.plugins.wan;

import dev.verpath.rules.FlagConflict;
import dev.verpath.rules.FlagDescriptor;
import dev.verpath.rules.RuleContext;
import java.util.List;

/**
 * The flags the {@code wan} rules read: the guide's WAN_* feature flags that concern migration, and one of
 * this plugin's own. Each is set by the environment variable of its name, or {@code [flags]} of the
 * migration config; the engine lists them with the effective settings. Immutable.
 *
 * @param legacyFallback     WAN_ENABLE_LEGACY_FALLBACK
 * @param pathMigration      WAN_ENABLE_PATH_MIGRATION
 * @param strictValidation   WAN_STRICT_VALIDATION
 * @param integrityChecks    WAN_ENABLE_INTEGRITY_CHECKS
 * @param removeLegacyConfig WAN_REMOVE_LEGACY_CONFIG
 */
public record WanFlags(boolean legacyFallback, boolean pathMigration, boolean strictValidation,
                       boolean integrityChecks, boolean removeLegacyConfig) {

    /** Leaves each legacy model folder as a link to its new folder. */
    public static final FlagDescriptor LEGACY_FALLBACK = FlagDescriptor.bool("WAN_ENABLE_LEGACY_FALLBACK", true,
            "When true, each legacy model folder models/<legacy name> is left as a relative symbolic link to "
                    + "wan22/<model id>, so code that still opens the old path keeps working.");

    /** Moves legacy model folders into the orchestrator layout. */
    public static final FlagDescriptor PATH_MIGRATION = FlagDescriptor.bool("WAN_ENABLE_PATH_MIGRATION", true,
            "When true, each legacy model folder is renamed to models/wan22/<model id>/ (no byte copied); when false "
                    + "the folders stay where they are and the orchestrator finds them through config.json.");

    /** Turns the rules' warnings into failures. */
    public static final FlagDescriptor STRICT_VALIDATION = FlagDescriptor.bool("WAN_STRICT_VALIDATION", false,
            "When true, a model key config.json names that no WAN2.2 model has, or a model folder that does not "
                    + "exist, fails the step instead of being reported as a warning.");

    /** Checks sharded checkpoints before moving them. */
    public static final FlagDescriptor INTEGRITY_CHECKS = FlagDescriptor.bool("WAN_ENABLE_INTEGRITY_CHECKS", true,
            "When true, every shard a model's *.index.json names must be present before the model is moved, "
                    + "or the step fails.");

    /** Rehearses the whole migration: the engine reads it, no rule does. */
    public static final FlagDescriptor DRY_RUN_MODE = FlagDescriptor.dryRun("WAN_DRY_RUN_MODE",
            "When true, the whole run is a dry run, as migrate --dry-run: nothing is written (not even .migrate/) "
                    + "and the changes a real run would make are listed.");

    /** Deletes the legacy configuration. */
    public static final FlagDescriptor REMOVE_LEGACY_CONFIG = FlagDescriptor.bool("WAN_REMOVE_LEGACY_CONFIG", false,
            "When true, config.json is deleted once its models are in config/models.toml and their folders "
                    + "moved; by default it is kept for tools that still read it.");

    /** @return every flag, in the order the guide lists them, this plugin's own last */
    public static List<FlagDescriptor> descriptors() {
        return List.of(LEGACY_FALLBACK, PATH_MIGRATION, STRICT_VALIDATION, INTEGRITY_CHECKS, DRY_RUN_MODE,
                REMOVE_LEGACY_CONFIG);
    }

    /**
     * The effective flags of a step ({@code WAN_DRY_RUN_MODE} is the engine's: a run it makes dry is a dry run
     * throughout, so no rule needs to know).
     *
     * @param context the step's context
     * @return the flags
         */
    public static WanFlags of(RuleContext context) {
        return new WanFlags(bool(context, LEGACY_FALLBACK), bool(context, PATH_MIGRATION),
                bool(context, STRICT_VALIDATION), bool(context, INTEGRITY_CHECKS), bool(context, REMOVE_LEGACY_CONFIG));
    }

    private static boolean bool(RuleContext context, FlagDescriptor flag) {
        return context.booleanFlag(flag); // the engine checked the value is a boolean before the run
    }

    /**
     * The flag values the rules cannot work with together: a legacy fallback link points at the moved folder, so
     * it needs path migration on.
     *
     * @return the conflicts
     */
    public static List<FlagConflict> conflicts() {
        return List.of(new FlagConflict(LEGACY_FALLBACK.name(), "true", PATH_MIGRATION.name(), "false",
                "the legacy fallback leaves models/<legacy name> as a link to the moved folder, and with path migration"
                        + " off no folder is moved; set WAN_ENABLE_LEGACY_FALLBACK=false to keep the legacy folders as"
                        + " they are, or turn path migration on"));
    }
}
