package dev.verpath.engine.reuse;

import com.github.zafarkhaja.semver.Version;
import dev.verpath.engine.graph.VersionGraph;
import dev.verpath.engine.plugin.LoadedRuleSet;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.validate.CodeIdentity;
import dev.verpath.rules.RuleSet;
import dev.verpath.rules.RulesApi;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What decides the version graphs of a registry, as the text {@link KeptGraphs} keys them by: the Java runtime and the
 * code (the SHA-256 of its jars, {@link CodeIdentity}) of the engine, of java-semver and of the rules API; the rules
 * API's version; each loaded rule set in load order with its owner, origin, id, class and code (for a plugin's, the
 * SHA-256 of its archive, which the plugin loader computed while staging the bytes its class loader reads); how many
 * migration rules the registry holds; the products; and what chose among rules several owners claim ({@code [plugins]
 * prefer}, and the rules it left out). The same text, the same rules, by construction, as long as a rule set's
 * {@code rules()} is the same under the same code (a graph read back checks the rules it uses, {@code RuleList}).
 * Stateless.
 */
final class GraphKey {

    /** The file in the graphs' folder that remembers the jars' hashes, so that a run does not hash the engine's jar. */
    static final String CODE = "code";

    private GraphKey() {
    }

    /**
     * @param registry    the loaded rules
     * @param preferences {@code [plugins] prefer}, by edge key
     * @param folder      the graphs' folder, where the jars' hashes are remembered
     * @return the key; empty when some code cannot be read as a file (then no graph is kept)
     */
    static Optional<String> of(RuleRegistry registry, Map<String, String> preferences, Path folder) {
        CodeIdentity code = CodeIdentity.read(folder.resolve(CODE));
        Optional<String> engine = code.of(List.of(VersionGraph.class, GraphKey.class, Version.class, RuleSet.class));
        if (engine.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder key = new StringBuilder("verpath version graphs\n")
                .append("code ").append(engine.get()).append('\n')
                .append("rules-api ").append(RulesApi.VERSION).append('\n');
        for (LoadedRuleSet set : registry.ruleSets()) {
            // a plugin's archive was hashed by the loader as it staged it: everything its class loader reads
            Optional<String> setCode = set.archive().map(sha -> "archive " + sha)
                    .or(() -> code.of(List.of(set.ruleSet().getClass())));
            if (setCode.isEmpty()) {
                return Optional.empty();
            }
            key.append("rule set ").append(String.join("\t", set.owner(), set.origin(), set.ruleSet().id(),
                    set.ruleSet().getClass().getName(), setCode.get())).append('\n');
        }
        key.append("rules ").append(registry.rules().size()).append('\n')
                .append("products ").append(String.join("\t", new TreeMap<>(registry.products()).keySet())).append('\n')
                .append("prefer ").append(new TreeMap<>(preferences)).append('\n')
                .append("left out ").append(new TreeMap<>(registry.overridden())).append('\n');
        code.save(folder.resolve(CODE));
        return Optional.of(key.toString());
    }
}
