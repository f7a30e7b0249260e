package dev.verpath.engine.settings;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.verpath.rules.ErrorCode;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads migration_config.toml and resolves every setting by precedence: option, environment, file,
 * default. Unknown keys in the file are refused, naming the file and the key.
 */
public final class SettingsLoader {

    /** The file name looked for in the working folder when no file is named. */
    public static final String DEFAULT_FILE = "migration_config.toml";

    private static final Map<String, String> DEFAULTS = defaults();
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "backup.dir", "MIGRATE_BACKUP_DIR",
            "plugins.dir", "MIGRATE_PLUGINS_DIR");
    private static final Map<String, String> LEGACY_ENVIRONMENT = Map.of(
            "backup.dir", "TRUSTFORMERS_BACKUP_DIR");

    private final Map<String, String> env;

    /**
     * @param env the process environment (or a test's)
     */
    public SettingsLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("global.backup_before_migration", "true");
        d.put("global.validate_after_migration", "true");
        d.put("global.rollback_on_failure", "true");
        d.put("global.timeout_seconds", "3600");
        d.put("global.allow_network_fs", "false");
        d.put("config_migration.enabled", "true");
        d.put("config_migration.backup_original", "true");
        d.put("config_migration.format_validation", "true");
        d.put("data_migration.enabled", "true");
        d.put("data_migration.backup_data", "true");
        d.put("data_migration.validate_integrity", "true");
        d.put("model_migration.enabled", "true");
        d.put("model_migration.backup_models", "true");
        d.put("model_migration.validate_models", "true");
        d.put("model_migration.optimize_models", "false");
        d.put("backup.dir", "");
        d.put("backup.mode", "auto");
        d.put("backup.keep_last", "3");
        d.put("plugins.dir", "");
        d.put("plugins.enabled", "true");
        d.put("validation.strict", "false");
        d.put("validation.before_migration", "true");
        d.put("validation.small_file_bytes", "65536");
        d.put("validation.small_files_per_folder", "1000");
        d.put("validation.split_file_bytes", "1073741824");
        return Map.copyOf(d);
    }

    /**
     * The file to read: the named one, else {@code $MIGRATE_CONFIG} (or the guide's
     * {@code $TRUSTFORMERS_MIGRATION_CONFIG}), else {@code ./migration_config.toml} when it exists.
     *
     * @param named the {@code --migration-config} option, when given
     * @return the file and whether it must exist
     */
    Optional<Path> configFile(Optional<Path> named) {
        if (named.isPresent()) {
            return named;
        }
        String fromEnv = env.getOrDefault("MIGRATE_CONFIG", env.get("TRUSTFORMERS_MIGRATION_CONFIG"));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(Path.of(fromEnv));
        }
        Path local = Path.of(DEFAULT_FILE);
        return Files.isRegularFile(local) ? Optional.of(local) : Optional.empty();
    }

    /**
     * Resolves every setting.
     *
     * @param named   the {@code --migration-config} file, when given
     * @param options settings given as command-line options, by dotted key
     * @return the effective settings
     * @throws MigrationException with {@link ErrorCode#USAGE} for a missing or broken file, or an unknown key
     */
    public EngineSettings load(Optional<Path> named, Map<String, String> options) {
        SortedMap<String, EffectiveSetting> values = new TreeMap<>();
        DEFAULTS.forEach((k, v) -> values.put(k, new EffectiveSetting(k, v, "default")));
        Optional<Path> file = configFile(named);
        if (file.isPresent()) {
            readFile(file.get()).forEach((k, v) -> values.put(k, new EffectiveSetting(k, v, file.get().toString())));
        }
        ENVIRONMENT.forEach((key, var) -> {
            String value = env.getOrDefault(var, env.get(LEGACY_ENVIRONMENT.getOrDefault(key, "")));
            if (value != null && !value.isBlank()) {
                values.put(key, new EffectiveSetting(key, value, "environment " + var));
            }
        });
        options.forEach((k, v) -> {
            if (!DEFAULTS.containsKey(k)) {
                throw new IllegalArgumentException("unknown setting " + k);
            }
            values.put(k, new EffectiveSetting(k, v, "option"));
        });
        return new EngineSettings(values, env);
    }

    private Map<String, String> readFile(Path file) {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new MigrationException(ErrorCode.USAGE, file + ": migration config not found; create it or drop --migration-config");
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String line = at == null ? "" : ":" + at.getLineNr();
            throw new MigrationException(ErrorCode.USAGE, file + line + ": not valid TOML (" + e.getOriginalMessage()
                    + "); fix the file or point --migration-config elsewhere", e);
        } catch (IOException e) {
            throw new MigrationException(ErrorCode.USAGE, file + ": cannot read the migration config (" + e.getMessage() + ")", e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> tables = root.fields(); tables.hasNext(); ) {
            Map.Entry<String, JsonNode> table = tables.next();
            if (!table.getValue().isObject()) {
                throw unknown(file, table.getKey());
            }
            for (Iterator<Map.Entry<String, JsonNode>> keys = table.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = keys.next();
                String key = table.getKey() + "." + entry.getKey();
                boolean flag = table.getKey().equals("flags");
                if (!flag && !DEFAULTS.containsKey(key)) {
                    throw unknown(file, key);
                }
                JsonNode value = entry.getValue();
                if (!value.isValueNode()) {
                    throw new MigrationException(ErrorCode.USAGE, file + ": key " + key + " must be a single value");
                }
                values.put(key, value.asText());
            }
        }
        return values;
    }

    private static MigrationException unknown(Path file, String key) {
        return new MigrationException(ErrorCode.USAGE, file + ": unknown key " + key
                + "; see the documented keys in migration_config.toml of the distribution");
    }
}
