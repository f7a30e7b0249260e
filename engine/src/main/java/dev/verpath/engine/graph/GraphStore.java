package dev.verpath.engine.graph;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Where a {@link VersionGraph} keeps each product's compiled graph between runs, and finds it again: a store keyed by
 * everything that decides the graph (the code of the engine and of every loaded rule set, the settings that choose the
 * rules), so that the same key gives the same graph. The bytes are the graph's own format, read back by the graph,
 * which treats anything it cannot read as a miss. An optimisation only: a store that finds nothing, or cannot keep
 * anything, changes no result.
 */
public interface GraphStore {

    /** Keeps nothing, finds nothing: every graph is built fresh. */
    GraphStore NONE = new GraphStore() {
        @Override
        public Optional<ByteBuffer> find(String product) {
            return Optional.empty();
        }

        @Override
        public void keep(String product, byte[] graph) {
            // nothing kept
        }
    };

    /**
     * @param product a product
     * @return the bytes kept for it under this store's key, from the buffer's position to its limit; empty when there
     *         are none or they cannot be read
     */
    Optional<ByteBuffer> find(String product);

    /**
     * Keeps a product's graph for later runs; a failure to keep it is no failure of the caller.
     *
     * @param product a product
     * @param graph   its compiled graph, in the graph's own format
     */
    void keep(String product, byte[] graph);
}
