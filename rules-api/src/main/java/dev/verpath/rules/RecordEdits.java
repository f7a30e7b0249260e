package dev.verpath.rules;

import java.util.List;
import java.util.Objects;

/**
 * A record rule that is its edits and nothing else: the short way to write one.
 *
 * <pre>{@code
 * new RecordEdits(ServeEdge.describe(...), List.of(RecordEdit.rename("ts", "timestamp")))
 * }</pre>
 *
 * @param descriptor what the rule is
 * @param edits      its edits, in order
 */
public record RecordEdits(RuleDescriptor descriptor, List<RecordEdit> edits) implements RecordRule {

    /** Checks the descriptor and copies the edits. */
    public RecordEdits {
        Objects.requireNonNull(descriptor, "descriptor");
        edits = List.copyOf(edits);
        if (descriptor.kind() != RuleKind.DATA) {
            throw new IllegalArgumentException("rule " + descriptor.id() + ": a record rule is of kind DATA, not "
                    + descriptor.kind());
        }
    }
}
