package dev.verpath.engine.plan;

import dev.verpath.engine.graph.GraphEdge;
import dev.verpath.engine.graph.VersionRange;
import dev.verpath.engine.graph.VersionText;
import dev.verpath.engine.plugin.LoadedRuleSet;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.rules.EdgeRisk;
import dev.verpath.rules.InstallationFacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The known risks of a product's edges ({@link EdgeRisk}, declared by rule sets), evaluated on one installation. A
 * risk whose condition applies blocks its edge; one whose condition throws blocks it too (fail closed), with the
 * reason; a risk the operator accepted by name lets the edge be taken. Without an installation nothing is evaluated.
 */
public final class EdgeRisks {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeRisks.class);

    private EdgeRisks() {
    }

    /**
     * @param root    the installation's root
     * @param product its product
     * @param version its version
     * @param flags   the flags in effect, by name
     * @return what a risk's condition reads of it
     */
    public static InstallationFacts facts(Path root, String product, String version,
                                          Function<String, Optional<String>> flags) {
        return new FactsOnDisk(root, product, version, flags);
    }

    /** The setting that names the risks the operator accepts ({@code --accept-risk NAME}), comma-separated. */
    public static final String ACCEPTED = "plan.accept_risks";

    /**
     * The risks of a product's edges on an installation, as the settings and flags in effect see it.
     *
     * @param registry the loaded rule sets
     * @param settings the effective settings: the risks accepted, the flags
     * @param product  the product
     * @param root     the installation's root, when one was named
     * @param version  its version
     * @return one result per risk of the product
     */
    public static List<RiskResult> on(RuleRegistry registry, dev.verpath.engine.settings.EngineSettings settings,
                                      String product, Optional<Path> root, String version) {
        Set<String> accepted = java.util.Arrays.stream(settings.value(ACCEPTED).orElse("").split(","))
                .map(String::strip).filter(n -> !n.isEmpty()).collect(java.util.stream.Collectors.toSet());
        Function<String, Optional<String>> flags = name -> registry.flags().stream().filter(f -> f.name().equals(name))
                .findFirst().map(f -> settings.flag(f).value());
        return evaluate(registry, product, root.map(r -> facts(r, product, version, flags)), accepted);
    }

    /**
     * @param registry the loaded rule sets
     * @param product  the product
     * @param facts    the installation, when one was named
     * @param accepted the names of the risks the operator accepts
     * @return one result per risk of the product, in the order the rule sets declare them
     */
    public static List<RiskResult> evaluate(RuleRegistry registry, String product, Optional<InstallationFacts> facts,
                                            Set<String> accepted) {
        List<RiskResult> results = new ArrayList<>();
        for (LoadedRuleSet set : registry.ruleSets()) {
            for (EdgeRisk risk : set.ruleSet().risks()) {
                if (risk.product().equals(product)) {
                    results.add(evaluate(risk, set.origin(), facts, accepted));
                }
            }
        }
        return List.copyOf(results);
    }

    /**
     * @param results the evaluated risks
     * @return the edges they block
     */
    public static Predicate<GraphEdge> blocking(List<RiskResult> results) {
        List<RiskResult> blocking = results.stream().filter(RiskResult::blocks).toList();
        return edge -> blocking.stream().anyMatch(r -> r.product().equals(edge.product())
                && r.on(edge.declaredFrom(), edge.to()));
    }

    private static RiskResult evaluate(EdgeRisk risk, String origin, Optional<InstallationFacts> facts,
                                       Set<String> accepted) {
        String from = normalized(risk.from(), true);
        String to = normalized(risk.to(), false);
        if (facts.isEmpty()) {
            return result(risk, from, to, origin, RiskResult.Outcome.NOT_EVALUATED, Optional.empty());
        }
        RiskResult.Outcome outcome;
        Optional<String> reason = Optional.empty();
        try {
            outcome = risk.condition().applies(facts.get()) ? RiskResult.Outcome.APPLIES : RiskResult.Outcome.CLEAR;
        } catch (Exception | LinkageError e) {
            outcome = RiskResult.Outcome.UNDECIDED;
            reason = Optional.of(String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ").strip());
            LOG.warn("risk {} of {} {} -> {} ({}) could not be decided: {}", risk.name(), risk.product(), from, to, origin,
                    reason.get(), e);
        }
        if (outcome != RiskResult.Outcome.CLEAR && accepted.contains(risk.name())) {
            outcome = RiskResult.Outcome.ACCEPTED;
        }
        return result(risk, from, to, origin, outcome, reason);
    }

    private static RiskResult result(EdgeRisk risk, String from, String to, String origin, RiskResult.Outcome outcome,
                                     Optional<String> reason) {
        return new RiskResult(risk.product(), from, to, risk.name(), risk.message(), risk.url(), origin, outcome, reason);
    }

    /** A version in canonical form; a source may also be a range, in its normal form (as the graph's edges hold it). */
    private static String normalized(String text, boolean rangeAllowed) {
        Optional<String> version = VersionText.parse(text);
        if (version.isPresent() || !rangeAllowed) {
            return version.orElse(text);
        }
        try {
            return VersionRange.normalize(text);
        } catch (RuntimeException notARange) {
            return text; // matches no edge; the lint names it
        }
    }
}
