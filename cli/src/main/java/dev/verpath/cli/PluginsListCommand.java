package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.plugin.LoadedRuleSet;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.rules.Product;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code migrate plugins list}: the rule sets that came from plugins (not the built-in ones). */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the rule sets loaded from plugins, with the products they declare and their rule count.")
final class PluginsListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Invocation invocation = Invocation.of(spec);
        Output output = invocation.output();
        RuleRegistry registry = invocation.engine().registry();
        List<LoadedRuleSet> plugins = registry.ruleSets().stream()
                .filter(l -> !l.origin().equals(LoadedRuleSet.BUILT_IN))
                .sorted(Comparator.comparing(LoadedRuleSet::origin).thenComparing(l -> l.ruleSet().id()))
                .toList();
        if (plugins.isEmpty()) {
            output.line("plugins: none loaded" + (invocation.settings().pluginsEnabled() ? "" : " (--no-plugins)"));
        } else {
            Table table = new Table("rule set", "origin", "products", "rules");
            for (LoadedRuleSet p : plugins) {
                table.row(p.ruleSet().id(), p.origin(), products(p), Integer.toString(p.ruleSet().rules().size()));
            }
            table.lines("").forEach(output::line);
        }
        ObjectNode document = Output.object();
        document.put("command", "plugins list");
        ArrayNode list = document.putArray("plugins");
        for (LoadedRuleSet p : plugins) {
            ObjectNode o = list.addObject();
            o.put("ruleSet", p.ruleSet().id());
            o.put("origin", p.origin());
            ArrayNode products = o.putArray("products");
            p.ruleSet().products().stream().map(Product::name).sorted().forEach(products::add);
            o.put("rules", p.ruleSet().rules().size());
        }
        output.document(document);
        return ExitStatus.SUCCESS.code();
    }

    private static String products(LoadedRuleSet p) {
        List<String> names = p.ruleSet().products().stream().map(Product::name).sorted().toList();
        return names.isEmpty() ? "-" : String.join(", ", names);
    }
}
