package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.ValidationReport;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code migrate validate}: checks an installation against its version's rules; exit 1 on errors. */
@Command(name = "validate",
        description = "Validate an installation at its recorded version (or the one given): findings grouped by "
                + "category, each with severity, file and line or key, message and remedy. Exits 1 on any error.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--path", required = true, paramLabel = "DIR", description = "The installation.")
    private Path path;

    @Option(names = "--version", paramLabel = "V", description = "Check against this version (default: the recorded one).")
    private String version;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    // --version takes a version here (as the migration guide has it), so only -V prints migrate's version
    @Option(names = "-V", versionHelp = true, description = "Print version information and exit.")
    private boolean versionHelp;

    @Override
    public Integer call() {
        Invocation invocation = Invocation.of(spec);
        Output output = invocation.output();
        ValidationReport report = invocation.engine().validate(path, Optional.ofNullable(version));
        ValidationView.text(report).forEach(output::line);
        ObjectNode document = Output.object();
        document.put("command", "validate");
        document.put("installation", Invocation.display(path));
        document.setAll(ValidationView.json(report));
        output.document(document);
        return report.hasErrors() ? ExitStatus.FAILED.code() : ExitStatus.SUCCESS.code();
    }
}
