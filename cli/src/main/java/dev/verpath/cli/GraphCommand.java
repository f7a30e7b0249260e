package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.graph.GraphEdge;
import dev.verpath.engine.graph.VersionGraph;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code migrate graph}: every product's version graph as text, Graphviz DOT or Mermaid. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Print every product's version graph: its versions and the rule edges between them.")
final class GraphCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format { TEXT, DOT, MERMAID }

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, dot or mermaid (default: text).")
    private Format format;

    @Option(names = "--check", description = "Lint the graphs: versions stranded (the latest version unreachable:"
            + " an error, exit 1), lossy-only paths, versions without edges, down edges with no way back, range edges"
            + " that never run or overlap, edges with rules from several owners.")
    private boolean check;

    @Option(names = "--path", paramLabel = "DIR",
            description = "Also evaluate the known risks of the edges of this installation's product on it, and show"
                    + " which edges they block for it.")
    private java.nio.file.Path path;

    @Override
    public Integer call() {
        Invocation invocation = Invocation.of(spec);
        Output output = invocation.output();
        VersionGraph graph = invocation.engine().graph();
        java.util.Optional<dev.verpath.engine.workspace.Installation> installation = java.util.Optional.ofNullable(path)
                .map(dev.verpath.engine.workspace.Installation::at);
        java.util.Optional<dev.verpath.engine.plan.RiskReport> risks = installation.map(i ->
                new dev.verpath.engine.plan.RiskReport(dev.verpath.engine.plan.EdgeRisks.on(invocation.engine().registry(),
                        invocation.engine().settings(), i.product(), java.util.Optional.of(i.root()), i.version()
                        .orElse("")), java.util.List.of(), java.util.Optional.empty()));
        String text = switch (format) {
            case TEXT -> graph.toText();
            case DOT -> graph.toDot();
            case MERMAID -> graph.toMermaid();
        };
        output.text(text.endsWith("\n") || text.isEmpty() ? text : text + "\n");
        risks.ifPresent(r -> {
            output.line("on " + Invocation.display(path) + " (" + installation.get().product() + "):");
            java.util.List<String> lines = RiskView.text(r);
            (lines.isEmpty() ? java.util.List.of("  no known risk of its product's edges") : lines).forEach(output::line);
        });
        ObjectNode document = Output.object();
        document.put("command", "graph");
        ObjectNode products = document.putObject("products");
        for (String product : graph.products()) {
            ObjectNode p = products.putObject(product);
            ArrayNode versions = p.putArray("versions");
            graph.versions(product).forEach(versions::add);
            ArrayNode edges = p.putArray("edges");
            for (GraphEdge e : graph.edges(product)) {
                ObjectNode o = edges.addObject();
                o.put("from", e.from());
                o.put("to", e.to());
                o.put("declaredFrom", e.declaredFrom());
                o.put("lossy", e.lossy());
                ArrayNode rules = o.putArray("rules");
                e.ruleIds().forEach(rules::add);
            }
        }
        risks.ifPresent(r -> document.set("risks", RiskView.json(r)));
        if (!check) {
            output.document(document);
            return ExitStatus.SUCCESS.code();
        }
        java.util.List<dev.verpath.engine.plan.LintFinding> findings = dev.verpath.engine.plan.GraphLint.check(
                invocation.engine().registry());
        long errors = findings.stream().filter(dev.verpath.engine.plan.LintFinding::error).count();
        output.line("check: " + errors + " error(s), " + (findings.size() - errors) + " warning(s)");
        findings.forEach(f -> output.line("  " + f.severity() + "  " + f.kind() + ": " + f.message()
                + (f.owners().isEmpty() ? "" : " [" + String.join(", ", f.owners()) + "]")));
        ArrayNode list = document.putArray("findings");
        findings.forEach(f -> {
            ObjectNode o = list.addObject().put("severity", f.severity()).put("kind", f.kind()).put("product", f.product());
            f.versions().forEach(o.putArray("versions")::add);
            f.edges().forEach(o.putArray("edges")::add);
            f.owners().forEach(o.putArray("owners")::add);
            o.put("message", f.message());
        });
        output.document(errors == 0 ? document : Output.withOutcome(document, Outcome.INVALID));
        return errors == 0 ? ExitStatus.SUCCESS.code() : ExitStatus.FAILED.code();
    }
}
