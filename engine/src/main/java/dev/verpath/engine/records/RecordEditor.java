package dev.verpath.engine.records;

import dev.verpath.rules.RecordContext;
import dev.verpath.rules.RecordEdit;
import dev.verpath.rules.json.JsonValue;

/**
 * Applies {@link RecordEdit}s to a {@link LazyRecord}, as their javadoc defines them: a missing field leaves an edit
 * with nothing to do, the field already in place wins over one moved onto it (with a warning), a moved value keeps
 * its bytes. Stateless.
 */
final class RecordEditor {

    private RecordEditor() {
    }

    /**
     * An edit with its paths split into names once, so that applying it to every record parses no path.
     *
     * @param edit   the edit
     * @param path   its (first) path's names
     * @param target the names of a rename's new path or a move's object, else null
     * @param fields the names of the fields a moveInto moves, else null
     */
    record Compiled(RecordEdit edit, String[] path, String[] target, String[][] fields) {

        static Compiled of(RecordEdit edit) {
            if (edit instanceof RecordEdit.Rename r) {
                return new Compiled(edit, FieldPaths.names(r.from()), FieldPaths.names(r.to()), null);
            }
            if (edit instanceof RecordEdit.MoveInto m) {
                String[][] fields = m.fields().stream().map(FieldPaths::names).toArray(String[][]::new);
                return new Compiled(edit, FieldPaths.names(m.object()), FieldPaths.names(m.object()), fields);
            }
            if (edit instanceof RecordEdit.MoveOut m) {
                return new Compiled(edit, FieldPaths.names(m.path()), null, null);
            }
            if (edit instanceof RecordEdit.SetField set) {
                return new Compiled(edit, FieldPaths.names(set.path()), null, null);
            }
            if (edit instanceof RecordEdit.Remove remove) {
                return new Compiled(edit, FieldPaths.names(remove.path()), null, null);
            }
            return new Compiled(edit, FieldPaths.names(((RecordEdit.MapField) edit).path()), null, null);
        }
    }

    /**
     * @param edit    the edit
     * @param record  the record
     * @param context the record's context, for warnings and computed values
     */
    static void apply(RecordEdit edit, LazyRecord record, RecordContext context) {
        apply(Compiled.of(edit), record, context);
    }

    /**
     * @param compiled the edit, compiled
     * @param record   the record
     * @param context  the record's context, for warnings and computed values
     */
    static void apply(Compiled compiled, LazyRecord record, RecordContext context) {
        apply(compiled, record, context, EditTrace.NONE);
    }

    /**
     * @param compiled the edit, compiled
     * @param record   the record
     * @param context  the record's context, for warnings and computed values
     * @param trace    told of each value computed and each field dropped
     */
    static void apply(Compiled compiled, LazyRecord record, RecordContext context, EditTrace trace) {
        RecordEdit edit = compiled.edit();
        if (edit instanceof RecordEdit.Rename rename) {
            rename(rename.from(), rename.to(), compiled.path(), compiled.target(), record, context, trace);
        } else if (edit instanceof RecordEdit.MoveInto into) {
            moveInto(into, compiled, record, context, trace);
        } else if (edit instanceof RecordEdit.MoveOut out) {
            moveOut(out.path(), compiled.path(), record, context, trace);
        } else if (edit instanceof RecordEdit.SetField set) {
            if (!set.onlyIfAbsent() || !record.has(compiled.path())) {
                int slot = trace.computing(record, set);
                record.put(compiled.path(), set.value().compute(record, context)).slot = slot;
            }
        } else if (edit instanceof RecordEdit.Remove) {
            record.remove(compiled.path());
        } else {
            RecordEdit.MapField map = (RecordEdit.MapField) edit;
            RecordField field = record.field(compiled.path());
            if (field != null) {
                int slot = trace.mapping(record, field, map);
                JsonValue value = record.root().valueOf(field);
                record.put(compiled.path(), map.mapping().apply(value, context)).slot = slot;
            }
        }
    }

    private static void rename(String from, String to, String[] source, String[] target, LazyRecord record,
                               RecordContext context, EditTrace trace) {
        RecordObject sourceParent = record.parentOf(source, false, true);
        int at = sourceParent == null ? -1 : sourceParent.slot(source[source.length - 1]);
        if (at < 0) {
            return;
        }
        if (record.has(target)) {
            sourceParent.fields.remove(at);
            sourceParent.restructured = true;
            dropped(context, trace, from, to);
            return;
        }
        String name = target[target.length - 1];
        if (samePrefix(source, target)) {
            RecordField field = sourceParent.fields.get(at);
            field.name = name;
            field.renamed = true;
            return;
        }
        RecordObject targetParent = record.parentOf(target, false, true);
        if (targetParent != null) {
            sourceParent.moveField(at, targetParent, targetParent.fields.size(), name);
            return;
        }
        // the objects on the way are created where the field stood
        wrapInPlace(record, sourceParent, at, target, source.length - 1, name);
    }

    /** Replaces the field at {@code at} by the objects of {@code target} below depth, holding it as {@code name}. */
    private static void wrapInPlace(LazyRecord record, RecordObject parent, int at, String[] target, int depth, String name) {
        RecordObject holder = parent;
        int position = at;
        RecordField field = parent.fields.remove(at);
        parent.restructured = true;
        field.adopted();
        for (int d = depth; d < target.length - 1; d++) {
            int existing = holder.indexOf(target[d]);
            if (existing >= 0) {
                holder = record.parentOf(java.util.Arrays.copyOf(target, d + 2), false, true);
                position = holder.fields.size();
                continue;
            }
            RecordField made = new RecordField(target[d], RecordObject.empty());
            holder.fields.add(position, made);
            holder.restructured = true;
            holder = made.nested;
            position = 0;
        }
        if (!field.name.equals(name)) {
            field.name = name;
            field.renamed = true;
        }
        holder.fields.add(position, field);
        holder.restructured = true;
    }

    private static boolean samePrefix(String[] a, String[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length - 1; i++) {
            if (!a[i].equals(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static void moveInto(RecordEdit.MoveInto into, Compiled compiled, LazyRecord record, RecordContext context,
                                 EditTrace trace) {
        String[] objectPath = compiled.path();
        RecordObject parent = record.parentOf(objectPath, false, true);
        if (parent == null) {
            return; // no parent object: none of its fields is there either
        }
        String objectName = objectPath[objectPath.length - 1];
        int objectAt = parent.indexOf(objectName);
        RecordObject target;
        if (objectAt >= 0) {
            target = record.parentOf(append(objectPath, "x"), false, true);
        } else {
            int first = Integer.MAX_VALUE;
            for (String[] field : compiled.fields()) {
                int at = parent.slot(field[field.length - 1]);
                if (at >= 0) {
                    first = Math.min(first, at);
                }
            }
            if (first == Integer.MAX_VALUE) {
                return;
            }
            RecordField made = new RecordField(objectName, RecordObject.empty());
            parent.fields.add(first, made);
            parent.restructured = true;
            target = made.nested;
        }
        for (int i = 0; i < compiled.fields().length; i++) {
            String[] field = compiled.fields()[i];
            String name = field[field.length - 1];
            int at = parent.slot(name);
            if (at < 0) {
                continue;
            }
            if (target.indexOf(name) >= 0) {
                parent.fields.remove(at);
                parent.restructured = true;
                dropped(context, trace, into.fields().get(i), into.object() + "." + name);
            } else {
                parent.moveField(at, target, target.fields.size(), name);
            }
        }
    }

    private static void moveOut(String path, String[] names, LazyRecord record, RecordContext context,
                                EditTrace trace) {
        if (names.length < 2) {
            throw new IllegalArgumentException("moveOut(" + path + "): the field is not inside an object");
        }
        String[] objectPath = java.util.Arrays.copyOf(names, names.length - 1);
        RecordObject grandparent = record.parentOf(objectPath, false, true);
        if (grandparent == null || grandparent.indexOf(objectPath[objectPath.length - 1]) < 0) {
            return;
        }
        RecordObject object = record.parentOf(names, false, true);
        String name = names[names.length - 1];
        int at = object.slot(name);
        if (at >= 0) {
            if (grandparent.indexOf(name) >= 0) {
                object.fields.remove(at);
                object.restructured = true;
                dropped(context, trace, path, FieldPaths.pathOf(append(java.util.Arrays.copyOf(objectPath, objectPath.length - 1),
                        name), objectPath.length));
            } else {
                object.moveField(at, grandparent, grandparent.indexOf(objectPath[objectPath.length - 1]), name);
            }
        }
        if (object.fields.isEmpty()) {
            grandparent.fields.remove(grandparent.indexOf(objectPath[objectPath.length - 1]));
            grandparent.restructured = true;
        }
    }

    private static String[] append(String[] names, String name) {
        String[] longer = java.util.Arrays.copyOf(names, names.length + 1);
        longer[names.length] = name;
        return longer;
    }

    private static void dropped(RecordContext context, EditTrace trace, String from, String to) {
        trace.dropped();
        context.report().warn(context.path(), "line " + context.line() + ": field " + from + " dropped: " + to
                + " is already set and wins");
    }
}
