package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.plugin.LoadedRuleSet;
import dev.verpath.engine.plugin.LoadedRules;
import dev.verpath.engine.plugin.PluginStatus;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code migrate plugins list}: every plugin archive in the plugin folders, loaded or refused (and why), with
 * its version, archive SHA-256 (what {@code [plugins] allow} pins), the rules-api range it states, and the
 * products, edges and flags it brings. Built-in rule sets are not listed.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the rule plugins found: id, version, state (loaded, or refused and why), archive SHA-256,"
                + " rules-api range, and the products, edges and flags each brings.")
final class PluginsListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Invocation invocation = Invocation.of(spec);
        Output output = invocation.output();
        LoadedRules rules = RuleSetLoading.load(invocation.settings());
        List<PluginStatus> plugins = rules.plugins();
        if (plugins.isEmpty()) {
            output.line("plugins: none loaded" + (invocation.settings().pluginsEnabled() ? "" : " (--no-plugins)"));
        }
        for (PluginStatus p : plugins) {
            output.line(p.id() + " " + p.version() + ": " + p.state());
            Table details = new Table();
            details.row("  archive:", Invocation.display(p.archive()));
            details.row("  sha256:", p.sha256());
            details.row("  requires:", p.requires().map(r -> "rules-api " + r).orElse("-"));
            if (p.loaded()) {
                details.row("  rule sets:", join(p.ruleSets().stream().map(l -> l.ruleSet().id()).toList()));
                details.row("  products:", join(p.products()));
                details.row("  edges:", join(p.edges()));
                details.row("  flags:", join(p.flags()));
            }
            details.lines("").forEach(output::line);
        }
        output.document(json(rules));
        return ExitStatus.SUCCESS.code();
    }

    private static ObjectNode json(LoadedRules rules) {
        ObjectNode document = Output.object();
        document.put("command", "plugins list");
        ArrayNode list = document.putArray("plugins");
        for (PluginStatus p : rules.plugins()) {
            ObjectNode o = list.addObject();
            o.put("id", p.id());
            o.put("version", p.version());
            o.put("state", p.loaded() ? "loaded" : "refused");
            p.refusal().ifPresent(r -> o.put("reason", r));
            o.put("archive", Invocation.display(p.archive()));
            o.put("sha256", p.sha256());
            p.requires().ifPresentOrElse(r -> o.put("requires", r), () -> o.putNull("requires"));
            ArrayNode sets = o.putArray("ruleSets");
            p.ruleSets().stream().map(LoadedRuleSet::ruleSet).forEach(s -> sets.add(s.id()));
            ArrayNode products = o.putArray("products");
            p.products().forEach(products::add);
            ArrayNode edges = o.putArray("edges");
            p.edges().forEach(edges::add);
            ArrayNode flags = o.putArray("flags");
            p.flags().forEach(flags::add);
        }
        return document;
    }

    private static String join(List<String> items) {
        return items.isEmpty() ? "-" : String.join(", ", items);
    }
}
