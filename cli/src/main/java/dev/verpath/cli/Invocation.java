package dev.verpath.cli;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.RemoteBackups;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.model.SystemSnapshot;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.reuse.KeptGraphs;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.settings.FlagValues;
import dev.verpath.engine.settings.LogSettings;
import dev.verpath.engine.settings.SettingsLoader;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.RulesApi;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What one run of a command works with: the global options, the output, the effective settings and the
 * engine, each built on first use (so {@code migrate --help} loads nothing).
 */
final class Invocation {

    private final MigrateCommand root;
    private final CommandSpec spec;
    private final Output output;
    private EngineSettings settings;
    private MigrationEngine engine;
    private MigrationEngine backupEngine;

    private Invocation(MigrateCommand root, CommandSpec spec) {
        this.root = root;
        this.spec = spec;
        this.output = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), root.options());
    }

    /**
     * The invocation of the command with the given spec.
     *
     * @param spec the running command's spec (injected by picocli)
     * @return the invocation
     */
    static Invocation of(CommandSpec spec) {
        return new Invocation((MigrateCommand) spec.root().userObject(), spec);
    }

    /** @return the global options */
    GlobalOptions options() {
        return root.options();
    }

    /** @return where the command writes */
    Output output() {
        return output;
    }

    /** @return the command's stderr */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** @return the effective settings: options, environment, migration_config.toml, defaults */
    EngineSettings settings() {
        if (settings == null) {
            settings = new SettingsLoader(root.environment())
                    .load(root.options().migrationConfig(), root.options().settings());
            LogBackend.configure(LogSettings.of(settings), err());
        }
        return settings;
    }

    /**
     * An engine without any rule, for the commands that only read, check or restore backups ({@code rollback},
     * {@code backups}): they need the settings, never a rule, so no rule set or plugin is loaded (about a third
     * of such a command's time).
     *
     * @return the engine
     */
    MigrationEngine backupEngine() {
        if (engine != null) {
            return engine;
        }
        if (backupEngine == null) {
            audited(SystemSnapshot.of(MigrateVersion.version(), RulesApi.VERSION, List.of(), settings().effective(List.of())));
            backupEngine = MigrationEngine.create(RuleRegistry.ofBuiltIns(), settings()).withProgress(phases());
        }
        return backupEngine;
    }

    /** @return the installation's backups off the machine ({@code backups push|pull}, {@code rollback --from}) */
    RemoteBackups remoteBackups() {
        return new RemoteBackups(settings(), phases());
    }

    /**
     * Where the engine's structured progress goes (see {@link ProgressDisplays}), in the log format the command
     * runs with.
     */
    ProgressListener phases() {
        return ProgressDisplays.of(root.options(), err(), LogSettings.of(settings()).format());
    }

    /** Records the system snapshot in the running command's audit line, and returns it. */
    private SystemSnapshot audited(SystemSnapshot snapshot) {
        root.audit().ifPresent(a -> a.snapshot(snapshot));
        return snapshot;
    }

    /** @return the running command's audit line, when the command is one the audit trail records */
    Optional<AuditedCommand> audit() {
        return root.audit();
    }

    /**
     * The engine over every loaded rule set. Once the rule sets are known, the {@code [flags]} of the migration
     * config are checked against the flags they declare: an undeclared one is refused, or only noted while plugins
     * are off or one was refused (it may be theirs).
     *
     * @return the engine
     */
    MigrationEngine engine() {
        if (engine == null) {
            RuleRegistry loaded = RuleSetLoading.registry(settings(), output.notices(), root.refusedPlugins(),
                    root.loadedPlugins());
            // each product's version graph is kept in the user's cache between runs ([cache] graphs), as the
            // command's environment names it (a test's own)
            RuleRegistry registry = loaded.withGraphStore(KeptGraphs.open(settings(), loaded,
                    KeptGraphs.userCache(root.environment())));
            Optional<String> unloaded = !settings().pluginsEnabled()
                    ? Optional.of("plugins are off (" + settings().sourceOf("plugins.enabled", "--no-plugins") + ")")
                    : root.refusedPlugins().isEmpty() ? Optional.empty()
                    : Optional.of("a plugin was not loaded (see 'migrate plugins list')");
            settings().checkFlags(registry.flags(), unloaded).forEach(output.notices());
            FlagValues.check(settings(), registry.flags(), registry.flagConflicts());
            engine = MigrationEngine.create(registry, settings()).withProgress(phases()).withSystem(audited(SystemSnapshot.of(
                    MigrateVersion.version(), RulesApi.VERSION, root.loadedPlugins().stream().map(p -> new SystemSnapshot.Plugin(
                    p.id(), p.version(), p.sha256())).toList(), settings().effective(registry.flags()))));
        }
        return engine;
    }

    /**
     * Asks the user to confirm a destructive step, unless {@code --yes} was given. Where nobody can answer (no
     * terminal: a script, cron, an orchestrator) the step is refused, never taken unasked.
     *
     * @param question the question, without "[y/N]", naming what would be destroyed
     * @return true to go on
     * @throws MigrationException with {@link ErrorCode#USAGE} when there is no terminal and no {@code --yes}
     */
    boolean confirm(String question) {
        Console console = System.console();
        if (root.options().yes()) {
            return true;
        }
        if (console == null) {
            throw new InputFailure(ErrorCode.USAGE, question.replaceAll("\\?$", "") + ": nobody can confirm this here (no"
                    + " terminal); pass --yes to go ahead");
        }
        String answer = Optional.ofNullable(console.readLine("%s [y/N] ", question)).orElse("");
        return answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
    }

    /**
     * A path as the user gave it, with {@code /} separators, for output.
     *
     * @param path the path
     * @return the text
     */
    static String display(Path path) {
        return path.toString().replace('\\', '/');
    }

    /**
     * A path relative to the installation when it lies inside it, else as it is.
     *
     * @param root the installation
     * @param path a path
     * @return the text, with {@code /} separators
     */
    static String relative(Path root, Path path) {
        Path base = root.toAbsolutePath().normalize();
        Path full = path.toAbsolutePath().normalize();
        return display(full.startsWith(base) ? base.relativize(full) : path);
    }
}
