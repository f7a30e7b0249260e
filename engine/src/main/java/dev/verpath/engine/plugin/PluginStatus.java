package dev.verpath.engine.plugin;

import dev.verpath.engine.graph.VersionText;
import dev.verpath.rules.FlagDescriptor;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import dev.verpath.rules.RuleDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One plugin archive found in a plugins folder, and what became of it: loaded with its rule sets, or refused
 * with the reason. Immutable; {@code migrate plugins list} prints these.
 *
 * @param id       the plugin id from its descriptor, or {@code -} when it has none
 * @param version  the plugin version from its descriptor, or {@code -}
 * @param archive  the archive in the plugins folder
 * @param sha256   the SHA-256 of the archive's bytes, what {@code [plugins] allow} pins
 * @param requires the rules-api range the plugin states ({@code Verpath-Rules-Api}, else {@code Plugin-Requires}), or empty
 * @param refusal  why it was not loaded, one sentence; empty when it loaded
 * @param ruleSets the rule sets it brought (empty when refused)
 */
public record PluginStatus(String id, String version, Path archive, String sha256, Optional<String> requires,
                           Optional<String> refusal, List<LoadedRuleSet> ruleSets) {

    /** Checks that nothing is null and copies the list. */
    public PluginStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(requires, "requires");
        Objects.requireNonNull(refusal, "refusal");
        ruleSets = List.copyOf(ruleSets);
    }

    /** @return true when the plugin's rule sets are in the registry */
    public boolean loaded() {
        return refusal.isEmpty();
    }

    /** @return {@code loaded} or {@code refused: <why>} */
    public String state() {
        return refusal.map(r -> "refused: " + r).orElse("loaded");
    }

    /** @return the names of the products its rule sets declare, sorted */
    public List<String> products() {
        TreeSet<String> names = new TreeSet<>();
        ruleSets.forEach(l -> l.ruleSet().products().stream().map(Product::name).forEach(names::add));
        return List.copyOf(names);
    }

    /**
     * The edges its migration rules lay, each with the kinds of rule on it, e.g.
     * {@code serve 2.1.0 -> 2.1.1 (config)}; sorted by product, then target and origin version.
     *
     * @return the edges
     */
    public List<String> edges() {
        Map<List<String>, TreeSet<String>> kinds = new TreeMap<>(Comparator.<List<String>, String>comparing(k -> k.get(0))
                .thenComparing(k -> k.get(2), PluginStatus::versionOrder)
                .thenComparing(k -> k.get(1), PluginStatus::versionOrder));
        for (LoadedRuleSet set : ruleSets) {
            for (MigrationRule rule : set.ruleSet().rules()) {
                RuleDescriptor d = rule.descriptor();
                kinds.computeIfAbsent(List.of(d.product(), d.from().trim().replaceAll("\\s+", " "), d.to()), k -> new TreeSet<>())
                        .add(d.kind().label());
            }
        }
        List<String> edges = new ArrayList<>();
        kinds.forEach((k, v) -> edges.add(k.get(0) + " " + k.get(1) + " -> " + k.get(2) + " (" + String.join(", ", v) + ")"));
        return List.copyOf(edges);
    }

    /** @return the names of the flags its rule sets declare, sorted */
    public List<String> flags() {
        TreeSet<String> names = new TreeSet<>();
        ruleSets.forEach(l -> l.ruleSet().flags().stream().map(FlagDescriptor::name).forEach(names::add));
        return List.copyOf(names);
    }

    private static int versionOrder(String a, String b) {
        boolean va = VersionText.isVersion(a);
        boolean vb = VersionText.isVersion(b);
        if (va && vb) {
            return VersionText.compare(a, b);
        }
        return va == vb ? a.compareTo(b) : (va ? -1 : 1);
    }
}
