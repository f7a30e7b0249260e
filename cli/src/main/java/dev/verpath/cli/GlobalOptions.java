package dev.verpath.cli;

import dev.verpath.engine.settings.HookCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every command accepts, before or after its name ({@code migrate --json info ...} and
 * {@code migrate info ... --json}). They are declared once on the top command with
 * {@link ScopeType#INHERIT}, so picocli copies them to every subcommand and a value given anywhere lands
 * in this one object.
 */
public final class GlobalOptions {

    @Option(names = "--migration-config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Settings file (default: $MIGRATE_CONFIG, else ./migration_config.toml when present).")
    private Path migrationConfig;

    @Option(names = "--plugins-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Folder of rule plugins (default: $MIGRATE_PLUGINS_DIR).")
    private Path pluginsDir;

    @Option(names = "--no-plugins", scope = ScopeType.INHERIT,
            description = "Load only the built-in rules.")
    private boolean noPlugins;

    @Option(names = "--backup-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Where backups go (default: $MIGRATE_BACKUP_DIR, else .migrate/backups of the installation).")
    private Path backupDir;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print one JSON document on stdout and nothing else there.")
    private boolean json;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print no progress lines.")
    private boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print durations, every effective setting (info) and stack traces of failures.")
    private boolean verbose;

    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "Never color the output (also: $NO_COLOR).")
    private boolean noColor;

    @Option(names = {"-y", "--yes"}, scope = ScopeType.INHERIT,
            description = "Never ask for confirmation.")
    private boolean yes;

    @Option(names = "--allow-network-fs", scope = ScopeType.INHERIT,
            description = "Migrate an installation on NFS/SMB/sshfs, where file locks cannot be trusted.")
    private boolean allowNetworkFs;

    @Option(names = "--log-level", paramLabel = "LEVEL", scope = ScopeType.INHERIT,
            description = "Log lines to write: error, warn (default), info, debug, trace or off (also: $MIGRATE_LOG,"
                    + " or the guide's $RUST_LOG).")
    private String logLevel;

    @Option(names = "--log-format", paramLabel = "FORMAT", scope = ScopeType.INHERIT,
            description = "text (default) or json: one JSON object a line with the run id, product, step, rule and"
                    + " file (also: $MIGRATE_LOG_FORMAT).")
    private String logFormat;

    @Option(names = "--log-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Append log lines to FILE instead of stderr.")
    private Path logFile;

    @Option(names = "--hook", paramLabel = "PHASE=COMMAND", scope = ScopeType.INHERIT,
            description = "Run COMMAND (by /bin/sh -c) in PHASE: before_run, before_commit, after_commit, after_rollback"
                    + " or on_failure; repeatable; wins over [hooks] of migration_config.toml.")
    private List<String> hooks = new ArrayList<>();

    @Option(names = "--no-health", scope = ScopeType.INHERIT,
            description = "Skip the health check after the commit ([health], or the product's own).")
    private boolean noHealth;

    @Option(names = "--accept-risk", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Take an edge that a known risk named NAME blocks for this installation (see: migrate info);"
                    + " repeatable; recorded in the history with who accepted it.")
    private List<String> acceptRisks = new ArrayList<>();

    @Option(names = "--identity", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The OpenPGP secret key that reads encrypted backups (rollback, backups verify); default:"
                    + " $MIGRATE_BACKUP_IDENTITY, else [backup] identity. Its passphrase, if any: $MIGRATE_BACKUP_PASSPHRASE.")
    private Path identity;

    /** @return the {@code --migration-config} file, when given */
    public Optional<Path> migrationConfig() {
        return Optional.ofNullable(migrationConfig);
    }

    /** @return true for {@code --json} */
    public boolean json() {
        return json;
    }

    /** @return true for {@code --quiet} */
    public boolean quiet() {
        return quiet;
    }

    /** @return true for {@code --verbose} */
    public boolean verbose() {
        return verbose;
    }

    /** @return true for {@code --no-color} */
    public boolean noColor() {
        return noColor;
    }

    /** @return true for {@code --yes} */
    public boolean yes() {
        return yes;
    }

    /**
     * The settings given as options, by the dotted keys of migration_config.toml.
     *
     * @return the settings, in a stable order
     */
    public Map<String, String> settings() {
        Map<String, String> options = new LinkedHashMap<>();
        if (backupDir != null) {
            options.put("backup.dir", backupDir.toString());
        }
        if (pluginsDir != null) {
            options.put("plugins.dir", pluginsDir.toString());
        }
        if (noPlugins) {
            options.put("plugins.enabled", "false");
        }
        if (allowNetworkFs) {
            options.put("global.allow_network_fs", "true");
        }
        if (logLevel != null) {
            options.put("log.level", logLevel);
        }
        if (logFormat != null) {
            options.put("log.format", logFormat);
        }
        if (logFile != null) {
            options.put("log.file", logFile.toString());
        }
        for (String hook : hooks) {
            Map.Entry<String, String> setting = HookCommand.parseOption(hook).setting();
            options.put(setting.getKey(), setting.getValue());
        }
        if (noHealth) {
            options.put("health.enabled", "false");
        }
        if (identity != null) {
            options.put("backup.identity", identity.toString());
        }
        if (!acceptRisks.isEmpty()) {
            options.put("plan.accept_risks", String.join(",", acceptRisks));
        }
        return options;
    }
}
