package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.files.SymbolicLinks;
import dev.verpath.engine.log.LogFields;
import dev.verpath.engine.restore.Rollback;
import dev.verpath.engine.workspace.Installation;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;

/**
 * Runs the parsed command (picocli's {@link CommandLine.RunLast}) under a run id, which every log line carries, and
 * for the commands that change an installation ({@code version}, {@code config}, {@code data}, {@code models} but not
 * their dry runs, {@code rollback}, {@code backups prune}, {@code validate --repair}) with its line in the
 * installation's audit trail ({@link AuditedCommand}).
 */
final class AuditingExecution implements IExecutionStrategy {

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final MigrateCommand root;
    private final List<String> args;

    /**
     * @param root the top command, which holds the audited command while it runs
     * @param args the arguments as given
     */
    AuditingExecution(MigrateCommand root, List<String> args) {
        this.root = root;
        this.args = List.copyOf(args);
    }

    @Override
    public int execute(ParseResult parsed) {
        if (helpAsked(parsed)) {
            return new CommandLine.RunLast().execute(parsed); // --help, --version: no run, no logging set up
        }
        Instant started = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String runId = RUN_ID.format(started) + "-" + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
        StartupWarmup.loggingReady();
        try (LogFields.AutoCloseableField field = LogFields.put(LogFields.RUN_ID, runId)) {
            Optional<AuditedCommand> audited = into(parsed).map(dest -> AuditedCommand.deferred(dest,
                    start(runId, started, names(parsed), dest))).or(() -> installation(parsed).flatMap(at ->
                    AuditedCommand.start(at, start(runId, started, names(parsed), at))));
            root.audit(audited);
            try {
                int code = new CommandLine.RunLast().execute(parsed);
                audited.ifPresent(a -> a.finish(exitCode(code), outcome(code), Optional.empty()));
                return code;
            } catch (ExecutionException e) {
                int code = new ExitCodes().getExitCode(e.getCause());
                audited.ifPresent(a -> a.finish(exitCode(code), outcome(code), Optional.of(oneLine(e.getCause()))));
                throw e;
            } finally {
                root.audit(Optional.empty());
            }
        }
    }

    /** The exit code the process ends with: a stop signal's when one arrived (see {@link SignalStop}). */
    private static int exitCode(int code) {
        return SignalStop.received().map(SignalStop::exitCode).orElse(code);
    }

    private static String outcome(int code) {
        if (SignalStop.received().isPresent()) {
            return "interrupted";
        }
        return switch (code) {
            case 0 -> "completed";
            case 3 -> "locked";
            case 4 -> "recovery-needed";
            case 5 -> "backup-corrupt";
            default -> "failed";
        };
    }

    private static String oneLine(Throwable failure) {
        String message = failure instanceof MigrationException ? failure.getMessage()
                : "unexpected failure: " + failure.getMessage();
        return String.valueOf(message).replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private ObjectNode start(String runId, Instant started, List<String> command, Path installation) {
        ObjectNode start = JsonNodeFactory.instance.objectNode();
        ProcessHandle self = ProcessHandle.current();
        start.put("run_id", runId).put("command", String.join(" ", command));
        start.putArray("argv").addAll(CommandLineText.withoutSecrets(args).stream()
                .map(JsonNodeFactory.instance::textNode).toList());
        start.put("user", System.getProperty("user.name")).put("host", host()).put("pid", self.pid());
        self.info().startInstant().ifPresent(t -> start.put("process_start", t.toString()));
        start.put("start", started.toString()).put("installation", installation.toString());
        return start;
    }

    private static String host() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown");
        }
    }

    /** The folder {@code version --into DEST} builds (not its dry run), whose audit trail gets its line at the end. */
    private static Optional<Path> into(ParseResult parsed) {
        ParseResult last = last(parsed);
        return audited(names(parsed), last) ? option(last, "--into").map(p -> Path.of(p).toAbsolutePath().normalize())
                : Optional.empty();
    }

    /** The installation an audited command changes, when the command is one and its installation can be found. */
    private static Optional<Path> installation(ParseResult parsed) {
        List<String> names = names(parsed);
        ParseResult last = last(parsed);
        if (!audited(names, last) || option(last, "--into").isPresent()) {
            // --into never writes the installation at --path (its audit trail included): its line goes into DEST's
            return Optional.empty();
        }
        try {
            Optional<Path> found = option(last, "--path").map(Path::of)
                    .or(() -> option(last, "--config").or(() -> option(last, "--data-path"))
                            .or(() -> option(last, "--models-path")).map(p -> Installation.around(Path.of(p)).root()))
                    .or(() -> option(last, "--backup-path").map(p -> Rollback.installationOf(Path.of(p))));
            // through a release link, the release it points at as the command starts: a switch back moves the link
            return found.map(p -> p.toAbsolutePath().normalize()).filter(Files::isDirectory)
                    .map(SymbolicLinks::followed);
        } catch (RuntimeException notFound) {
            return Optional.empty(); // no installation around the path: the command itself says so, and changed nothing
        }
    }

    private static ParseResult last(ParseResult parsed) {
        return parsed.hasSubcommand() ? last(parsed.subcommand()) : parsed;
    }

    private static boolean audited(List<String> names, ParseResult last) {
        String command = String.join(" ", names);
        return switch (command) {
            case "version", "config", "data", "models" -> !last.hasMatchedOption("--dry-run");
            case "rollback", "backups prune" -> true;
            case "validate" -> last.hasMatchedOption("--repair");
            default -> false;
        };
    }

    private static boolean helpAsked(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.hasSubcommand() ? p.subcommand() : null) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> option(ParseResult result, String name) {
        return result.hasMatchedOption(name) ? Optional.ofNullable(result.matchedOptionValue(name, (Object) null))
                .map(Object::toString) : Optional.empty();
    }

    private static List<String> names(ParseResult parsed) {
        List<String> names = new ArrayList<>();
        for (ParseResult p = parsed.hasSubcommand() ? parsed.subcommand() : null; p != null;
             p = p.hasSubcommand() ? p.subcommand() : null) {
            names.add(p.commandSpec().name());
        }
        return names;
    }
}
