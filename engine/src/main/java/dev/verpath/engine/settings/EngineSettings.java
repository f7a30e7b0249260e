package dev.verpath.engine.settings;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.rules.FlagDescriptor;
import dev.verpath.rules.MigrationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The effective settings of one run: each key's value and where it came from. Immutable.
 *
 * <p>Precedence: command-line option, then environment variable, then migration_config.toml, then the
 * built-in default (see {@link SettingsLoader}).
 */
public final class EngineSettings {

    private final SortedMap<String, EffectiveSetting> values;
    private final Map<String, String> env;
    private final Optional<List<PluginPin>> pluginAllowList;
    private final Map<String, String> edgePreferences;
    private final Optional<Path> file;

    EngineSettings(SortedMap<String, EffectiveSetting> values, Map<String, String> env,
                   Optional<List<PluginPin>> pluginAllowList, Map<String, String> edgePreferences, Optional<Path> file) {
        this.file = file;
        this.values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
        this.env = Map.copyOf(env);
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
        return product.trim() + " " + from.trim().replaceAll("\\s+", " ") + " -> " + to.trim() + " " + kind.trim();
    }

    /**
     * The built-in defaults, with no environment.
     *
     * @return the settings
     */
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
        Map<String, String> merged = new java.util.HashMap<>(env);
        merged.putAll(flags);
        return new EngineSettings(new TreeMap<>(values), merged, pluginAllowList, edgePreferences, file);
    }

    /**
     * A setting with its source.
     *
     * @param key a dotted key
     * @return the setting, or empty for an unknown key
     */
    public Optional<EffectiveSetting> setting(String key) {
        return Optional.ofNullable(values.get(key));
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
        String source = setting(key).map(EffectiveSetting::source).orElse("default");
        if (source.equals("option")) {
            return option;
        }
        Optional<String> variable = SettingTypes.variable(source);
        if (variable.isPresent()) {
            return variable.get();
        }
        return source.equals("default") ? "the default" : source;
    }

    /**
     * A setting's text value.
     *
     * @param key a dotted key such as {@code global.timeout_seconds}
     * @return the value, or empty when unset and without default
     */
    public Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key)).map(EffectiveSetting::value).filter(v -> !v.isEmpty());
    }

    private boolean bool(String key) {
        return value(key).map(Boolean::parseBoolean).orElse(false);
    }

    /** @return {@code global.backup_before_migration} */
    public boolean backupBeforeMigration() {
        return bool("global.backup_before_migration");
    }

    /** @return {@code global.validate_after_migration} */
    public boolean validateAfterMigration() {
        return bool("global.validate_after_migration");
    }

    /** @return {@code validation.before_migration}: whether {@code migrate version} validates its source first */
    public boolean validateBeforeMigration() {
        return value("validation.before_migration").map(Boolean::parseBoolean).orElse(true);
    }

    /** @return {@code data_migration.threads}: threads that migrate records, one a core when the setting is 0 */
    public int recordThreads() {
        long threads = wholeNumber("data_migration.threads", 0, 0, Integer.MAX_VALUE,
                "0 (one thread a core) or a whole number above 0");
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : (int) threads;
    }

    /** @return {@code data_migration.max_record_bytes}: the longest record line read whole */
    public long maxRecordBytes() {
        return wholeNumber("data_migration.max_record_bytes", 33554432, 1, Integer.MAX_VALUE - 64,
                "a whole number of bytes above 0 (at most 2 GiB)");
    }

    /** @return {@code backup.keep_free_bytes}: free space a backup must leave on its file system */
    public long keepFreeBytes() {
        return wholeNumber("backup.keep_free_bytes", 0, 0, Long.MAX_VALUE, "a whole number of bytes, 0 or more");
    }

    /**
     * A whole-number setting within bounds.
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
        String text = value(key).orElse(Long.toString(fallback)).trim();
        try {
            long number = Long.parseLong(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputFailure(ErrorCode.USAGE, Optional.ofNullable(values.get(key))
                .map(s -> SettingTypes.where(s, file)).orElse("") + key + " = '" + text + "': expected " + expected
                + "; fix the setting where it is set (see migrate info --verbose)");
    }

    /**
     * How weight files are kept in a backup: {@code link} (hard links: free, but an in-place write to a live
     * weight changes the backup too), {@code copy}, or {@code auto} (a clone where the file system can make one,
     * else a link).
     *
     * @return {@code backup.weights}
     */
    public String backupWeights() {
        return value("backup.weights").orElse("auto").trim(); // checked on loading (SettingTypes)
    }

    /** @return {@code global.rollback_on_failure} */
    public boolean rollbackOnFailure() {
        return bool("global.rollback_on_failure");
    }

    /** @return {@code global.timeout_seconds}; 0 means no limit */
    public long timeoutSeconds() {
        return wholeNumber("global.timeout_seconds", 0, 0, Long.MAX_VALUE, "a whole number of seconds, 0 for no limit");
    }

    /** @return whether {@code config_migration.enabled} */
    public boolean configRulesEnabled() {
        return bool("config_migration.enabled");
    }

    /** @return whether {@code data_migration.enabled} */
    public boolean dataRulesEnabled() {
        return bool("data_migration.enabled");
    }

    /** @return whether {@code model_migration.enabled} */
    public boolean modelRulesEnabled() {
        return bool("model_migration.enabled");
    }

    /**
     * @return {@code config_migration.format_validation}: whether the validation after each step judges the schema
     *         findings about config files
     */
    public boolean formatValidation() {
        return bool("config_migration.format_validation");
    }

    /** @return {@code data_migration.validate_integrity}: whether records are checked in memory as they leave a step */
    public boolean validateIntegrity() {
        return bool("data_migration.validate_integrity");
    }

    /**
     * @return {@code model_migration.validate_models}: whether the validation after each step judges the schema and
     *         integrity findings about the models folder
     */
    public boolean validateModels() {
        return bool("model_migration.validate_models");
    }

    /** @return {@code model_migration.optimize_models}: optimize without {@code --optimize} */
    public boolean optimizeModels() {
        return bool("model_migration.optimize_models");
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

    /**
     * Which rule source wins an edge that several claim ({@code [plugins] prefer}).
     *
     * @return plugin id (or {@code built-in}) by {@link #edgeKey edge key}, sorted
     */
    public Map<String, String> edgePreferences() {
        return edgePreferences;
    }

    /** @return false when {@code --no-plugins} was given */
    public boolean pluginsEnabled() {
        return bool("plugins.enabled");
    }

    /** @return whether a network file system may be migrated ({@code --allow-network-fs}) */
    public boolean allowNetworkFs() {
        return bool("global.allow_network_fs");
    }

    /**
     * A declared flag's effective value: environment, then {@code [flags]}, then its default.
     *
     * @param flag the flag
     * @return the setting with its source
     */
    public EffectiveSetting flag(FlagDescriptor flag) {
        String fromEnv = env.get(flag.name());
        if (fromEnv != null) {
            return new EffectiveSetting(flag.name(), fromEnv, "environment");
        }
        EffectiveSetting fromFile = values.get("flags." + flag.name());
        if (fromFile != null) {
            return new EffectiveSetting(flag.name(), fromFile.value(), fromFile.source());
        }
        return new EffectiveSetting(flag.name(), flag.defaultValue(), "default");
    }

    /**
     * Where a declared flag's effective value was set, as messages name it.
     *
     * @param flag the flag
     * @return {@code $NAME} for the environment, {@code <file>:<line>} for the migration config, or {@code its default}
     */
    public String whereSet(FlagDescriptor flag) {
        EffectiveSetting setting = flag(flag);
        if (setting.source().equals("environment")) {
            return "$" + flag.name();
        }
        if (setting.source().equals("default")) {
            return "its default";
        }
        String where = SettingTypes.where(new EffectiveSetting("flags." + flag.name(), setting.value(), setting.source()), file);
        return where.isEmpty() ? setting.source() : where.substring(0, where.length() - 2);
    }

    /**
     * Checks the {@code [flags]} of the migration config against the flags the loaded rule sets declare: a flag
     * none declares is a misspelling (or a flag of a plugin that is gone) that would otherwise be ignored without
     * a word. Environment variables are not checked: any variable may be set. Where some rule sets may not have
     * loaded (plugins off, a plugin refused), a flag none of the loaded ones declares may be one of theirs: it is
     * then only noted.
     *
     * @param declared the flags the loaded rule sets declare
     * @param unloaded why some rule sets may not have loaded, when so (e.g. {@code plugins are off (--no-plugins)})
     * @return one notice line per flag left unchecked; empty when every flag is declared
     * @throws MigrationException with {@link ErrorCode#USAGE} for the first undeclared flag when every rule set
     *                            loaded, naming the file, the line and the nearest declared flag
     */
    public List<String> checkFlags(List<FlagDescriptor> declared, Optional<String> unloaded) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        declared.forEach(f -> names.add(f.name()));
        List<String> notices = new ArrayList<>();
        for (EffectiveSetting setting : values.values()) {
            if (!setting.key().startsWith("flags.")
                    || names.contains(setting.key().substring("flags.".length()))) {
                continue;
            }
            String name = setting.key().substring("flags.".length());
            String where = SettingTypes.where(setting, file);
            if (unloaded.isPresent()) {
                notices.add("note: " + where + "flag " + name + " is declared by no loaded rule set and is ignored; "
                        + unloaded.get());
                continue;
            }
            throw new InputFailure(ErrorCode.USAGE, where + "unknown flag " + name + NearestName.of(name, names)
                    .map(n -> "; did you mean " + n + "?").orElse(names.isEmpty() ? "; no loaded rule set declares a flag;"
                            : "; the loaded rule sets declare " + String.join(", ", names) + ";")
                    + " fix the name there ('migrate plugins list' shows the flags each plugin declares)");
        }
        return List.copyOf(notices);
    }

    /**
     * Every setting with its source, sorted by key, then the declared flags.
     *
     * @param flags the flags the loaded rule sets declare
     * @return the effective settings
     */
    public List<EffectiveSetting> effective(List<FlagDescriptor> flags) {
        List<EffectiveSetting> all = new ArrayList<>();
        values.values().stream().filter(s -> !s.key().startsWith("flags.")).forEach(all::add);
        flags.forEach(f -> all.add(flag(f)));
        return List.copyOf(all);
    }
}
