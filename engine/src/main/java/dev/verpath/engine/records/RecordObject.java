package dev.verpath.engine.records;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An object node whose fields are a {@link FieldMap}, so that the codec can walk them by position
 * without an entry object per field. Behaves as any {@link ObjectNode} otherwise (equality included).
 * Not thread-safe.
 */
final class RecordObject extends ObjectNode {

    private static final long serialVersionUID = 1L;

    RecordObject(JsonNodeFactory nodes, int capacity) {
        super(nodes, new FieldMap(capacity));
    }

    /** @return the fields, in order */
    FieldMap fieldMap() {
        return (FieldMap) _children;
    }
}
