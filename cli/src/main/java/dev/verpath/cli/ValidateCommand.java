package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.validate.ValidationReport;
import dev.verpath.engine.validate.ValidationRequest;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.ValidationCategory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code migrate validate}: checks an installation against its version's rules; exit 1 on errors. */
@Command(name = "validate",
        description = "Validate an installation at its recorded version (or the one given): findings grouped by "
                + "category (schema, integrity, security, performance, compatibility), each with severity, file and "
                + "line or key, message and remedy. Exits 1 on any error.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private InstallationPath.Required installation;

    @Option(names = "--version", paramLabel = "V", description = "Check against this version (default: the recorded one).")
    private String version;

    @Option(names = "--category", paramLabel = "C", split = ",", arity = "1..*",
            description = "Check only these categories: schema, integrity, security, performance, compatibility "
                    + "(repeat the option or separate with commas; default: all).")
    private List<String> categories = new ArrayList<>();

    @Option(names = "--full", description = "Hash every listed file, ignoring the stat cache in .migrate/statcache.")
    private boolean full;

    @Option(names = "--strict", description = "Count warnings as errors (also: validation.strict, and a product's "
            + "<PRODUCT>_STRICT_VALIDATION flag such as WAN_STRICT_VALIDATION).")
    private boolean strict;

    @Option(names = "--repair", description = "Restore each file whose SHA-256 differs from its record (or that is "
            + "missing) from the newest backup holding a copy with the recorded hash, then validate again.")
    private boolean repair;

    @Option(names = "--metrics-file", paramLabel = "FILE", description = "Also write the findings by category and"
            + " severity as metrics (Prometheus text format, replaced atomically) to FILE, for a validate run from cron.")
    private Path metricsFile;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the report as JSON (what --json prints) to FILE.")
    private Path report;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    // --version takes a version here (as the migration guide has it), so only -V prints migrate's version
    @Option(names = "-V", versionHelp = true, description = "Print version information and exit.")
    private boolean versionHelp;

    @Override
    public Integer call() {
        Path path = installation.path();
        Invocation invocation = Invocation.of(spec);
        Output output = invocation.output();
        ValidationRequest request = ValidationRequest.of(path, Optional.ofNullable(version), categories(), strict, full, repair);
        MigrationEngine engine = invocation.engine();
        long started = System.nanoTime();
        RunMetrics metrics = new RunMetrics(Optional.ofNullable(metricsFile), "validate");
        ValidationReport result;
        try {
            result = engine.validate(request, output.progress());
        } catch (RuntimeException failure) {
            metrics.validation(new RunMetrics.Subject(Optional.of(path), "", Optional.ofNullable(version).orElse(""), ""),
                    Outcome.of(ExitCodes.engineFailure(failure), SignalStop.received().isPresent()), Optional.empty(),
                    output.notices());
            throw failure;
        }
        metrics.validation(new RunMetrics.Subject(Optional.of(path), result.product(), result.version(), ""),
                result.hasErrors() ? Outcome.INVALID : Outcome.COMPLETED, Optional.of(result), output.notices());
        if (output.verbose()) {
            output.progress().accept("validation took " + Units.duration(Duration.ofNanos(System.nanoTime() - started)));
        }
        ValidationView.text(result).forEach(output::line);
        ObjectNode document = Output.object();
        document.put("command", "validate");
        document.put("installation", Invocation.display(path));
        document.setAll(ValidationView.json(result));
        document = Output.withOutcome(document, result.hasErrors() ? Outcome.INVALID : Outcome.COMPLETED);
        output.document(document);
        if (report != null) {
            write(report, Output.render(document));
            output.progress().accept("report written to " + Invocation.display(report));
        }
        return result.hasErrors() ? ExitStatus.FAILED.code() : ExitStatus.SUCCESS.code();
    }

    private Set<ValidationCategory> categories() {
        Set<ValidationCategory> chosen = EnumSet.noneOf(ValidationCategory.class);
        for (String name : categories) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            chosen.add(Arrays.stream(ValidationCategory.values()).filter(c -> c.label().equals(wanted)).findFirst()
                    .orElseThrow(() -> new ParameterException(spec.commandLine(), "Invalid value for option '--category': '"
                            + name + "' (expected one of " + Arrays.stream(ValidationCategory.values())
                            .map(ValidationCategory::label).collect(Collectors.joining(", ")) + ")")));
        }
        return chosen;
    }

    private static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EnvironmentFailure(file + ": cannot write the report (" + e.getMessage()
                    + "); choose another --report file", e);
        }
    }
}
