package dev.verpath.engine.records;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.verpath.rules.RecordReader;
import dev.verpath.rules.RecordView;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One record as the rules see it ({@link RecordView}), kept as the bytes it was read from: the top-level fields are
 * indexed (name, where the value's bytes are), a field is parsed only when a rule reads it, and a nested object only
 * when a path goes into it. Written back, every field no rule touched is copied byte for byte (a record no rule
 * changed is the line as it was), and so are the bytes between fields: a renamed key or a replaced value keeps its
 * own spacing and separators, and a field added or moved into an object follows its neighbours ({@link ObjectLayout}).
 * A new value is written as compact JSON. Not thread-safe: one record at a time.
 */
final class LazyRecord implements RecordView {

    private static final ConcurrentHashMap<String, String[]> PATHS = new ConcurrentHashMap<>();
    private static final int PATH_CACHE_LIMIT = 10_000;
    private static final ThreadLocal<RecordBytes> BYTES = ThreadLocal.withInitial(RecordBytes::new);

    /**
     * One field of an object: its name and where its value is, or its new value; and whose spacing it is written
     * with: the separator before it (from {@code sepStart}, the previous value's end, to {@code sepEnd}, its name)
     * while it stays in its place in the object it was read from, the spacing around its colon while it stays in
     * that object.
     */
    static final class Field {
        final byte[] buffer;
        String name;
        final int nameStart;
        final int valueStart;
        int valueEnd;
        int sepStart;
        int sepEnd;
        boolean keepsColon;
        JsonValue value;
        boolean replaced;
        boolean renamed;
        Obj nested;

        Field(byte[] buffer, String name, int nameStart, int valueStart, int sepStart) {
            this.buffer = buffer;
            this.name = name;
            this.nameStart = nameStart;
            this.valueStart = valueStart;
            this.sepStart = sepStart;
            this.sepEnd = nameStart;
            this.keepsColon = buffer != null;
        }

        Field(String name, JsonValue value) {
            this(null, name, -1, -1, -1);
            this.value = value;
            this.replaced = true;
        }

        Field(String name, Obj nested) {
            this(null, name, -1, -1, -1);
            this.nested = nested;
            this.renamed = true;
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
    }

    /**
     * One object: its fields in order, its bytes while nothing in it changed, and its first, second and last
     * fields as read (null where it had fewer), whose bytes say how the object was spaced.
     */
    static final class Obj {
        final byte[] buffer;
        final int start;
        final int end;
        final Field readFirst;
        final Field readSecond;
        final Field readLast;
        final ArrayList<Field> fields;
        boolean restructured;

        Obj(byte[] buffer, int start, int end, ArrayList<Field> fields) {
            this.buffer = buffer;
            this.start = start;
            this.end = end;
            this.fields = fields;
            int count = fields.size();
            this.readFirst = count > 0 ? fields.get(0) : null;
            this.readSecond = count > 1 ? fields.get(1) : null;
            this.readLast = count > 0 ? fields.get(count - 1) : null;
        }

        static Obj empty() {
            Obj obj = new Obj(null, -1, -1, new ArrayList<>(4));
            obj.restructured = true;
            return obj;
        }

        boolean changed() {
            if (restructured) {
                return true;
            }
            for (Field f : fields) {
                if (!f.untouched()) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The field a write goes to: a name set more than once is made one field first, with the last value (the one
         * JSON readers see) in the place of the first, as a parsed tree would hold it.
         */
        int slot(String name) {
            int first = -1;
            int last = -1;
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).name.equals(name)) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            if (first == last) {
                return first;
            }
            Field kept = fields.get(last);
            kept.sepStart = fields.get(first).sepStart;
            kept.sepEnd = fields.get(first).sepEnd;
            fields.removeIf(f -> f.name.equals(name));
            fields.add(first, kept);
            restructured = true;
            return first;
        }

        int indexOf(String name) {
            for (int i = fields.size() - 1; i >= 0; i--) {
                if (fields.get(i).name.equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        void write(RecordBytes out) {
            if (!changed()) {
                out.write(buffer, start, end - start);
                return;
            }
            ObjectLayout.write(this, out);
        }

        JsonObject toValue() {
            List<JsonObject.Member> members = new ArrayList<>(fields.size());
            for (Field f : fields) {
                members.add(new JsonObject.Member(f.name, valueOf(f)));
            }
            return new JsonObject(members);
        }

        JsonValue valueOf(Field f) {
            if (f.replaced) {
                return f.value;
            }
            if (f.nested != null) {
                return f.nested.toValue();
            }
            if (f.value == null) {
                f.value = JsonValues.read(f.buffer, f.valueStart, f.valueEnd);
            }
            return f.value;
        }
    }

    private final byte[] line;
    private final int start;
    private final int length;
    private final Obj root;

    private LazyRecord(byte[] line, int start, int length, Obj root) {
        this.line = line;
        this.start = start;
        this.length = length;
        this.root = root;
    }

    /**
     * Indexes one line holding one JSON object.
     *
     * @param buffer the bytes (kept, not copied: the record is valid while they are)
     * @param start  where the line starts
     * @param length its length
     * @return the record
     * @throws RecordSyntax.NotAnObjectException when the line is not exactly one JSON object; the message says why
     */
    static LazyRecord parse(byte[] buffer, int start, int length) throws IOException {
        checkUtf8(buffer, start, length);
        try (JsonParser parser = JsonValues.FACTORY.createParser(buffer, start, length)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new RecordSyntax.NotAnObjectException("found " + RecordSyntax.describe(first));
            }
            int open = start + (int) offset(parser);
            Obj root = fields(parser, buffer, start, open);
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw new RecordSyntax.NotAnObjectException("more after the object (" + RecordSyntax.describe(after) + ")");
            }
            return new LazyRecord(buffer, start, length, root);
        } catch (JsonProcessingException e) {
            throw new RecordSyntax.NotAnObjectException(RecordSyntax.firstLine(e.getOriginalMessage()));
        }
    }

    /** Indexes the fields of the object whose '{' the parser is on; leaves the parser on its '}'. */
    private static Obj fields(JsonParser parser, byte[] buffer, int base, int open) throws IOException {
        ArrayList<Field> fields = new ArrayList<>(12);
        Field pending = null;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            int nameStart = base + (int) offset(parser);
            int sepStart = -1;
            if (pending != null) {
                pending.valueEnd = valueEnd(buffer, nameStart, true);
                sepStart = pending.valueEnd;
            }
            JsonToken value = parser.nextToken();
            int valueStart = base + (int) offset(parser);
            if (value.isStructStart()) {
                parser.skipChildren();
            }
            pending = new Field(buffer, name, nameStart, valueStart, sepStart);
            fields.add(pending);
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new RecordSyntax.NotAnObjectException("unexpected " + RecordSyntax.describe(parser.currentToken()));
        }
        int close = base + (int) offset(parser);
        if (pending != null) {
            pending.valueEnd = valueEnd(buffer, close, false);
        }
        return new Obj(buffer, open, close + 1, fields);
    }

    /** Where the current token starts, relative to the parser's input. */
    private static long offset(JsonParser parser) {
        return parser.currentTokenLocation().getByteOffset();
    }

    /** Where a value ends: back from the next token over blanks, the comma between, and blanks. */
    private static int valueEnd(byte[] buffer, int next, boolean comma) {
        int i = next - 1;
        while (isBlank(buffer[i])) {
            i--;
        }
        if (comma && buffer[i] == ',') {
            i--;
            while (isBlank(buffer[i])) {
                i--;
            }
        }
        return i + 1;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /**
     * Checks that the line is UTF-8 before its strings are skipped unread (copied bytes must be valid too); an
     * ASCII line costs one scan.
     */
    private static void checkUtf8(byte[] buffer, int start, int length) throws IOException {
        for (int i = start, end = start + length; i < end; i++) {
            if (buffer[i] < 0) {
                ByteBuffer in = ByteBuffer.wrap(buffer, i, start + length - i);
                CharBuffer chars = CharBuffer.allocate(4096);
                CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
                while (true) {
                    CoderResult result = decoder.decode(in, chars, true);
                    if (result.isError()) {
                        int at = in.position();
                        throw new RecordSyntax.NotAnObjectException("Invalid UTF-8: byte 0x"
                                + Integer.toHexString(buffer[at] & 0xff) + " at byte " + (at - start + 1) + " of the line");
                    }
                    if (result.isUnderflow()) {
                        return;
                    }
                    chars.clear();
                }
            }
        }
    }

    /**
     * Writes the record: the line as it was when nothing changed, else the bytes no edit touched with the edited
     * fields among them (the blanks around the object included).
     *
     * @param out where to
     */
    void write(OutputStream out) throws IOException {
        if (!root.changed()) {
            out.write(line, start, length);
            return;
        }
        RecordBytes bytes = BYTES.get();
        bytes.clear();
        bytes.write(line, start, root.start - start);
        ObjectLayout.write(root, bytes);
        bytes.write(line, root.end, start + length - root.end);
        bytes.writeTo(out);
    }

    /** @return true when a rule changed anything */
    boolean changed() {
        return root.changed();
    }

    // ---- paths ----

    static String[] names(String path) {
        String[] cached = PATHS.get(path);
        if (cached != null) {
            return cached;
        }
        List<String> names = RecordReader.pathNames(path);
        String[] parsed = names.toArray(String[]::new);
        if (PATHS.size() < PATH_CACHE_LIMIT) {
            PATHS.put(path, parsed);
        }
        return parsed;
    }

    static String pathOf(String[] names, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append('.');
            }
            text.append(names[i].replace(".", "\\."));
        }
        return text.toString();
    }

    /**
     * The object holding the last name of a path.
     *
     * @param names  the path's names
     * @param create whether to create missing objects on the way (at the end of theirs)
     * @param write  whether the caller writes: a non-object on the way is then a failure, else "no such field"
     * @return the object, or null when it is missing (and not created) or not an object (and not written)
     */
    Obj parentOf(String[] names, boolean create, boolean write) {
        Obj obj = root;
        for (int depth = 0; depth < names.length - 1; depth++) {
            int at = obj.indexOf(names[depth]);
            if (at < 0) {
                if (!create) {
                    return null;
                }
                Field made = new Field(names[depth], Obj.empty());
                obj.fields.add(made);
                obj.restructured = true;
                obj = made.nested;
                continue;
            }
            Obj inner = open(obj, obj.fields.get(at));
            if (inner == null) {
                if (write) {
                    throw notAnObject(names, depth + 1, obj.valueOf(obj.fields.get(at)));
                }
                return null;
            }
            obj = inner;
        }
        return obj;
    }

    /** The object a field holds, indexed on first use; null when the value is not an object. */
    private Obj open(Obj parent, Field f) {
        if (f.nested != null) {
            return f.nested;
        }
        if (f.replaced) {
            if (!(f.value instanceof JsonObject object)) {
                return null;
            }
            Obj made = Obj.empty();
            for (JsonObject.Member m : object.members()) {
                made.fields.add(new Field(m.name(), m.value()));
            }
            f.nested = made;
            f.replaced = false;
            f.value = null;
            f.renamed = true; // written from its fields from now on
            return made;
        }
        if (f.buffer[f.valueStart] != '{') {
            return null;
        }
        try (JsonParser parser = JsonValues.FACTORY.createParser(f.buffer, f.valueStart, f.valueEnd - f.valueStart)) {
            parser.nextToken();
            f.nested = fields(parser, f.buffer, f.valueStart, f.valueStart);
            f.value = null;
            return f.nested;
        } catch (IOException e) {
            throw new IllegalStateException("an object the record's parse accepted did not parse again", e);
        }
    }

    static RuleFailure notAnObject(String[] names, int count, JsonValue value) {
        String field = pathOf(names, count);
        String text = JsonValues.text(value);
        return new RuleFailure("", "field " + field, "field " + field + " is not an object: "
                + (text.length() > 80 ? text.substring(0, 77) + "..." : text));
    }

    Obj root() {
        return root;
    }

    // ---- RecordView ----

    @Override
    public Optional<JsonValue> get(String path) {
        return get(names(path));
    }

    Optional<JsonValue> get(String[] names) {
        Obj parent = parentOf(names, false, false);
        if (parent == null) {
            return Optional.empty();
        }
        int at = parent.indexOf(names[names.length - 1]);
        return at < 0 ? Optional.empty() : Optional.of(parent.valueOf(parent.fields.get(at)));
    }

    @Override
    public boolean has(String path) {
        return has(names(path));
    }

    boolean has(String[] names) {
        Obj parent = parentOf(names, false, false);
        return parent != null && parent.indexOf(names[names.length - 1]) >= 0;
    }

    @Override
    public boolean isObject(String path) {
        String[] names = names(path);
        Obj parent = parentOf(names, false, false);
        int at = parent == null ? -1 : parent.indexOf(names[names.length - 1]);
        if (at < 0) {
            return false;
        }
        Field f = parent.fields.get(at);
        return f.nested != null || (f.replaced ? f.value instanceof JsonObject : f.buffer[f.valueStart] == '{');
    }

    @Override
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>(root.fields.size());
        root.fields.forEach(f -> names.add(f.name));
        return names;
    }

    @Override
    public JsonObject toObject() {
        return root.toValue();
    }

    @Override
    public void put(String path, JsonValue value) {
        put(names(path), value);
    }

    void put(String[] names, JsonValue value) {
        Obj parent = parentOf(names, true, true);
        String name = names[names.length - 1];
        int at = parent.slot(name);
        if (at < 0) {
            parent.fields.add(new Field(name, value));
            parent.restructured = true;
            return;
        }
        Field f = parent.fields.get(at);
        f.value = value;
        f.replaced = true;
        f.nested = null;
    }

    @Override
    public void insertBefore(String sibling, String name, JsonValue value) {
        insert(sibling, name, value, 0);
    }

    @Override
    public void insertAfter(String sibling, String name, JsonValue value) {
        insert(sibling, name, value, 1);
    }

    private void insert(String sibling, String name, JsonValue value, int offset) {
        String[] names = names(sibling);
        Obj parent = parentOf(names, false, true);
        int at = parent == null ? -1 : parent.indexOf(names[names.length - 1]);
        if (at < 0) {
            throw new IllegalArgumentException("no field " + sibling + " to insert " + name + " beside");
        }
        if (parent.indexOf(name) >= 0) {
            throw new IllegalArgumentException("field " + name + " is already set beside " + sibling);
        }
        parent.fields.add(at + offset, new Field(name, value));
        parent.restructured = true;
    }

    @Override
    public boolean rename(String path, String newName) {
        String[] names = names(path);
        Obj parent = parentOf(names, false, true);
        int at = parent == null ? -1 : parent.slot(names[names.length - 1]);
        if (at < 0) {
            return false;
        }
        if (parent.indexOf(newName) >= 0) {
            throw new IllegalArgumentException("cannot rename " + path + " to " + newName + ": that field is set");
        }
        Field f = parent.fields.get(at);
        f.name = newName;
        f.renamed = true;
        return true;
    }

    @Override
    public boolean move(String from, String to, Optional<String> before) {
        String[] source = names(from);
        Obj sourceParent = parentOf(source, false, true);
        int at = sourceParent == null ? -1 : sourceParent.slot(source[source.length - 1]);
        if (at < 0) {
            return false;
        }
        String[] target = names(to);
        Obj targetParent = parentOf(target, false, true);
        if (targetParent == null) {
            throw new IllegalArgumentException("cannot move " + from + " to " + to + ": its object is missing");
        }
        String name = target[target.length - 1];
        if (targetParent.indexOf(name) >= 0) {
            throw new IllegalArgumentException("cannot move " + from + " to " + to + ": that field is set");
        }
        int position = targetParent.fields.size();
        if (before.isPresent()) {
            String[] b = names(before.get());
            position = targetParent.indexOf(b[b.length - 1]);
            if (position < 0) {
                throw new IllegalArgumentException("no field " + before.get() + " to move " + from + " before");
            }
        }
        moveField(sourceParent, at, targetParent, position, name);
        return true;
    }

    /**
     * Moves a field between objects (or within one), its value's bytes kept.
     *
     * @param from     the object it is in
     * @param at       its index there
     * @param to       the object it goes to
     * @param position where in that object (before the removal is accounted for, when the objects are the same)
     * @param name     its name there
     */
    void moveField(Obj from, int at, Obj to, int position, String name) {
        Field f = from.fields.remove(at);
        from.restructured = true;
        if (from == to && position > at) {
            position--;
        }
        if (from == to) {
            f.moved();
        } else {
            f.adopted();
        }
        // the value's bytes stay where they are: every field keeps the buffer it was read from
        if (!f.name.equals(name)) {
            f.name = name;
            f.renamed = true;
        }
        to.fields.add(position, f);
        to.restructured = true;
    }

    @Override
    public Optional<JsonValue> remove(String path) {
        return remove(names(path));
    }

    Optional<JsonValue> remove(String[] names) {
        Obj parent = parentOf(names, false, true);
        int at = parent == null ? -1 : parent.slot(names[names.length - 1]);
        if (at < 0) {
            return Optional.empty();
        }
        JsonValue value = parent.valueOf(parent.fields.get(at));
        parent.fields.remove(at);
        parent.restructured = true;
        return Optional.of(value);
    }
}
