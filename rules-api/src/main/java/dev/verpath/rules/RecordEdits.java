package dev.verpath.rules;

import java.util.List;
import java.util.Objects;

/**
 * A record rule that is its edits and nothing else: the short way to write one.
 *
 * <pre>{@code
 * new RecordEdits(RuleDescriptor.of("gateway.2.0.0.data", RuleKind.DATA)
 *         .named("Rename the time field", "Renames ts to timestamp in every record.")
 *         .edge("gateway", "1.0.0", "2.0.0").paths("data/**&#47;*.jsonl").build(),
 *     List.of(RecordEdit.rename("ts", "timestamp")))
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
