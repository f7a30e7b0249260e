package dev.verpath.engine.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The fields of one record object, in insertion order, kept in two parallel arrays: much cheaper to
 * fill, clear and refill than a {@code LinkedHashMap} for the ten-odd fields of a typical record.
 * Lookups scan the keys; an object with more than {@value #INDEX_FROM} fields also keeps a hash index.
 * Replacing the value of a key keeps its position; removing a key closes the gap. Not thread-safe.
 */
final class FieldMap extends AbstractMap<String, JsonNode> {

    private static final int INDEX_FROM = 16;

    private String[] keys;
    private JsonNode[] values;
    private int size;
    private Map<String, Integer> index;

    FieldMap() {
        keys = new String[12];
        values = new JsonNode[12];
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
        // parsed names and literals are mostly the same instances: try that first
        for (int i = 0; i < size; i++) {
            if (keys[i] == key) {
                return i;
            }
        }
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
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
    }

    @Override
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        index = null;
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
