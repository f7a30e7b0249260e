package dev.verpath.engine.settings;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads migration_config.toml and resolves every setting by precedence: option, environment, file,
 * default. Unknown keys in the file are refused, naming the file and the key.
 *
 * <p>Two keys of {@code [plugins]} are structured and come from the file only: {@code allow}, an array of
 * inline tables {@code { id = "...", sha256 = "..." }} (when present, only those plugin archives load), and
 * {@code prefer}, a table from an edge ({@code "serve 2.1.0 -> 2.1.1 config"}) to the plugin id (or
 * {@code built-in}) whose rules win when several rule sources claim that edge and kind.
 */
public final class SettingsLoader {

    /** The file name looked for in the working folder when no file is named. */
    public static final String DEFAULT_FILE = "migration_config.toml";

    private static final Map<String, String> DEFAULTS = SettingDefaults.ALL;
    private static final Map<String, String> ENVIRONMENT = Map.of("backup.dir", "MIGRATE_BACKUP_DIR",
            "backup.identity", "MIGRATE_BACKUP_IDENTITY",
            "plugins.dir", "MIGRATE_PLUGINS_DIR", "log.level", "MIGRATE_LOG", "log.format", "MIGRATE_LOG_FORMAT");
    private static final Map<String, String> LEGACY_ENVIRONMENT = Map.of("backup.dir", "TRUSTFORMERS_BACKUP_DIR",
            "log.level", "RUST_LOG"); // the seed guide's names, read when ours is unset (RUST_LOG: the Rust tool's)

    private static final String ALLOW = "plugins.allow";
    private static final String PREFER = "plugins.prefer";
    private static final Pattern EDGE = Pattern.compile("(\\S+)\\s+(.+?)\\s*->\\s*(\\S+)\\s+(config|data|model)");

    private static final Pattern ASSIGNMENT = Pattern.compile("\\s*[A-Za-z0-9_\"'.\\- ]+=");

    private final Map<String, String> env;

    /** What the file sets: the single values by dotted key, and the structured plugin keys. */
    private record FileSettings(Map<String, String> values, Optional<List<PluginPin>> allow, Map<String, String> prefer) {
    }

    /**
     * @param env the process environment (or a test's)
     */
    public SettingsLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * A key's built-in default: the one place defaults are defined.
     *
     * @param key a dotted key such as {@code backup.keep_last}
     * @return its default, or empty for an unknown key and for a key whose default is unset ({@code backup.dir})
     */
    public static Optional<String> defaultValue(String key) {
        return Optional.ofNullable(DEFAULTS.get(key)).filter(v -> !v.isEmpty());
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
        FileSettings fromFile = file.map(this::readFile).orElse(new FileSettings(Map.of(), Optional.empty(), Map.of()));
        fromFile.values().forEach((k, v) -> values.put(k, new EffectiveSetting(k, v, file.orElseThrow().toString())));
        fromFile.allow().ifPresent(pins -> values.put(ALLOW, new EffectiveSetting(ALLOW, pins.stream()
                .map(p -> p.id() + "=" + p.sha256()).reduce((a, b) -> a + ", " + b).orElse("(none)"), file.orElseThrow().toString())));
        if (!fromFile.prefer().isEmpty()) {
            values.put(PREFER, new EffectiveSetting(PREFER, fromFile.prefer().entrySet().stream()
                    .map(e -> e.getKey() + " = " + e.getValue()).reduce((a, b) -> a + ", " + b).orElseThrow(),
                    file.orElseThrow().toString()));
        }
        ENVIRONMENT.forEach((key, var) -> {
            // the guide's name counts when ours is unset, and is the one named as the source then
            String used = env.get(var) != null && !env.get(var).isBlank() ? var : LEGACY_ENVIRONMENT.getOrDefault(key, var);
            String value = env.get(used);
            if (value != null && !value.isBlank()) {
                values.put(key, new EffectiveSetting(key, value, "environment " + used));
            }
        });
        options.forEach((k, v) -> {
            if (!DEFAULTS.containsKey(k)) {
                throw new IllegalArgumentException("unknown setting " + k);
            }
            values.put(k, new EffectiveSetting(k, v, "option"));
        });
        SettingTypes.check(values, file);
        return new EngineSettings(new SettingValues(values, env, file), fromFile.allow(), fromFile.prefer());
    }

    private FileSettings readFile(Path file) {
        JsonNode root;
        String text = "";
        try {
            text = Files.readString(file);
            root = new TomlMapper().readTree(text);
        } catch (NoSuchFileException e) {
            throw new InputFailure(ErrorCode.USAGE, file + ": migration config not found; create it or drop --migration-config");
        } catch (JacksonException e) {
            String line = lineOf(e, text).map(n -> ":" + n).orElse("");
            throw new InputFailure(ErrorCode.USAGE, file + line + ": not valid TOML (" + e.getOriginalMessage()
                    + "); fix the file or point --migration-config elsewhere", e);
        } catch (IOException e) {
            throw new InputFailure(ErrorCode.USAGE, file + ": cannot read the migration config (" + e.getMessage() + ")", e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        Optional<List<PluginPin>> allow = Optional.empty();
        Map<String, String> prefer = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> tables = root.fields(); tables.hasNext(); ) {
            Map.Entry<String, JsonNode> table = tables.next();
            if (!table.getValue().isObject()) {
                throw unknown(file, table.getKey());
            }
            for (Iterator<Map.Entry<String, JsonNode>> keys = table.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = keys.next();
                String key = table.getKey() + "." + entry.getKey();
                boolean flag = table.getKey().equals("flags");
                boolean structured = key.equals(ALLOW) || key.equals(PREFER);
                if (!flag && !structured && !DEFAULTS.containsKey(key)) {
                    throw unknown(file, key);
                }
                JsonNode value = entry.getValue();
                if (key.equals(ALLOW)) {
                    allow = Optional.of(pins(file, value));
                    continue;
                }
                if (key.equals(PREFER)) {
                    prefer.putAll(preferences(file, value));
                    continue;
                }
                boolean command = HookSettings.COMMAND_KEYS.contains(key); // kept as JSON, checked by SettingTypes
                if (!command && !value.isValueNode()) {
                    throw new InputFailure(ErrorCode.USAGE, file + ": key " + key + " must be a single value");
                }
                values.put(key, command ? value.toString() : value.asText());
            }
        }
        return new FileSettings(values, allow, prefer);
    }

    /**
     * The line a parse failure is on. For a duplicate key the parser stops after the duplicate's value (past its
     * newline and any blank lines), so the key is on the nearest assignment at or before that point.
     */
    private static Optional<Integer> lineOf(JacksonException e, String text) {
        JsonLocation at = e.getLocation();
        if (at == null || at.getLineNr() < 1) {
            return Optional.empty();
        }
        if (e.getOriginalMessage() == null || !e.getOriginalMessage().startsWith("Duplicate key")) {
            return Optional.of(at.getLineNr());
        }
        String[] lines = text.split("\\n", -1);
        for (int i = Math.min(at.getColumnNr() <= 1 ? at.getLineNr() - 2 : at.getLineNr() - 1, lines.length - 1); i >= 0; i--) {
            if (ASSIGNMENT.matcher(lines[i]).lookingAt()) {
                return Optional.of(i + 1);
            }
        }
        return Optional.of(at.getLineNr());
    }

    private static List<PluginPin> pins(Path file, JsonNode allow) {
        if (!allow.isArray()) {
            throw new InputFailure(ErrorCode.USAGE, file + ": key " + ALLOW
                    + " must be an array of tables such as { id = \"my-plugin\", sha256 = \"<64 hex digits>\" }");
        }
        List<PluginPin> pins = new ArrayList<>();
        for (JsonNode entry : allow) {
            if (!entry.isObject() || !entry.path("id").isTextual() || !entry.path("sha256").isTextual() || entry.size() != 2) {
                throw new InputFailure(ErrorCode.USAGE, file + ": each entry of " + ALLOW
                        + " needs exactly an id and a sha256, found " + entry + "; a plugin without a checksum is never loaded");
            }
            try {
                pins.add(new PluginPin(entry.get("id").asText(), entry.get("sha256").asText()));
            } catch (IllegalArgumentException e) {
                throw new InputFailure(ErrorCode.USAGE, file + ": " + ALLOW + ": " + e.getMessage()
                        + "; copy the sha256 that 'migrate plugins list' prints", e);
            }
        }
        return List.copyOf(pins);
    }

    private static Map<String, String> preferences(Path file, JsonNode prefer) {
        if (!prefer.isObject()) {
            throw new InputFailure(ErrorCode.USAGE, file + ": key " + PREFER
                    + " must be a table such as { \"serve 2.1.0 -> 2.1.1 config\" = \"my-plugin\" }");
        }
        Map<String, String> chosen = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> edges = prefer.fields(); edges.hasNext(); ) {
            Map.Entry<String, JsonNode> edge = edges.next();
            Optional<String> key = edgeKey(edge.getKey());
            if (key.isEmpty() || !edge.getValue().isTextual() || edge.getValue().asText().isBlank()) {
                throw new InputFailure(ErrorCode.USAGE, file + ": " + PREFER + ": '" + edge.getKey()
                        + "' must read '<product> <from> -> <to> <config|data|model>' = \"<plugin id or built-in>\"");
            }
            chosen.put(key.get(), edge.getValue().asText().trim());
        }
        return chosen;
    }

    /**
     * The normal form of an edge and kind as {@code [plugins] prefer} names it: {@code <product> <from> -> <to>
     * <kind>} with single spaces; {@code from} may be a range ({@code serve >=1.0.0 <2.0.0 -> 2.1.0 config}).
     *
     * @param text the edge as written
     * @return the normal form, or empty when the text is not an edge
     */
    public static Optional<String> edgeKey(String text) {
        Matcher m = EDGE.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(EngineSettings.edgeKey(m.group(1), m.group(2), m.group(3), m.group(4)));
    }

    private static MigrationException unknown(Path file, String key) {
        List<String> known = new ArrayList<>(DEFAULTS.keySet());
        known.addAll(List.of(ALLOW, PREFER));
        return new InputFailure(ErrorCode.USAGE, file + SettingTypes.lineOf(file, key).map(n -> ":" + n).orElse("")
                + ": unknown key " + key + NearestName.of(key, known).map(k -> "; did you mean " + k + "?").orElse("")
                + "; see the documented keys in migration_config.toml of the distribution");
    }
}
