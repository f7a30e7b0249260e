package dev.verpath.engine.plan;

import dev.verpath.engine.graph.GraphEdge;
import dev.verpath.engine.graph.VersionGraph;
import dev.verpath.engine.graph.VersionRange;
import dev.verpath.engine.graph.VersionText;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.rules.MigrationRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jgrapht.Graph;
import org.jgrapht.graph.EdgeReversedGraph;
import org.jgrapht.graph.MaskSubgraph;
import org.jgrapht.traverse.BreadthFirstIterator;

/**
 * The lint of every product's version graph, for {@code migrate graph --check} and a plugin team's build: versions
 * stranded (the product's latest version cannot be reached from them: an error), versions that reach it only through
 * lossy steps, versions without any edge, down edges with no way back up, range edges that never run (every version
 * they cover has its own edge to the same target, or they cover no known version), ranges that overlap so that the
 * tie-break decides, and edges whose rules come from several owners. Deterministic: findings by product, then kind,
 * then versions. O(V+E) a product, with one breadth-first search each way.
 */
public final class GraphLint {

    private GraphLint() {
    }

    /**
     * @param registry the loaded rule sets
     * @return the findings, errors and warnings
     */
    public static List<LintFinding> check(RuleRegistry registry) {
        VersionGraph graph = registry.graph();
        List<LintFinding> findings = new ArrayList<>();
        for (String product : graph.products()) {
            List<String> versions = graph.versions(product);
            if (versions.isEmpty()) {
                continue;
            }
            Graph<String, GraphEdge> g = graph.graph(product).orElseThrow();
            reachability(product, versions, g, findings);
            edges(product, graph.edges(product), registry, findings);
            ranges(product, graph.edges(product), registry.rules(product), findings);
        }
        return List.copyOf(findings);
    }

    private static void reachability(String product, List<String> versions, Graph<String, GraphEdge> g,
                                     List<LintFinding> findings) {
        String latest = versions.get(versions.size() - 1);
        Set<String> any = reaching(g, latest);
        Set<String> lossless = reaching(new MaskSubgraph<>(g, v -> false, GraphEdge::lossy), latest);
        List<String> stranded = versions.stream().filter(v -> !any.contains(v)).toList();
        List<String> lossyOnly = versions.stream().filter(v -> any.contains(v) && !lossless.contains(v)).toList();
        List<String> alone = versions.stream().filter(v -> g.degreeOf(v) == 0).toList();
        if (!stranded.isEmpty()) {
            findings.add(new LintFinding("error", "stranded", product, stranded, List.of(), List.of(), product + ": "
                    + latest + ", the latest version, cannot be reached from " + String.join(", ", stranded) + "; an"
                    + " installation there is stranded: add an edge from each toward a version that reaches " + latest
                    + " (or a range edge covering them)"));
        }
        if (!lossyOnly.isEmpty()) {
            findings.add(new LintFinding("warning", "lossy-only", product, lossyOnly, List.of(), List.of(), product
                    + ": from " + String.join(", ", lossyOnly) + " the way to " + latest + " loses information (only"
                    + " lossy steps lead there; a migration needs --allow-lossy); add a lossless edge if one is possible"));
        }
        if (!alone.isEmpty()) {
            findings.add(new LintFinding("warning", "no-edge", product, alone, List.of(), List.of(), product + ": "
                    + String.join(", ", alone) + " has no edge at all; give it one, or stop naming it"));
        }
    }

    /** The versions from which {@code target} can be reached (itself included). */
    private static Set<String> reaching(Graph<String, GraphEdge> g, String target) {
        Set<String> seen = new HashSet<>();
        new BreadthFirstIterator<>(new EdgeReversedGraph<>(g), target).forEachRemaining(seen::add);
        return seen;
    }

    private static void edges(String product, List<GraphEdge> edges, RuleRegistry registry, List<LintFinding> findings) {
        Set<String> pairs = edges.stream().map(e -> e.from() + " " + e.to()).collect(Collectors.toSet());
        for (GraphEdge e : edges) {
            if (VersionText.compare(e.to(), e.from()) < 0 && !pairs.contains(e.to() + " " + e.from())) {
                findings.add(new LintFinding("warning", "no-way-back", product, List.of(e.from(), e.to()),
                        List.of(name(e)), owners(e, registry), product + ": the down edge " + name(e) + " has no edge"
                        + " back up from " + e.to() + " to " + e.from() + "; an installation taken down cannot return the"
                        + " same way: add the up edge, or mark the down edge lossy if it is one-way"));
            }
            List<String> owners = owners(e, registry);
            if (owners.size() > 1) {
                findings.add(new LintFinding("warning", "several-owners", product, List.of(e.from(), e.to()),
                        List.of(name(e)), owners, product + ": the rules of " + name(e) + " come from " + String.join(
                        " and ", owners) + "; each owner's rules run on it: check they do not fight over the same files,"
                        + " or settle it with [plugins] prefer"));
            }
        }
    }

    private static void ranges(String product, List<GraphEdge> edges, List<MigrationRule> rules,
                               List<LintFinding> findings) {
        Set<String> concrete = edges.stream().filter(e -> e.declaredFrom().equals(e.from()))
                .map(e -> e.from() + " " + e.to()).collect(Collectors.toSet());
        Map<String, TreeSet<String>> laid = new TreeMap<>();
        Map<String, TreeSet<String>> running = new TreeMap<>();
        Map<String, TreeSet<String>> rangesOfPair = new TreeMap<>();
        for (GraphEdge e : edges) {
            if (e.declaredFrom().equals(e.from())) {
                continue;
            }
            String range = e.declaredFrom() + " -> " + e.to();
            laid.computeIfAbsent(range, r -> new TreeSet<>(VersionText.ORDER)).add(e.from());
            if (!concrete.contains(e.from() + " " + e.to())) {
                running.computeIfAbsent(range, r -> new TreeSet<>(VersionText.ORDER)).add(e.from());
            }
            rangesOfPair.computeIfAbsent(e.from() + " -> " + e.to(), p -> new TreeSet<>()).add(e.declaredFrom());
        }
        laid.forEach((range, at) -> {
            if (!running.containsKey(range)) {
                findings.add(new LintFinding("warning", "shadowed-range", product, List.copyOf(at), List.of(range),
                        List.of(), product + ": the range edge " + range + " never runs: each version it covers (" + String
                        .join(", ", at) + ") has its own edge to the same target, which wins; remove the range edge or"
                        + " the edges it duplicates"));
            }
        });
        rangesOfPair.forEach((pair, ranges) -> {
            if (ranges.size() > 1) {
                findings.add(new LintFinding("warning", "overlapping-ranges", product, List.of(pair.split(" -> ")),
                        ranges.stream().map(r -> r + " -> " + pair.split(" -> ")[1]).toList(), List.of(), product + ": "
                        + pair + " is covered by the ranges " + String.join(" and ", ranges) + "; only the tie-break"
                        + " (the declared text) decides which rules run: make the ranges disjoint"));
            }
        });
        uncovering(product, rules, laid.keySet(), concrete, findings);
    }

    /** Range edges declared by rules that lay on no known version. */
    private static void uncovering(String product, List<MigrationRule> rules, Set<String> laidRanges,
                                   Set<String> concrete, List<LintFinding> findings) {
        Set<String> reported = new TreeSet<>();
        for (MigrationRule rule : rules) {
            String from = rule.descriptor().from();
            if (VersionText.parse(from).isPresent()) {
                continue;
            }
            String range;
            try {
                range = VersionRange.normalize(from) + " -> " + VersionText.canonical(rule.descriptor().to());
            } catch (RuntimeException invalid) {
                continue; // the registry refuses an invalid range before the lint runs
            }
            if (!laidRanges.contains(range) && reported.add(range)) {
                findings.add(new LintFinding("warning", "range-covers-nothing", product, List.of(), List.of(range),
                        List.of(), product + ": the range edge " + range + " covers no known version, so it never runs;"
                        + " widen the range or declare the versions it is meant for"));
            }
        }
    }

    private static String name(GraphEdge e) {
        return e.from() + " -> " + e.to() + (e.declaredFrom().equals(e.from()) ? "" : " (" + e.declaredFrom() + ")");
    }

    private static List<String> owners(GraphEdge e, RuleRegistry registry) {
        return e.ruleIds().stream().map(id -> registry.origin(id).orElse("unknown")).distinct().sorted().toList();
    }
}
