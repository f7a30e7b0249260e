package dev.verpath.engine.edit;

import static dev.verpath.engine.edit.DottedKey.join;
import static dev.verpath.engine.edit.DottedKey.leaf;
import static dev.verpath.engine.edit.DottedKey.parent;

import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.TomlDocument;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonValue;
import java.util.List;
import java.util.Optional;
import org.tomlj.TomlParseResult;

/**
 * A TOML file edited as text: tomlj parses it (values and where each key and table header starts, kept by
 * {@link TomlOutline}), and every change splices lines ({@link TomlLines}), so what no change touches keeps its bytes.
 * The file is parsed again after each change. A key's block is its line (or lines, for a value spanning several) and
 * the comment lines directly above it. Not thread-safe.
 */
public final class TomlText implements TomlDocument {

    private final TomlLines lines;
    private final TomlOutline outline;

    /**
     * @param path the file, for failures
     * @param text its content
     * @throws RuleFailure naming the line when the text is not valid TOML
     */
    public TomlText(String path, String text) {
        this.lines = new TomlLines(text);
        this.outline = new TomlOutline(path, lines);
    }

    @Override
    public String text() {
        return lines.text();
    }

    // ---- reading ----

    @Override
    public Optional<JsonValue> get(String key) {
        TomlParseResult parsed = outline.parsed();
        if (!parsed.contains(key) || parsed.isTable(key)) {
            return Optional.empty();
        }
        Object value = parsed.get(key);
        if (value instanceof Number) {
            Optional<JsonNumber> spelled = spelling(key);
            if (spelled.isPresent()) {
                return Optional.of(spelled.get());
            }
        }
        return Optional.of(TomlValues.json(value));
    }

    /** A number as the file spells it ({@code 1.50}), when that spelling is also JSON's. */
    private Optional<JsonNumber> spelling(String key) {
        int line = outline.lineOf(key);
        if (line < 0 || !TomlLine.unquoted(TomlLine.keyText(lines.get(line))).equals(leaf(key))) {
            return Optional.empty();
        }
        String rest = lines.get(line).substring(TomlLine.equalsAt(lines.get(line)) + 1);
        String literal = rest.substring(0, TomlLine.valueEnd(rest)).strip();
        try {
            return Optional.of(new JsonNumber(literal));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // 1_000, 0x10, +1: TOML's own spellings
        }
    }

    @Override
    public boolean hasTable(String table) {
        return table.isEmpty() || outline.parsed().isTable(table);
    }

    @Override
    public List<String> keys(String table) {
        return outline.members(table, false);
    }

    @Override
    public List<String> subTables(String table) {
        return outline.members(table, true);
    }

    @Override
    public List<String> tables() {
        return outline.tables();
    }

    // ---- changing keys ----

    @Override
    public boolean rename(String key, String newName) {
        if (!has(key)) {
            return false;
        }
        String renamed = join(parent(key), newName);
        if (outline.parsed().contains(renamed)) {
            throw new IllegalArgumentException("cannot rename " + key + " to " + newName + ": " + renamed + " is set");
        }
        int line = outline.keyLine(key);
        String text = lines.get(line);
        int keyStart = text.indexOf(text.strip().charAt(0));
        String written = TomlLine.keyText(text);
        lines.set(line, text.substring(0, keyStart) + TomlValues.keyName(newName)
                + text.substring(keyStart + written.length()));
        outline.reparse();
        return true;
    }

    @Override
    public int moveInto(String table, String... keys) {
        int moved = 0;
        for (String key : keys) {
            moved += moveInto(table, key, Optional.empty()) ? 1 : 0;
        }
        return moved;
    }

    @Override
    public boolean moveInto(String table, String key, Optional<String> before) {
        if (!has(key)) {
            return false;
        }
        String target = join(table, leaf(key));
        if (outline.parsed().contains(target)) {
            throw new IllegalArgumentException("cannot move " + key + " into [" + table + "]: " + target + " is set");
        }
        int line = outline.keyLine(key);
        int start = outline.commentsStart(line);
        int end = outline.blockEnd(line);
        List<String> block = lines.copy(start, end);
        if (before.isPresent()) {
            String sibling = join(table, before.get());
            if (!has(sibling)) {
                throw new IllegalArgumentException("no key " + sibling + " to move " + key + " before");
            }
        }
        lines.cut(start, end);
        outline.reparse();
        if (before.isPresent()) {
            int at = outline.commentsStart(outline.keyLine(join(table, before.get())));
            lines.addAll(at, block);
            outline.reparse();
        } else {
            insertIntoTable(table, block);
        }
        return true;
    }

    @Override
    public void set(String key, JsonValue value) {
        String written = TomlValues.tomlValue(value);
        if (has(key)) {
            int line = outline.keyLine(key);
            int end = outline.blockEnd(line);
            String text = lines.get(line);
            int eq = TomlLine.equalsAt(text);
            if (end == line + 1) {
                String rest = text.substring(eq + 1);
                int cut = TomlLine.valueEnd(rest);
                String spacing = rest.substring(0, rest.length() - rest.stripLeading().length());
                lines.set(line, text.substring(0, eq + 1) + (spacing.isEmpty() ? " " : spacing) + written
                        + rest.substring(cut));
            } else {
                lines.remove(line + 1, end);
                lines.set(line, text.substring(0, eq + 1) + " " + written);
            }
            outline.reparse();
            return;
        }
        insertIntoTable(parent(key), List.of(TomlValues.keyName(leaf(key)) + " = " + written));
    }

    @Override
    public Optional<JsonValue> remove(String key) {
        Optional<JsonValue> value = get(key);
        if (value.isEmpty()) {
            return value;
        }
        int line = outline.keyLine(key);
        lines.cut(outline.commentsStart(line), outline.blockEnd(line));
        outline.reparse();
        return value;
    }

    /** Adds lines at the end of a table's keys (after its last key, before its trailing blanks and sub-tables). */
    private void insertIntoTable(String table, List<String> block) {
        if (!hasTable(table)) {
            addTable(table);
        }
        int at = table.isEmpty() ? outline.firstHeader() : outline.nextHeader(outline.lineOf(table));
        int floor = table.isEmpty() ? 0 : outline.lineOf(table) + 1;
        int end = at;
        if (at < lines.size()) {
            // the comments directly above the next table's header are that table's
            while (end > floor && lines.get(end - 1).strip().startsWith("#")) {
                end--;
            }
            if (end == floor && floor == 0) {
                end = at; // the file starts with them: then they are the file's, and new keys go after them
            }
        }
        while (end > floor && lines.get(end - 1).isBlank()) {
            end--;
        }
        lines.addAll(end, block);
        int after = end + block.size();
        if (table.isEmpty() && after < lines.size() && after == at + block.size()) {
            lines.add(after, ""); // a blank line between the top keys and the first table
        }
        outline.reparse();
    }

    // ---- changing tables ----

    @Override
    public boolean moveTable(String table, Optional<String> before) {
        if (outline.headerLine(table) < 0 || before.filter(table::equals).isPresent()) {
            return false;
        }
        if (before.isPresent() && outline.headerLine(before.get()) < 0) {
            throw new IllegalArgumentException("no table " + before.get() + " to move " + table + " before");
        }
        int[] block = outline.tableBlock(table);
        List<String> moved = lines.cut(block[0], block[1]);
        outline.reparse();
        if (before.isEmpty()) {
            lines.separateEnd();
            lines.addAll(moved);
        } else {
            int at = outline.commentsStart(outline.headerLine(before.get()));
            moved.add("");
            lines.addAll(at, moved);
            if (at > 0 && !lines.get(at - 1).isBlank()) {
                lines.add(at, "");
            }
        }
        outline.reparse();
        return true;
    }

    @Override
    public boolean removeTable(String table) {
        if (outline.headerLine(table) < 0) {
            return false;
        }
        int[] block = outline.tableBlock(table);
        lines.cut(block[0], block[1]);
        outline.reparse();
        return true;
    }

    @Override
    public boolean addTable(String table) {
        if (hasTable(table)) {
            return false;
        }
        lines.separateEnd();
        lines.add("[" + TomlValues.tableName(table) + "]");
        outline.reparse();
        return true;
    }
}
