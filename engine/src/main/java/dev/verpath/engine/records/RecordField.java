package dev.verpath.engine.records;

import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonValue;

/**
 * One field of an object of a {@link LazyRecord}: its name and where its value is, or its new value; and whose
 * spacing it is written with: the separator before it (from {@code sepStart}, the previous value's end, to
 * {@code sepEnd}, its name) while it stays in its place in the object it was read from, the spacing around its colon
 * while it stays in that object. Not thread-safe: it belongs to one record.
 */
final class RecordField {
    byte[] buffer;
    String name;
    int nameStart;
    /** Just after the name's closing quote, when the scanner noted it; else -1 ({@link FieldEdge#COLON} finds it). */
    int nameEnd;
    int valueStart;
    int valueEnd;
    int sepStart;
    int sepEnd;
    boolean keepsColon;
    JsonValue value;
    boolean replaced;
    boolean renamed;
    RecordObject nested;
    /** Which computed value of a {@link FusedPlan} the field holds, or -1 (set by traced edits). */
    int slot = -1;
    /** A {@link RecordTemplate}'s field: its name as a JSON string, quotes included, encoded once; else null. */
    byte[] quoted;

    RecordField(byte[] buffer, String name, int nameStart, int valueStart, int sepStart) {
        reset(buffer, name, nameStart, valueStart, sepStart);
    }

    /** Makes this field a new one, as the constructor would: for a scanner that reuses its fields line after line. */
    RecordField reset(byte[] buffer, String name, int nameStart, int valueStart, int sepStart) {
        this.buffer = buffer;
        this.name = name;
        this.nameStart = nameStart;
        this.nameEnd = -1;
        this.valueStart = valueStart;
        this.sepStart = sepStart;
        this.sepEnd = nameStart;
        this.keepsColon = buffer != null;
        this.value = null;
        this.replaced = false;
        this.renamed = false;
        this.nested = null;
        this.slot = -1;
        this.quoted = null;
        return this;
    }

    RecordField(String name, JsonValue value) {
        this(null, name, -1, -1, -1);
        this.value = value;
        this.replaced = true;
    }

    RecordField(String name, RecordObject nested) {
        this(null, name, -1, -1, -1);
        this.nested = nested;
        this.renamed = true;
    }

    /**
     * A copy of this field's flags for a {@link RecordTemplate}, without its bytes or value: they are bound per
     * record.
     */
    RecordField templateCopy() {
        RecordField copy = new RecordField(null, name, -1, -1, sepStart < 0 ? -1 : 0);
        copy.keepsColon = keepsColon;
        copy.replaced = replaced;
        copy.renamed = renamed;
        copy.slot = slot;
        copy.quoted = RecordBytes.quoted(name);
        return copy;
    }

    boolean untouched() {
        return !replaced && !renamed && (nested == null || !nested.changed());
    }

    /** The field left its place: it is written with the separator of its new neighbours. */
    void moved() {
        sepStart = -1;
    }

    /** The field went into another object: it is written with that object's spacing. */
    void adopted() {
        sepStart = -1;
        keepsColon = false;
    }

    /** @return whether the value is an object, without indexing it */
    boolean holdsObject() {
        return nested != null || (replaced ? value instanceof JsonObject : buffer[valueStart] == '{');
    }

    /** @return the kind of the value as {@link JsonValue#kind()} names it, without reading it */
    String kind() {
        if (replaced) {
            return value.kind();
        }
        if (nested != null) {
            return "an object";
        }
        return switch (buffer[valueStart]) {
            case '"' -> "a string";
            case '{' -> "an object";
            case '[' -> "an array";
            case 't', 'f' -> "a boolean";
            case 'n' -> "null";
            default -> "a number";
        };
    }

    /** @return whether the value is a number written exactly as {@code literal}, without reading it */
    boolean isNumber(String literal) {
        if (replaced) {
            return value instanceof dev.verpath.rules.json.JsonNumber n && n.literal().equals(literal);
        }
        int length = valueEnd - valueStart;
        byte first = buffer[valueStart];
        if (nested != null || length != literal.length() || (first != '-' && (first < '0' || first > '9'))) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (buffer[valueStart + i] != literal.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The object the field holds, indexed on first use; null when the value is not an object. */
    RecordObject object() {
        if (nested != null) {
            return nested;
        }
        if (replaced) {
            if (!(value instanceof JsonObject object)) {
                return null;
            }
            RecordObject made = RecordObject.empty();
            for (JsonObject.Member m : object.members()) {
                made.fields.add(new RecordField(m.name(), m.value()));
            }
            nested = made;
            replaced = false;
            value = null;
            renamed = true; // written from its fields from now on
            return made;
        }
        if (buffer[valueStart] != '{') {
            return null;
        }
        RecordObject scanned = LineScanner.of().nested(buffer, valueStart, valueEnd);
        if (scanned != null) {
            nested = scanned;
            value = null;
            return nested;
        }
        nested = ObjectScanner.nested(buffer, valueStart, valueEnd);
        value = null;
        return nested;
    }
}
