package dev.verpath.engine.graph;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a fresh build computes for one product's graph, as kept in a {@link GraphStore}: the known versions in semver
 * order (a version's rank is its index), the range origins in text order, the declared edges (packed origin and target
 * keys, each with the run of its rules, by their place in the list of every rule, and whether it is lossy), a hash of
 * each rule's id, kind and lossiness, and the laid edges (from rank, to rank, declared edge) in edge order.
 *
 * <p>The bytes: a format number, then each array as its length and its items, big-endian
 * ({@link DataOutputStream}); texts as their UTF-8 lengths, then their bytes. Reading checks the format, the lengths
 * and that every number points inside its array: bytes that are not such a graph are a miss, never an exception.
 * The store around them frames them with its key and a checksum.
 */
record CompiledGraph(String[] versions, String[] ranges, long[] keys, int[] start, int[] ruleAt, int[] ruleHash,
                     boolean[] lossy, int[] from, int[] to, int[] group) {

    /** The format of the bytes; another number is a miss. */
    static final int FORMAT = 1;

    /** @return the graph as bytes */
    byte[] bytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 16 * (from.length + ruleAt.length + keys.length));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            texts(out, versions);
            texts(out, ranges);
            out.writeInt(keys.length);
            for (long k : keys) {
                out.writeLong(k);
            }
            for (int[] ints : new int[][] {start, ruleAt, ruleHash, from, to, group}) {
                ints(out, ints);
            }
            out.writeInt(lossy.length);
            for (boolean l : lossy) {
                out.writeBoolean(l);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    private static void texts(DataOutputStream out, String[] texts) throws IOException {
        byte[][] encoded = new byte[texts.length][];
        out.writeInt(texts.length);
        for (int i = 0; i < texts.length; i++) {
            encoded[i] = texts[i].getBytes(StandardCharsets.UTF_8);
            out.writeInt(encoded[i].length);
        }
        for (byte[] e : encoded) {
            out.write(e);
        }
    }

    private static void ints(DataOutputStream out, int[] ints) throws IOException {
        out.writeInt(ints.length);
        for (int i : ints) {
            out.writeInt(i);
        }
    }

    /**
     * @param bytes what {@link #bytes} wrote, from the buffer's position to its limit (a buffer with an array)
     * @return the graph; empty when the bytes are of another format, cut short, or not consistent
     */
    static Optional<CompiledGraph> read(ByteBuffer bytes) {
        try {
            ByteBuffer in = bytes.slice();
            if (in.getInt() != FORMAT) {
                return Optional.empty();
            }
            String[] versions = texts(in);
            String[] ranges = texts(in);
            long[] keys = new long[count(in, 8)];
            in.asLongBuffer().get(keys);
            in.position(in.position() + 8 * keys.length);
            int[] start = ints(in);
            int[] ruleAt = ints(in);
            int[] ruleHash = ints(in);
            int[] from = ints(in);
            int[] to = ints(in);
            int[] group = ints(in);
            byte[] flags = new byte[count(in, 1)];
            in.get(flags);
            boolean[] lossy = new boolean[flags.length];
            for (int i = 0; i < lossy.length; i++) {
                lossy[i] = flags[i] != 0;
            }
            CompiledGraph graph = new CompiledGraph(versions, ranges, keys, start, ruleAt, ruleHash, lossy, from, to, group);
            return in.hasRemaining() || !graph.consistent() ? Optional.empty() : Optional.of(graph);
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /**
     * @return whether every number points inside its array, so that no lookup of the graph can fail; the rules' places
     *         are checked where an edge's rules are looked up ({@link RuleList}), with the rules themselves
     */
    private boolean consistent() {
        int v = versions.length;
        int g = keys.length;
        boolean sizes = start.length == g + 1 && lossy.length == g && ruleHash.length == ruleAt.length
                && to.length == from.length && group.length == from.length && start[0] == 0 && start[g] == ruleAt.length;
        if (!sizes || v == 0 && g > 0) {
            return false;
        }
        long origins = (long) v * (v + ranges.length); // a key is origin * v + target: below this, origin < v + ranges
        for (int i = 0; i < g; i++) {
            if (keys[i] < 0 || keys[i] >= origins || start[i] >= start[i + 1]) {
                return false;
            }
        }
        int previous = 0;
        for (int e = 0; e < from.length; e++) {
            int f = from[e];
            if (f < previous || f >= v || to[e] < 0 || to[e] >= v || group[e] < 0 || group[e] >= g) {
                return false;
            }
            previous = f;
        }
        return true;
    }

    private static int count(ByteBuffer in, int width) {
        int n = in.getInt();
        if (n < 0 || (long) n * width > in.remaining()) {
            throw new IllegalArgumentException("a length beyond the bytes");
        }
        return n;
    }

    private static String[] texts(ByteBuffer in) {
        int[] lengths = new int[count(in, 4)];
        in.asIntBuffer().get(lengths);
        in.position(in.position() + 4 * lengths.length);
        String[] texts = new String[lengths.length];
        for (int i = 0; i < texts.length; i++) {
            if (lengths[i] < 0 || lengths[i] > in.remaining()) {
                throw new IllegalArgumentException("a text beyond the bytes");
            }
            texts[i] = new String(in.array(), in.arrayOffset() + in.position(), lengths[i], StandardCharsets.UTF_8);
            in.position(in.position() + lengths[i]);
        }
        return texts;
    }

    private static int[] ints(ByteBuffer in) {
        int[] ints = new int[count(in, 4)];
        in.asIntBuffer().get(ints);
        in.position(in.position() + 4 * ints.length);
        return ints;
    }
}
