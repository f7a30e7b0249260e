package dev.verpath.engine.settings;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.rules.FlagDescriptor;
import dev.verpath.rules.MigrationException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The effective settings of one run: each key's value and where it came from. Immutable.
 *
 * <p>Precedence: command-line option, then environment variable, then migration_config.toml, then the
 * built-in default (see {@link SettingsLoader}).
 */
public final class EngineSettings {

    private final SettingValues values;
    private final FlagSettings flags;
    private final Optional<List<PluginPin>> pluginAllowList;
    private final Map<String, String> edgePreferences;

    EngineSettings(SettingValues values, Optional<List<PluginPin>> pluginAllowList,
                           Map<String, String> edgePreferences) {
        this.values = values;
        this.flags = values.flags();
        this.pluginAllowList = pluginAllowList.map(List::copyOf);
        this.edgePreferences = Collections.unmodifiableSortedMap(new TreeMap<>(edgePreferences));
    }

    /**
     * The normal form of an edge and kind, as {@code [plugins] prefer} keys and conflict messages write it:
     * {@code <product> <from> -> <to> <kind>}, blanks inside a range {@code from} made single spaces.
     *
     * @param product the product
     * @param from    the declared origin, a version or a range
     * @param to      the target version
     * @param kind    {@code config}, {@code data} or {@code model}
     * @return the key, e.g. {@code serve 2.1.0 -> 2.1.1 config}
     */
    public static String edgeKey(String product, String from, String to, String kind) {
        String origin = from.trim(); // a version has no blank: the regex runs for ranges alone
        origin = origin.chars().anyMatch(Character::isWhitespace) ? origin.replaceAll("\\s+", " ") : origin;
        return product.trim() + " " + origin + " -> " + to.trim() + " " + kind.trim();
    }

    /** @return the built-in defaults, with no environment */
    public static EngineSettings defaults() {
        return new SettingsLoader(Map.of()).load(Optional.empty(), Map.of());
    }

    /**
     * These settings with flags set as if in the environment (the test kit's {@code flag.NAME=value}).
     *
     * @param flags flag values by name
     * @return new settings; these are unchanged
     */
    public EngineSettings withFlags(Map<String, String> flags) {
        return new EngineSettings(values.withEnvironment(flags), pluginAllowList, edgePreferences);
    }

    /**
     * A setting with its source.
     *
     * @param key a dotted key
     * @return the setting, or empty for an unknown key
     */
    public Optional<EffectiveSetting> setting(String key) {
        return values.setting(key);
    }

    /**
     * Where a setting was given, in the words the user would recognise: {@code --plugins-dir}, {@code
     * $MIGRATE_PLUGINS_DIR}, the settings file, or {@code the default}.
     *
     * @param key    a dotted key
     * @param option the option that sets it, when one does
     * @return the words
     */
    public String sourceOf(String key, String option) {
        return values.sourceOf(key, option);
    }

    /**
     * A setting's text value.
     *
     * @param key a dotted key such as {@code global.timeout_seconds}
     * @return the value, or empty when unset and without default
     */
    public Optional<String> value(String key) {
        return values.value(key);
    }

    /** @return {@code global.backup_before_migration} */
    public boolean backupBeforeMigration() {
        return values.bool("global.backup_before_migration");
    }

    /** @return {@code global.validate_after_migration} */
    public boolean validateAfterMigration() {
        return values.bool("global.validate_after_migration");
    }

    /** @return {@code validation.before_migration}: whether {@code migrate version} validates its source first */
    public boolean validateBeforeMigration() {
        return values.bool("validation.before_migration");
    }

    /** @return {@code validation.strict}: whether warnings count as errors (true, 1, yes or on, as flags read) */
    public boolean strictValidation() {
        return FlagDescriptor.isTrue(values.valueOrDefault("validation.strict"));
    }

    /** @return {@code data_migration.threads}: threads that migrate records, one a core when the setting is 0 */
    public int recordThreads() {
        long threads = values.wholeNumber("data_migration.threads", 0, Integer.MAX_VALUE,
                "0 (one thread a core) or a whole number above 0");
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : (int) threads;
    }

    /** @return {@code data_migration.max_record_bytes}: the longest record line read whole */
    public long maxRecordBytes() {
        return values.wholeNumber("data_migration.max_record_bytes", 1, Integer.MAX_VALUE - 64,
                "a whole number of bytes above 0 (at most 2 GiB)");
    }

    /** @return {@code backup.keep_free_bytes}: free space a backup must leave on its file system */
    public long keepFreeBytes() {
        return values.wholeNumber("backup.keep_free_bytes", 0, Long.MAX_VALUE, "a whole number of bytes, 0 or more");
    }

    /** @return {@code backup.keep_last}: how many backups a prune keeps, newest first */
    public int keepLast() {
        return (int) values.wholeNumber("backup.keep_last", 1, Integer.MAX_VALUE, "a whole number above 0");
    }

    /**
     * A whole-number setting within bounds (the typed accessors such as {@link #keepLast()} use the built-in default).
     *
     * @param key      the dotted key
     * @param fallback the value when the setting is unset or empty
     * @param min      the least value allowed
     * @param max      the greatest value allowed
     * @param expected what the error says is expected, e.g. {@code a whole number above 0}
     * @return the value
     * @throws MigrationException with {@link ErrorCode#USAGE} naming the key and value when it is not a whole
     *                            number within bounds
     */
    public long wholeNumber(String key, long fallback, long min, long max, String expected) {
        return values.wholeNumber(key, value(key).orElse(Long.toString(fallback)), min, max, expected);
    }

    /**
     * How weight files are kept in a backup: {@code link} (hard links: free, but an in-place write to a live
     * weight changes the backup too), {@code copy}, or {@code auto} (a clone where the file system can make one,
     * else a link).
     *
     * @return {@code backup.weights}
     */
    public String backupWeights() {
        return values.valueOrDefault("backup.weights").trim(); // checked on loading (SettingTypes)
    }

    /** @return {@code backup.mode}, how a backup is taken: auto, hardlink, archive or copy (checked on loading) */
    public String backupMode() {
        return values.valueOrDefault("backup.mode").trim();
    }

    /** @return the hooks and the health check of {@code [hooks]} and {@code [health]} (none unless set) */
    public HookSettings hooks() {
        return HookSettings.of(this);
    }

    /** @return {@code global.rollback_on_failure} */
    public boolean rollbackOnFailure() {
        return values.bool("global.rollback_on_failure");
    }

    /** @return {@code global.timeout_seconds}; 0 means no limit */
    public long timeoutSeconds() {
        return values.wholeNumber("global.timeout_seconds", 0, Long.MAX_VALUE, "a whole number of seconds, 0 for no limit");
    }

    /** @return whether {@code config_migration.enabled} */
    public boolean configRulesEnabled() {
        return values.bool("config_migration.enabled");
    }

    /** @return whether {@code data_migration.enabled} */
    public boolean dataRulesEnabled() {
        return values.bool("data_migration.enabled");
    }

    /** @return whether {@code model_migration.enabled} */
    public boolean modelRulesEnabled() {
        return values.bool("model_migration.enabled");
    }

    /** @return {@code config_migration.format_validation}: whether each step's validation judges config schema findings */
    public boolean formatValidation() {
        return values.bool("config_migration.format_validation");
    }

    /** @return {@code data_migration.validate_integrity}: whether records are checked in memory as they leave a step */
    public boolean validateIntegrity() {
        return values.bool("data_migration.validate_integrity");
    }

    /** @return {@code model_migration.validate_models}: whether each step's validation judges the models folder's findings */
    public boolean validateModels() {
        return values.bool("model_migration.validate_models");
    }

    /** @return {@code model_migration.optimize_models}: optimize without {@code --optimize} */
    public boolean optimizeModels() {
        return values.bool("model_migration.optimize_models");
    }

    /** @return the backup folder, when set ({@code backup.dir}) */
    public Optional<Path> backupDir() {
        return value("backup.dir").map(Path::of);
    }

    /** @return the extra plugin folders ({@code plugins.dir}) */
    public List<Path> pluginDirs() {
        return value("plugins.dir").map(d -> List.of(Path.of(d))).orElse(List.of());
    }

    /**
     * The plugins allowed to load ({@code [plugins] allow}). When present, a plugin archive loads only when
     * an entry names its id and its SHA-256; an empty list allows none.
     *
     * @return the pins, or empty when no allow list is set (every plugin may load)
     */
    public Optional<List<PluginPin>> pluginAllowList() {
        return pluginAllowList;
    }

    /** @return {@code [plugins] prefer}: the plugin id (or built-in) winning an edge several claim, by {@link #edgeKey} */
    public Map<String, String> edgePreferences() {
        return edgePreferences;
    }

    /** @return false when {@code --no-plugins} was given */
    public boolean pluginsEnabled() {
        return values.bool("plugins.enabled");
    }

    /** @return whether a network file system may be migrated ({@code --allow-network-fs}) */
    public boolean allowNetworkFs() {
        return values.bool("global.allow_network_fs");
    }

    /**
     * A declared flag's effective value: environment, then {@code [flags]}, then its default.
     *
     * @param flag the flag
     * @return the setting with its source
     */
    public EffectiveSetting flag(FlagDescriptor flag) {
        return flags.flag(flag);
    }

    /**
     * Where a declared flag's effective value was set, as messages name it.
     *
     * @param flag the flag
     * @return {@code $NAME} for the environment, {@code <file>:<line>} for the migration config, or {@code its default}
     */
    public String whereSet(FlagDescriptor flag) {
        return flags.whereSet(flag);
    }

    /**
     * Checks the {@code [flags]} of the migration config (not the environment) against the flags the loaded rule sets
     * declare, so that a misspelt flag is not ignored without a word; only noted when some rule sets may not have loaded.
     *
     * @param declared the flags the loaded rule sets declare
     * @param unloaded why some rule sets may not have loaded, when so (e.g. {@code plugins are off (--no-plugins)})
     * @return one notice line per flag left unchecked; empty when every flag is declared
     * @throws MigrationException with {@link ErrorCode#USAGE} for the first undeclared flag when every rule set
     *                            loaded, naming the file, the line and the nearest declared flag
     */
    public List<String> checkFlags(List<FlagDescriptor> declared, Optional<String> unloaded) {
        return flags.check(declared, unloaded);
    }

    /**
     * Every setting with its source, sorted by key, then the declared flags.
     *
     * @param flags the flags the loaded rule sets declare
     * @return the effective settings
     */
    public List<EffectiveSetting> effective(List<FlagDescriptor> flags) {
        return this.flags.effective(flags);
    }
}
