package dev.verpath.engine.graph;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A read-only set of ints that is a run of an array of ids in ascending order (or the ints from 0 up to a bound): an
 * {@link IndexedGraph}'s adjacency, handed to JGraphT without copying. {@link #contains} is a binary search.
 */
final class IdRun extends AbstractSet<Integer> {

    private final int[] ids;
    private final int from;
    private final int to;

    /**
     * @param ids  ascending ids, or null for the ints themselves
     * @param from the first index of the run
     * @param to   the index after its last
     */
    IdRun(int[] ids, int from, int to) {
        this.ids = ids;
        this.from = from;
        this.to = to;
    }

    /** @return the ints 0 to {@code bound} less one */
    static IdRun upTo(int bound) {
        return new IdRun(null, 0, bound);
    }

    @Override
    public int size() {
        return to - from;
    }

    @Override
    public boolean contains(Object o) {
        if (!(o instanceof Integer id)) {
            return false;
        }
        return ids == null ? id >= from && id < to : Arrays.binarySearch(ids, from, to, id) >= 0;
    }

    @Override
    public Iterator<Integer> iterator() {
        return new Iterator<>() {
            private int at = from;

            @Override
            public boolean hasNext() {
                return at < to;
            }

            @Override
            public Integer next() {
                if (at >= to) {
                    throw new NoSuchElementException();
                }
                int i = at++;
                return ids == null ? i : ids[i];
            }
        };
    }
}
