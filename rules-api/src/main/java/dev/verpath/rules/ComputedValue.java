package dev.verpath.rules;

import dev.verpath.rules.json.JsonValue;

/** Computes a value from the record, for {@link RecordEdit#set} and {@link RecordEdit#setIfAbsent}. Thread-safe. */
@FunctionalInterface
public interface ComputedValue {

    /**
     * @param record  the record as it is at this edit
     * @param context the record's context
     * @return the value
     */
    JsonValue compute(RecordReader record, RecordContext context);
}
