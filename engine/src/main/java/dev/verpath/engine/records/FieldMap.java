package dev.verpath.engine.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The fields of one record object, in insertion order, kept in two parallel arrays: much cheaper to
 * fill, clear and refill than a {@code LinkedHashMap} for the ten-odd fields of a typical record.
 * Lookups scan the keys, after a 64-bit filter of the keys' hashes has ruled out most absent ones; an
 * object with more than {@value #INDEX_FROM} fields also keeps a hash index.
 * Replacing the value of a key keeps its position; removing a key closes the gap. Not thread-safe.
 */
final class FieldMap extends AbstractMap<String, JsonNode> {

    private static final int INDEX_FROM = 16;

    private String[] keys;
    private JsonNode[] values;
    private int size;
    private Map<String, Integer> index;
    private long filter;

    /** An empty map with room for a dozen fields. */
    FieldMap() {
        this(12);
    }

    /** @param capacity the fields it has room for before it grows */
    FieldMap(int capacity) {
        keys = new String[Math.max(capacity, 1)];
        values = new JsonNode[Math.max(capacity, 1)];
    }

    private int find(Object key) {
        if (size > INDEX_FROM) {
            if (index == null) {
                index = new HashMap<>(size * 2);
                for (int i = 0; i < size; i++) {
                    index.put(keys[i], i);
                }
            }
            Integer at = index.get(key);
            return at == null ? -1 : at;
        }
        if (!(key instanceof String)) {
            return -1;
        }
        int hash = key.hashCode();
        if ((filter & bit(hash)) == 0) {
            return -1;
        }
        // parsed names and literals are mostly the same instances: try that first, touching only the array
        String[] ks = keys;
        int n = size;
        for (int i = 0; i < n; i++) {
            if (ks[i] == key) {
                return i;
            }
        }
        for (int i = 0; i < n; i++) {
            String k = ks[i];
            if (k.hashCode() == hash && k.equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** One of 64 bits for a key's hash: a key whose bit is clear is certainly absent. */
    private static long bit(int hash) {
        return 1L << (hash ^ (hash >>> 6) ^ (hash >>> 12));
    }

    /** @return the name of the field at a position (below {@link #size()}) */
    String keyAt(int at) {
        return keys[at];
    }

    /** @return the value of the field at a position (below {@link #size()}) */
    JsonNode valueAt(int at) {
        return values[at];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return find(key) >= 0;
    }

    @Override
    public JsonNode get(Object key) {
        int at = find(key);
        return at < 0 ? null : values[at];
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
        int at = find(key);
        if (at >= 0) {
            JsonNode old = values[at];
            values[at] = value;
            return old;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        filter |= bit(key.hashCode());
        if (index != null) {
            index.put(key, size);
        }
        size++;
        return null;
    }

    @Override
    public JsonNode remove(Object key) {
        int at = find(key);
        if (at < 0) {
            return null;
        }
        JsonNode old = values[at];
        removeAt(at);
        return old;
    }

    private void removeAt(int at) {
        System.arraycopy(keys, at + 1, keys, at, size - at - 1);
        System.arraycopy(values, at + 1, values, at, size - at - 1);
        size--;
        keys[size] = null;
        values[size] = null;
        index = null;
        filter = 0;
        for (int i = 0; i < size; i++) {
            filter |= bit(keys[i].hashCode());
        }
    }

    @Override
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        index = null;
        filter = 0;
    }

    /** Visits the fields in order without making an entry for each. */
    @Override
    public void forEach(BiConsumer<? super String, ? super JsonNode> action) {
        int n = size;
        for (int i = 0; i < n; i++) {
            action.accept(keys[i], values[i]);
            if (size != n) {
                throw new ConcurrentModificationException();
            }
        }
    }

    @Override
    public Set<Entry<String, JsonNode>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Entry<String, JsonNode>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private int last = -1;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, JsonNode> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        last = next++;
                        return new Field(last);
                    }

                    @Override
                    public void remove() {
                        if (last < 0) {
                            throw new IllegalStateException();
                        }
                        removeAt(last);
                        next = last;
                        last = -1;
                    }
                };
            }
        };
    }

    /** One field as a map entry; writes through to the map while the field stays where it was. */
    private final class Field implements Entry<String, JsonNode> {

        private final String key;
        private JsonNode value;
        private final int at;

        Field(int at) {
            this.at = at;
            this.key = keys[at];
            this.value = values[at];
        }

        @Override
        public String getKey() {
            return key;
        }

        @Override
        public JsonNode getValue() {
            return value;
        }

        @Override
        public JsonNode setValue(JsonNode newValue) {
            JsonNode old = value;
            value = newValue;
            int now = at < size && keys[at] == key ? at : find(key);
            if (now >= 0) {
                values[now] = newValue;
            }
            return old;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Entry<?, ?> e && key.equals(e.getKey()) && java.util.Objects.equals(value, e.getValue());
        }

        @Override
        public int hashCode() {
            return key.hashCode() ^ java.util.Objects.hashCode(value);
        }
    }
}
