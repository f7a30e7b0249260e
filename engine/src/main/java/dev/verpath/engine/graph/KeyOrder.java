package dev.verpath.engine.graph;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The order of items sorted by a non-negative key each, equal keys in their given order: the sort a graph's edges and
 * rules go through by version ranks. Each key and its index are packed into one long and the longs sorted, so no
 * object is made per item; keys too large to pack fall back to a sort of boxed indices.
 */
final class KeyOrder {

    private KeyOrder() {
    }

    /**
     * @param keys the key of each item, none negative
     * @return the items' indices in ascending order of key, then of index
     */
    static int[] of(long[] keys) {
        int n = keys.length;
        long max = Arrays.stream(keys).max().orElse(0);
        if (n == 0 || max >= Long.MAX_VALUE / n) {
            return IntStream.range(0, n).boxed()
                    .sorted(Comparator.<Integer>comparingLong(i -> keys[i]).thenComparingInt(i -> i))
                    .mapToInt(Integer::intValue).toArray();
        }
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = keys[i] * n + i;
        }
        Arrays.sort(packed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (packed[i] % n);
        }
        return order;
    }

    /**
     * @param keys the key of each item, none negative
     * @param ties the order of items with equal keys, by index
     * @return the items' indices in ascending order of key, then by {@code ties}, then by index
     */
    static int[] of(long[] keys, Comparator<Integer> ties) {
        int[] order = of(keys);
        for (int from = 0; from < order.length; ) {
            int to = from + 1;
            while (to < order.length && keys[order[to]] == keys[order[from]]) {
                to++;
            }
            if (to - from > 1) {
                Integer[] same = Arrays.stream(order, from, to).boxed().toArray(Integer[]::new);
                Arrays.sort(same, ties);
                for (int k = 0; k < same.length; k++) {
                    order[from + k] = same[k];
                }
            }
            from = to;
        }
        return order;
    }
}
