package dev.verpath.rules;

import dev.verpath.rules.json.JsonValue;

/** Maps one field's value to a new one, for {@link RecordEdit#map}. Must be thread-safe and free of side effects. */
@FunctionalInterface
public interface ValueMapping {

    /**
     * @param value   the field's value
     * @param context the record's context (file, line, report)
     * @return the new value
     * @throws RuleFailure when the value cannot be mapped (the message says what it is instead)
     */
    JsonValue apply(JsonValue value, RecordContext context);
}
