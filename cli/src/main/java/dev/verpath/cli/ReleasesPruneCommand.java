package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.release.Release;
import dev.verpath.engine.release.ReleaseLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code migrate releases prune}: deletes all but the newest releases behind a link. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Delete all but the newest --keep releases beside the one LINK points at, and builds left"
                + " unfinished. The current release and the previous one are always kept, and so is a release a"
                + " migration holds.")
final class ReleasesPruneCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--link", required = true, paramLabel = "LINK", description = "The symbolic link the server reads through.")
    private Path link;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "2",
            description = "How many releases to keep, the current and the previous one included (default: ${DEFAULT-VALUE}; at least 2).")
    private int keep;

    @Override
    public Integer call() {
        Invocation invocation = Invocation.of(spec);
        Output output = invocation.output();
        ReleaseLayout releases = invocation.backupEngine().releases(link);
        List<Release> doomed = releases.doomed(keep);
        String name = Invocation.display(link);
        String listed = doomed.stream().map(r -> Invocation.display(r.folder()) + r.version().map(v -> " (" + v + ")")
                .orElse(" (unfinished)")).collect(Collectors.joining(", "));
        if (!doomed.isEmpty() && !invocation.confirm("Delete " + listed + ", keeping the newest " + keep
                + " releases behind " + name + "?")) {
            output.line("prune cancelled; nothing deleted");
            output.cancelled("releases prune");
            return ExitStatus.FAILED.code();
        }
        List<Release> removed = releases.prune(keep, output.progress());
        output.line(removed.isEmpty() ? "releases behind " + name + ": nothing to prune (keeping the newest " + keep + ")"
                : "pruned " + removed.size() + (removed.size() == 1 ? " release" : " releases") + " behind " + name
                + " (keeping the newest " + keep + ")");
        ObjectNode document = Output.object();
        document.put("command", "releases prune");
        document.put("link", name);
        document.put("keep", keep);
        ReleasesView.json(removed, document.putArray("removed"));
        output.document(document);
        return ExitStatus.SUCCESS.code();
    }
}
