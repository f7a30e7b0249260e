package dev.verpath.engine.graph;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedMultigraph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;

/**
 * Writes a {@link VersionGraph} as text, Graphviz DOT or a Mermaid flowchart. Products in name order,
 * versions and edges in semver order, so the same graph always gives the same bytes. Each format marks a
 * lossy edge, and names the declared range of an edge that comes from one. O(V+E).
 */
final class GraphRenderer {

    private final VersionGraph graph;

    GraphRenderer(VersionGraph graph) {
        this.graph = graph;
    }

    /** One version of one product: a vertex of the combined DOT graph. */
    private record Node(String product, String version) {
    }

    String text() {
        StringBuilder out = new StringBuilder();
        for (String product : graph.products()) {
            out.append(product).append(": ");
            out.append(graph.versions(product).isEmpty() ? "no versions" : String.join(", ", graph.versions(product)));
            out.append('\n');
            for (GraphEdge edge : graph.edges(product)) {
                out.append("  ").append(edge.from()).append(" -> ").append(edge.to());
                if (!edge.declaredFrom().equals(edge.from())) {
                    out.append(" (from ").append(edge.declaredFrom()).append(')');
                }
                if (edge.lossy()) {
                    out.append(" [lossy]");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    String dot() {
        Graph<Node, GraphEdge> combined = new DirectedMultigraph<>(GraphEdge.class);
        for (String product : graph.products()) {
            graph.versions(product).forEach(v -> combined.addVertex(new Node(product, v)));
            graph.edges(product).forEach(e -> combined.addEdge(new Node(product, e.from()), new Node(product, e.to()), e));
        }
        DOTExporter<Node, GraphEdge> exporter = new DOTExporter<>(n -> quoted(n.product() + "@" + n.version()));
        exporter.setGraphIdProvider(() -> "versions");
        exporter.setGraphAttributeProvider(() -> {
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            attributes.put("rankdir", DefaultAttribute.createAttribute("LR"));
            return attributes;
        });
        exporter.setVertexAttributeProvider(n -> {
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            attributes.put("label", DefaultAttribute.createAttribute(n.product() + " " + n.version()));
            return attributes;
        });
        exporter.setEdgeAttributeProvider(e -> {
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            edgeLabel(e).ifPresent(label -> attributes.put("label", DefaultAttribute.createAttribute(label)));
            if (e.lossy()) {
                attributes.put("style", DefaultAttribute.createAttribute("dashed"));
                attributes.put("color", DefaultAttribute.createAttribute("red"));
            }
            return attributes;
        });
        StringWriter out = new StringWriter();
        exporter.exportGraph(combined, out);
        return out.toString().replace("\r\n", "\n");
    }

    String mermaid() {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        Map<Node, String> ids = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (String product : graph.products()) {
            out.append("  subgraph ").append(uniqueId("product_" + product, used)).append("[\"")
                    .append(mermaidText(product)).append("\"]\n");
            for (String version : graph.versions(product)) {
                String id = uniqueId(product + "_" + version, used);
                ids.put(new Node(product, version), id);
                out.append("    ").append(id).append("[\"").append(mermaidText(version)).append("\"]\n");
            }
            out.append("  end\n");
        }
        for (String product : graph.products()) {
            for (GraphEdge edge : graph.edges(product)) {
                out.append("  ").append(ids.get(new Node(product, edge.from())));
                out.append(edge.lossy() ? " -.->" : " -->");
                edgeLabel(edge).ifPresent(label -> out.append("|\"").append(mermaidText(label)).append("\"|"));
                out.append(' ').append(ids.get(new Node(product, edge.to()))).append('\n');
            }
        }
        return out.toString();
    }

    private static Optional<String> edgeLabel(GraphEdge edge) {
        boolean range = !edge.declaredFrom().equals(edge.from());
        if (edge.lossy() && range) {
            return Optional.of("lossy, from " + edge.declaredFrom());
        }
        if (edge.lossy()) {
            return Optional.of("lossy");
        }
        return range ? Optional.of("from " + edge.declaredFrom()) : Optional.empty();
    }

    private static String quoted(String id) {
        return '"' + id.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String uniqueId(String wanted, Set<String> used) {
        String base = wanted.replaceAll("[^A-Za-z0-9_]", "_");
        String id = base;
        for (int n = 2; !used.add(id); n++) {
            id = base + "_" + n;
        }
        return id;
    }

    private static String mermaidText(String text) {
        return text.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }
}
