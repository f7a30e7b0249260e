package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.release.Release;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code migrate releases list}: the releases beside the one a link points at. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the releases beside the one LINK points at (installations of the same product in the same"
                + " folder), oldest first: the current one, the previous one (the current one was built from it), others,"
                + " and builds left unfinished.")
final class ReleasesListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--link", required = true, paramLabel = "LINK", description = "The symbolic link the server reads through.")
    private Path link;

    @Override
    public Integer call() {
        Invocation invocation = Invocation.of(spec);
        Output output = invocation.output();
        List<Release> releases = invocation.backupEngine().releases(link).list();
        output.line("releases behind " + Invocation.display(link) + ":");
        ReleasesView.table(releases).forEach(output::line);
        ObjectNode document = Output.object();
        document.put("command", "releases list");
        document.put("link", Invocation.display(link));
        ReleasesView.json(releases, document.putArray("releases"));
        output.document(document);
        return ExitStatus.SUCCESS.code();
    }
}
