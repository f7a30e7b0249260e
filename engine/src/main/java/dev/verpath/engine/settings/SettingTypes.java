package dev.verpath.engine.settings;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What each setting may hold, checked once when the settings are loaded, so that a bad value is refused before
 * any work with the place it came from: the settings file and its line, the environment variable, or the option.
 */
final class SettingTypes {

    /** What a setting accepts: a test of its text, and the words for what is expected. */
    private record Type(Predicate<String> accepts, String expected) {
    }

    private static final Type BOOLEAN = new Type(v -> v.equals("true") || v.equals("false"), "true or false");
    private static final Type ANY = new Type(v -> true, "any text");
    private static final Type ZERO_OR_MORE = whole(0, "a whole number, 0 or more");
    private static final Type ABOVE_ZERO = whole(1, "a whole number above 0");
    /** A kind's backup key: a rollback restores the whole installation from one backup, so each kind is in it. */
    private static final Type BACKED_UP = new Type("true"::equals, "true (a rollback needs every file a migration can"
            + " touch; to run without any backup, use --no-backup)");

    /** A hook's or the health check's command: unset, or the JSON of an array or {@code { shell = "..." }}. */
    private static final Type HOOK = new Type(v -> v.isEmpty() || HookCommand.fromSettingText(v).isPresent(),
            HookCommand.EXPECTED);
    private static final Type DURATION_ABOVE_ZERO = new Type(v -> SettingDuration.parse(v).filter(d -> !d.isZero())
            .isPresent(), SettingDuration.EXPECTED + ", above 0");

    private static final Map<String, Type> TYPES = Map.ofEntries(
            Map.entry("global.timeout_seconds", whole(0, "a whole number of seconds, 0 for no limit")),
            Map.entry("data_migration.threads", whole(0, "0 (one thread a core) or a whole number above 0")),
            Map.entry("data_migration.max_record_bytes", whole(1, "a whole number of bytes above 0")),
            Map.entry("config_migration.backup_original", BACKED_UP),
            Map.entry("data_migration.backup_data", BACKED_UP),
            Map.entry("model_migration.backup_models", BACKED_UP),
            Map.entry("backup.dir", ANY),
            Map.entry("backup.encrypt_to", ANY),
            Map.entry("backup.identity", ANY),
            Map.entry("backup.remote", new Type(v -> v.isEmpty() || v.startsWith("s3://") || v.startsWith("file:/")
                    || v.startsWith("/"), "s3://BUCKET/PREFIX, file:///FOLDER or an absolute folder")),
            Map.entry("plan.accept_risks", new Type(v -> v.matches("([a-z0-9][a-z0-9.-]*(,[a-z0-9][a-z0-9.-]*)*)?"),
                    "risk names separated by commas, such as wan-legacy-model-missing")),
            Map.entry("plugins.dir", ANY),
            Map.entry("cache.dir", ANY),
            Map.entry("cache.max_bytes", whole(0, "0 (a tenth of its file system) or a whole number of bytes")),
            Map.entry("backup.mode", choice("auto", "hardlink", "archive", "copy")),
            Map.entry("backup.weights", choice("auto", "link", "copy")),
            Map.entry("backup.keep_last", ABOVE_ZERO),
            Map.entry("backup.keep_days", whole(0, "a whole number of days, 0 or more")),
            Map.entry("backup.keep_free_bytes", whole(0, "a whole number of bytes, 0 or more")),
            Map.entry("validation.small_file_bytes", ABOVE_ZERO),
            Map.entry("validation.small_files_per_folder", ABOVE_ZERO),
            Map.entry("validation.split_file_bytes", ABOVE_ZERO),
            Map.entry("log.level", new Type(v -> LogSettings.level(v).isPresent(), LogSettings.EXPECTED)),
            Map.entry("log.format", choice("text", "json")),
            Map.entry("log.file", ANY),
            Map.entry("hooks.before_run", HOOK),
            Map.entry("hooks.before_commit", HOOK),
            Map.entry("hooks.after_commit", HOOK),
            Map.entry("hooks.after_rollback", HOOK),
            Map.entry("hooks.on_failure", HOOK),
            Map.entry("hooks.timeout", DURATION_ABOVE_ZERO),
            Map.entry("health.command", HOOK),
            Map.entry("health.retries", ABOVE_ZERO),
            Map.entry("health.interval", new Type(v -> SettingDuration.parse(v).isPresent(), SettingDuration.EXPECTED)),
            Map.entry("health.timeout", DURATION_ABOVE_ZERO));

    private SettingTypes() {
    }

    private static Type whole(long min, String expected) {
        return new Type(v -> {
            try {
                return Long.parseLong(v) >= min;
            } catch (NumberFormatException e) {
                return false;
            }
        }, expected);
    }

    private static Type choice(String... choices) {
        List<String> list = List.of(choices);
        return new Type(Set.copyOf(list)::contains, String.join(", ", list.subList(0, list.size() - 1)) + " or "
                + list.get(list.size() - 1));
    }

    /**
     * Checks every setting against its type.
     *
     * @param settings the effective settings by key (flags are the plugins' own and are not checked)
     * @param file     the settings file they were read from, when one was
     * @throws MigrationException with {@link ErrorCode#USAGE} naming where the bad value came from and what to do
     */
    static void check(Map<String, EffectiveSetting> settings, Optional<Path> file) {
        for (EffectiveSetting setting : settings.values()) {
            if (setting.key().startsWith("flags.") || setting.key().startsWith("plugins.allow")
                    || setting.key().startsWith("plugins.prefer")) {
                continue;
            }
            Type type = TYPES.getOrDefault(setting.key(), BOOLEAN);
            String value = setting.value().trim();
            if ((value.isEmpty() && type == ANY) || type.accepts().test(value)) {
                continue;
            }
            throw new InputFailure(ErrorCode.USAGE, where(setting, file) + setting.key() + " = '" + value
                    + "': expected " + type.expected() + "; " + remedy(setting));
        }
    }

    /**
     * Where a setting came from, as a message starts: {@code <file>:<line>: }, {@code $VAR: } or nothing.
     *
     * @param setting the setting
     * @param file    the settings file, when one was read
     * @return the prefix
     */
    static String where(EffectiveSetting setting, Optional<Path> file) {
        Optional<String> variable = variable(setting.source());
        if (variable.isPresent()) {
            return variable.get() + ": ";
        }
        if (file.isPresent() && setting.source().equals(file.get().toString())) {
            return file.get() + lineOf(file.get(), setting.key()).map(n -> ":" + n).orElse("") + ": ";
        }
        return "";
    }

    /**
     * @param source a setting's source, as {@link EffectiveSetting#source()} gives it
     * @return {@code $NAME} when it is an environment variable
     */
    static Optional<String> variable(String source) {
        return source.startsWith("environment ") ? Optional.of("$" + source.substring("environment ".length()))
                : Optional.empty();
    }

    private static String remedy(EffectiveSetting setting) {
        Optional<String> variable = variable(setting.source());
        if (variable.isPresent()) {
            return "fix or unset " + variable.get();
        }
        if (setting.source().equals("option")) {
            return "fix the option";
        }
        return "fix the setting there (migration_config.toml of the distribution documents every key)";
    }

    /**
     * The line of a file that sets a key: {@code name = ...} under its {@code [table]}, or {@code table.name = ...}
     * at the top. The file has already parsed as TOML; this only finds the line to name.
     *
     * @param file the settings file
     * @param key  a dotted key
     * @return the line number, from 1, when it is found
     */
    static Optional<Integer> lineOf(Path file, String key) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String table = key.substring(0, dot);
        String name = key.substring(dot + 1);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        String current = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("[") && !line.startsWith("[[")) {
                current = line.substring(1, Math.max(1, line.indexOf(']'))).strip().replace("\"", "");
                continue;
            }
            String assigned = line.contains("=") ? line.substring(0, line.indexOf('=')).strip().replace("\"", "") : "";
            if ((current.equals(table) && assigned.equals(name)) || (current.isEmpty() && assigned.equals(key))) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }
}
