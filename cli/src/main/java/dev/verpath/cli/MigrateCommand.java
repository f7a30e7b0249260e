package dev.verpath.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The {@code migrate} command: migrates model-serving installations between versions, with a backup
 * and rollback. Each subcommand is its own class; this one holds the global options and wires the
 * exit codes and failure handling.
 */
@Command(name = "migrate",
        mixinStandardHelpOptions = true,
        versionProvider = MigrateVersion.class,
        description = "Migrates a model-serving installation (VERSION, config/, data/, models/) from one version "
                + "to another, one validated step at a time, inside one backup.")
public final class MigrateCommand implements Callable<Integer> {

    /**
     * The subcommands by name, in the order the help lists them. The names are those of their {@code @Command}
     * annotations (CommandModelTest holds them equal): reading twelve annotations to find the one a line names cost
     * every command about 15 ms.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = names(
            "version", VersionCommand.class,
            "config", ConfigCommand.class,
            "data", DataCommand.class,
            "models", ModelsCommand.class,
            "info", InfoCommand.class,
            "validate", ValidateCommand.class,
            "rollback", RollbackCommand.class,
            "status", StatusCommand.class,
            "backups", BackupsCommand.class,
            "releases", ReleasesCommand.class,
            "plugins", PluginsCommand.class,
            "graph", GraphCommand.class,
            "demo", DemoCommand.class,
            "completion", CompletionCommand.class);

    private static Map<String, Class<?>> names(Object... pairs) {
        Map<String, Class<?>> byName = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            byName.put((String) pairs[i], (Class<?>) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }

    @Mixin
    private GlobalOptions options;

    @Spec
    private CommandSpec spec;

    private final Map<String, String> environment;

    /** The command over the process environment. */
    public MigrateCommand() {
        this(System.getenv());
    }

    /**
     * The command over a given environment (tests pass their own).
     *
     * @param environment the environment variables the settings read
     */
    public MigrateCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // the same line picocli prints, without building the model of every command first: about a third
            // of 'migrate --version' went into loading and verifying picocli (its Java 5 classes are never
            // in the class-data archive) and reflecting over the commands
            out.println(new MigrateVersion().getVersion()[0]);
            out.flush();
            System.exit(ExitStatus.SUCCESS.code());
        }
        StartupWarmup.begin(args);
        PrintWriter err = new PrintWriter(System.err, true);
        SignalStop.install(Thread.currentThread());
        int code = execute(new MigrateCommand(), out, err, args);
        Optional<String> signal = SignalStop.received();
        if (signal.isPresent()) {
            // the command has finished its commit, or cancelled its run (its one failure line says so)
            if (code == 0) {
                err.println("migrate: stopped by " + signal.get() + " once the command had finished its work");
            }
            code = SignalStop.exitCode(signal.get());
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the command line with the given writers.
     *
     * @param command the top command (its environment is the one the settings read)
     * @param out     stdout
     * @param err     stderr
     * @param args    the arguments
     * @return the exit code (see {@link ExitStatus})
     */
    public static int execute(MigrateCommand command, PrintWriter out, PrintWriter err, String... args) {
        return execute(commandLine(command, args), out, err, args);
    }

    /**
     * Runs a command line built by {@link #commandLine(MigrateCommand)} (tests may add commands to it).
     *
     * @param line the command line
     * @param out  stdout
     * @param err  stderr
     * @param args the arguments
     * @return the exit code
     */
    static int execute(CommandLine line, PrintWriter out, PrintWriter err, String... args) {
        MigrateCommand command = line.getCommand();
        line.setOut(out);
        line.setErr(err);
        boolean noColor = Arrays.asList(args).contains("--no-color")
                || command.environment.containsKey("NO_COLOR");
        line.setColorScheme(Help.defaultColorScheme(noColor ? Help.Ansi.OFF : Help.Ansi.AUTO));
        line.setExecutionStrategy(new AuditingExecution(command, Arrays.asList(args)));
        return line.execute(args);
    }

    /**
     * The picocli command line with every subcommand, the exit codes in each help footer, and the
     * failure handling.
     *
     * @param command the top command
     * @return the command line
     */
    public static CommandLine commandLine(MigrateCommand command) {
        return commandLine(command, List.copyOf(SUBCOMMANDS.values()));
    }

    /**
     * The command line for the given arguments: when exactly one of them names a subcommand, the model of that one
     * alone (picocli reflects over every command it is given; building all of them was a third of 'migrate info'),
     * otherwise of every subcommand, so that the top-level help, a missing or misspelt command, and the completion
     * script see them all.
     *
     * @param command the top command
     * @param args    the arguments
     * @return the command line
     */
    static CommandLine commandLine(MigrateCommand command, String... args) {
        List<Class<?>> named = Arrays.stream(args).<Class<?>>map(SUBCOMMANDS::get).filter(java.util.Objects::nonNull)
                .toList();
        boolean one = named.size() == 1 && named.get(0) != CompletionCommand.class;
        return commandLine(command, one ? named : List.copyOf(SUBCOMMANDS.values()));
    }

    private static CommandLine commandLine(MigrateCommand command, List<Class<?>> subcommands) {
        CommandLine line = new CommandLine(command);
        subcommands.forEach(line::addSubcommand);
        line.setExitCodeExceptionMapper(new ExitCodes());
        line.setExecutionExceptionHandler(new FailureHandler());
        line.setParameterExceptionHandler(new UsageErrorHandler());
        // a value that is also a command name ('--plugins-dir plugins') is the option's value
        line.setAllowSubcommandsAsOptionParameters(true);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        configure(line);
        return line;
    }

    private static void configure(CommandLine line) {
        line.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitStatus.helpList());
        line.getCommandSpec().versionProvider(new MigrateVersion());
        line.getSubcommands().values().forEach(MigrateCommand::configure);
    }

    /** The plugins refused while this command loaded its rules, one phrase each, for the failure they may explain. */
    private final List<String> refusedPlugins = new ArrayList<>();

    /** @return what was refused, as {@code plugin <archive> (<id>): <why>} */
    List<String> refusedPlugins() {
        return refusedPlugins;
    }

    /** The plugins this command loaded, for the system snapshot. */
    private final List<dev.verpath.engine.plugin.PluginStatus> loadedPlugins = new ArrayList<>();

    /** The running command's line in the audit trail, while it runs (see {@link AuditingExecution}). */
    private Optional<AuditedCommand> audit = Optional.empty();

    /** @return the plugins loaded, filled in when the rules are */
    List<dev.verpath.engine.plugin.PluginStatus> loadedPlugins() {
        return loadedPlugins;
    }

    /** @return the running command's audit line, when the command is audited */
    Optional<AuditedCommand> audit() {
        return audit;
    }

    /** @param audited the running command's audit line, or empty once it ended */
    void audit(Optional<AuditedCommand> audited) {
        this.audit = audited;
    }

    /** @return the global options, wherever they were given on the line */
    GlobalOptions options() {
        return options;
    }

    /** @return the environment the settings read */
    Map<String, String> environment() {
        return environment;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command after 'migrate': give one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
