package dev.verpath.engine.records;

import dev.verpath.rules.RecordView;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One record as the rules see it ({@link RecordView}), kept as the bytes it was read from: the top-level fields are
 * indexed (name, where the value's bytes are), a field is parsed only when a rule reads it, and a nested object only
 * when a path goes into it ({@link ObjectScanner}, {@link RecordObject}). Written back, every field no rule touched is
 * copied byte for byte (a record no rule changed is the line as it was), and so are the bytes between fields: a
 * renamed key or a replaced value keeps its own spacing and separators, and a field added or moved into an object
 * follows its neighbours ({@link ObjectLayout}). A new value is written as compact JSON. Not thread-safe: one record
 * at a time.
 */
final class LazyRecord implements RecordView, MigratedRecord {

    /** The bytes of the line, where it starts and its length (read by a {@link CompiledLayout}). */
    byte[] line;
    int start;
    int length;
    /** Whether the {@link LineScanner} indexed the line and found it {@link LineScanner#compact}. */
    boolean compact;
    private RecordObject root;

    private LazyRecord(byte[] line, int start, int length, RecordObject root) {
        this.line = line;
        this.start = start;
        this.length = length;
        this.root = root;
    }

    /** A record over an object already indexed (a {@link RecordTemplate}'s), to be {@link #reset} per line. */
    static LazyRecord over(RecordObject root) {
        return new LazyRecord(null, 0, 0, root);
    }

    /** Points this record at the line of {@code source} and at {@code object}: one record serves every line. */
    LazyRecord reset(LazyRecord source, RecordObject object) {
        this.line = source.line;
        this.start = source.start;
        this.length = source.length;
        this.root = object;
        return this;
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
        ObjectScanner.checkUtf8(buffer, start, length);
        RecordObject scanned = LineScanner.of().line(buffer, start, length);
        if (scanned != null) {
            return new LazyRecord(buffer, start, length, scanned);
        }
        return parseWithJackson(buffer, start, length); // Jackson accepts it or says what is wrong
    }

    /**
     * As {@link #parse}, into this record and the scanner's own objects (the thread's own scanner): valid until the
     * scanner's next line. The scanner tells whether the line holds anything beyond ASCII, to be checked as UTF-8.
     */
    LazyRecord parseAgain(LineScanner scanner, byte[] buffer, int start, int length) throws IOException {
        RecordObject scanned = scanner.reusing(buffer, start, length);
        this.compact = scanned != null && scanner.compact;
        if (scanned == null || scanner.nonAscii) {
            ObjectScanner.checkUtf8(buffer, start, length);
        }
        if (scanned == null) {
            scanned = parseWithJackson(buffer, start, length).root;
        }
        this.line = buffer;
        this.start = start;
        this.length = length;
        this.root = scanned;
        return this;
    }

    /**
     * Indexes a line with Jackson's parser: the path for lines the {@link LineScanner} leaves (a syntax error, whose
     * message this gives, or what is beyond the scanner), and the reference the scanner is tested against.
     */
    static LazyRecord parseWithJackson(byte[] buffer, int start, int length) throws IOException {
        return new LazyRecord(buffer, start, length, ObjectScanner.line(buffer, start, length));
    }

    /**
     * Writes the record: the line as it was when nothing changed, else the bytes no edit touched with the edited
     * fields among them (the blanks around the object included).
     *
     * @param out where to
     */
    @Override
    public void write(RecordBytes out) {
        if (!root.changed()) {
            out.write(line, start, length);
            return;
        }
        ObjectLayout.writeLine(line, start, length, root, out);
    }

    /** @return the top-level object */
    RecordObject root() {
        return root;
    }

    /**
     * The object holding the last name of a path.
     *
     * @param names  the path's names
     * @param create whether to create missing objects on the way (at the end of theirs)
     * @param write  whether the caller writes: a non-object on the way is then a failure, else "no such field"
     * @return the object, or null when it is missing (and not created) or not an object (and not written)
     */
    RecordObject parentOf(String[] names, boolean create, boolean write) {
        return root.parentOf(names, create, write);
    }

    // ---- RecordView ----

    @Override
    public Optional<JsonValue> get(String path) {
        return get(FieldPaths.names(path));
    }

    Optional<JsonValue> get(String[] names) {
        RecordField field = field(names);
        return field == null ? Optional.empty() : Optional.of(root.valueOf(field));
    }

    /** @return the field a path names as a read sees it (the last of a name set twice), or null */
    RecordField field(String[] names) {
        RecordObject parent = parentOf(names, false, false);
        if (parent == null) {
            return null;
        }
        int at = parent.indexOf(names[names.length - 1]);
        return at < 0 ? null : parent.fields.get(at);
    }

    @Override
    public boolean has(String path) {
        return has(FieldPaths.names(path));
    }

    boolean has(String[] names) {
        return field(names) != null;
    }

    @Override
    public boolean isObject(String path) {
        RecordField f = field(FieldPaths.names(path));
        return f != null && f.holdsObject();
    }

    @Override
    public String kind(String path) {
        RecordField f = field(FieldPaths.names(path));
        return f == null ? MISSING : f.kind();
    }

    @Override
    public boolean isNumber(String path, String literal) {
        RecordField f = field(FieldPaths.names(path));
        return f != null && f.isNumber(literal);
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
        put(FieldPaths.names(path), value);
    }

    /** Sets a field (see {@link #put(String, JsonValue)}); returns it. */
    RecordField put(String[] names, JsonValue value) {
        RecordObject parent = parentOf(names, true, true);
        String name = names[names.length - 1];
        int at = parent.slot(name);
        if (at < 0) {
            RecordField made = new RecordField(name, value);
            parent.fields.add(made);
            parent.restructured = true;
            return made;
        }
        RecordField f = parent.fields.get(at);
        f.value = value;
        f.replaced = true;
        f.nested = null;
        return f;
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
        String[] names = FieldPaths.names(sibling);
        RecordObject parent = parentOf(names, false, true);
        int at = parent == null ? -1 : parent.indexOf(names[names.length - 1]);
        if (at < 0) {
            throw new IllegalArgumentException("no field " + sibling + " to insert " + name + " beside");
        }
        if (parent.indexOf(name) >= 0) {
            throw new IllegalArgumentException("field " + name + " is already set beside " + sibling);
        }
        parent.fields.add(at + offset, new RecordField(name, value));
        parent.restructured = true;
    }

    @Override
    public boolean rename(String path, String newName) {
        String[] names = FieldPaths.names(path);
        RecordObject parent = parentOf(names, false, true);
        int at = parent == null ? -1 : parent.slot(names[names.length - 1]);
        if (at < 0) {
            return false;
        }
        if (parent.indexOf(newName) >= 0) {
            throw new IllegalArgumentException("cannot rename " + path + " to " + newName + ": that field is set");
        }
        RecordField f = parent.fields.get(at);
        f.name = newName;
        f.renamed = true;
        return true;
    }

    @Override
    public boolean move(String from, String to, Optional<String> before) {
        String[] source = FieldPaths.names(from);
        RecordObject sourceParent = parentOf(source, false, true);
        int at = sourceParent == null ? -1 : sourceParent.slot(source[source.length - 1]);
        if (at < 0) {
            return false;
        }
        String[] target = FieldPaths.names(to);
        RecordObject targetParent = parentOf(target, false, true);
        if (targetParent == null) {
            throw new IllegalArgumentException("cannot move " + from + " to " + to + ": its object is missing");
        }
        String name = target[target.length - 1];
        if (targetParent.indexOf(name) >= 0) {
            throw new IllegalArgumentException("cannot move " + from + " to " + to + ": that field is set");
        }
        int position = targetParent.fields.size();
        if (before.isPresent()) {
            String[] b = FieldPaths.names(before.get());
            position = targetParent.indexOf(b[b.length - 1]);
            if (position < 0) {
                throw new IllegalArgumentException("no field " + before.get() + " to move " + from + " before");
            }
        }
        sourceParent.moveField(at, targetParent, position, name);
        return true;
    }

    @Override
    public Optional<JsonValue> remove(String path) {
        return remove(FieldPaths.names(path));
    }

    Optional<JsonValue> remove(String[] names) {
        RecordObject parent = parentOf(names, false, true);
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
