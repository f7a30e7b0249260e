package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.model.StatusReport;
import dev.verpath.engine.release.SwitchJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code migrate status}: recorded version, history, changed rules, interrupted migration. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Print the recorded version, the history (step, rule checksums, when, how long), rules "
                + "changed since they were applied, and whether an interrupted migration waits to be recovered.")
final class StatusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private InstallationPath.Required installation;

    @Override
    public Integer call() {
        Path path = installation.path();
        Invocation invocation = Invocation.of(spec);
        Output output = invocation.output();
        StatusReport report = invocation.engine().status(path);
        String name = Invocation.display(path);
        StatusView.text(report, name).forEach(output::line);
        AuditView audit = AuditView.of(path);
        audit.text().forEach(output::line);
        // a release link: a switch of it that was interrupted (the service may be down) is what the operator must see
        java.util.Optional<SwitchJournal.Intent> switching = Files.isSymbolicLink(path) ? SwitchJournal.read(path)
                .filter(i -> !i.alive()) : java.util.Optional.empty();
        switching.ifPresent(i -> output.line("interrupted switch: " + i.describe() + "; run 'migrate rollback --path "
                + name + "' to point it at " + i.recoverTo().map(Path::toString).orElse("nothing") + " and start that"
                + " release"));
        ObjectNode document = Output.object();
        document.put("command", "status");
        document.setAll(StatusView.json(report, name));
        document.set("audit", audit.json());
        switching.ifPresent(i -> document.put("interruptedSwitch", i.describe()));
        output.document(document);
        return ExitStatus.SUCCESS.code();
    }
}
