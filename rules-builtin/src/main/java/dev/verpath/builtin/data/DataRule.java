package dev.verpath.builtin.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.rules.RecordContext;
import dev.verpath.rules.RecordRule;
import dev.verpath.rules.RuleDescriptor;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * A data rule of the {@code serve} product: one record transform of one edge, over
 * {@code data/**}{@code /*.jsonl}. Immutable and thread-safe.
 */
public final class DataRule implements RecordRule {

    private final RuleDescriptor descriptor;
    private final BiConsumer<ObjectNode, RecordContext> transform;

    DataRule(RuleDescriptor descriptor, BiConsumer<ObjectNode, RecordContext> transform) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.transform = Objects.requireNonNull(transform, "transform");
    }

    @Override
    public RuleDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void transform(ObjectNode record, RecordContext context) {
        transform.accept(record, context);
    }
}
