package dev.verpath.engine.settings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every setting's built-in default, in the order migration_config.toml documents them: the one place defaults
 * are defined ({@link SettingsLoader#defaultValue} reads them). An empty value means "unset" ({@code backup.dir}).
 */
final class SettingDefaults {

    /** Every known key with its default. */
    static final Map<String, String> ALL = all();

    private SettingDefaults() {
    }

    private static Map<String, String> all() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("global.backup_before_migration", "true");
        d.put("global.validate_after_migration", "true");
        d.put("global.rollback_on_failure", "true");
        d.put("global.timeout_seconds", "3600");
        d.put("global.allow_network_fs", "false");
        d.put("plan.accept_risks", "");
        d.put("config_migration.enabled", "true");
        d.put("config_migration.backup_original", "true");
        d.put("config_migration.format_validation", "true");
        d.put("data_migration.enabled", "true");
        d.put("data_migration.backup_data", "true");
        d.put("data_migration.validate_integrity", "true");
        d.put("data_migration.threads", "0");
        d.put("data_migration.max_record_bytes", "33554432");
        d.put("model_migration.enabled", "true");
        d.put("model_migration.backup_models", "true");
        d.put("model_migration.validate_models", "true");
        d.put("model_migration.optimize_models", "false");
        d.put("backup.dir", "");
        d.put("backup.mode", "auto");
        d.put("backup.weights", "auto");
        d.put("backup.keep_last", "3");
        d.put("backup.auto_prune", "true");
        d.put("backup.keep_days", "30");
        d.put("backup.keep_free_bytes", "67108864");
        d.put("backup.encrypt_to", "");
        d.put("backup.identity", "");
        d.put("backup.remote", "");
        d.put("backup.remote_path_style", "false");
        d.put("cache.enabled", "true");
        d.put("cache.dir", "");
        d.put("cache.max_bytes", "0");
        d.put("cache.graphs", "true");
        d.put("plugins.dir", "");
        d.put("plugins.enabled", "true");
        d.put("validation.strict", "false");
        d.put("validation.before_migration", "true");
        d.put("validation.small_file_bytes", "65536");
        d.put("validation.small_files_per_folder", "1000");
        d.put("validation.split_file_bytes", "1073741824");
        d.put("log.level", "warn");
        d.put("log.format", "text");
        d.put("log.file", "");
        service(d);
        return Map.copyOf(d);
    }

    /** The keys of [hooks] and [health]. */
    private static void service(Map<String, String> d) {
        d.put("hooks.before_run", "");
        d.put("hooks.before_commit", "");
        d.put("hooks.after_commit", "");
        d.put("hooks.after_rollback", "");
        d.put("hooks.on_failure", "");
        d.put("hooks.timeout", "60s");
        d.put("health.enabled", "true");
        d.put("health.command", "");
        d.put("health.retries", "10");
        d.put("health.interval", "2s");
        d.put("health.timeout", "10s");
    }
}
