package dev.verpath.engine.records;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The node factory of records: like {@link JsonNodeFactory#instance} (decimals kept as they are), but
 * every object it makes, those a rule makes with {@code record.objectNode()} included, keeps its fields
 * in a {@link FieldMap} (a {@link RecordObject}). Immutable and thread-safe.
 */
final class RecordNodes extends JsonNodeFactory {

    private static final long serialVersionUID = 1L;

    /** The one factory. */
    static final RecordNodes INSTANCE = new RecordNodes();

    private RecordNodes() {
    }

    @Override
    public ObjectNode objectNode() {
        return new RecordObject(this, 4);
    }
}
