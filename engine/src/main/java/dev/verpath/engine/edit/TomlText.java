package dev.verpath.engine.edit;

import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.TomlDocument;
import dev.verpath.rules.json.JsonArray;
import dev.verpath.rules.json.JsonBoolean;
import dev.verpath.rules.json.JsonNull;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonText;
import dev.verpath.rules.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * A TOML file edited as text: tomlj parses it (values and where each key and table header starts), and every change
 * splices lines, so what no change touches keeps its bytes. The file is parsed again after each change. A key's
 * block is its line (or lines, for a value spanning several) and the comment lines directly above it. Not
 * thread-safe.
 */
public final class TomlText implements TomlDocument {

    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Comparator<TomlPosition> IN_FILE = Comparator.comparingInt(TomlPosition::line)
            .thenComparingInt(TomlPosition::column);

    private final String path;
    private final List<String> lines;
    private final boolean endsWithNewline;
    private final String newline;
    private TomlParseResult parsed;
    /** The lines that are table headers ({@code [t]}, {@code [[t]]}), found again on each parse. */
    private TreeSet<Integer> headers = new TreeSet<>();

    /**
     * @param path the file, for failures
     * @param text its content
     * @throws RuleFailure naming the line when the text is not valid TOML
     */
    public TomlText(String path, String text) {
        this.path = path;
        this.newline = text.contains("\r\n") ? "\r\n" : "\n";
        this.endsWithNewline = text.isEmpty() || text.endsWith("\n");
        this.lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (endsWithNewline) {
            lines.remove(lines.size() - 1);
        }
        reparse();
    }

    private void reparse() {
        TomlParseResult result = Toml.parse(text());
        if (result.hasErrors()) {
            TomlParseError error = result.errors().get(0);
            throw new RuleFailure(path, "line " + error.position().line(), "not valid TOML: " + error.getMessage()
                    .replaceAll("\\s*\\(line \\d+, column \\d+\\)$", ""));
        }
        parsed = result;
        headers = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            // a line of an array that spans lines may start with '[' too; alone, only a header is a TOML document
            if (lines.get(i).strip().startsWith("[") && !Toml.parse(lines.get(i)).hasErrors()) {
                headers.add(i);
            }
        }
    }

    /** @return the first header line after a line, or the number of lines when there is none */
    private int nextHeader(int line) {
        Integer next = headers.higher(line);
        return next == null ? lines.size() : next;
    }

    @Override
    public String text() {
        String joined = String.join(newline, lines);
        return endsWithNewline && !lines.isEmpty() ? joined + newline : joined;
    }

    // ---- reading ----

    @Override
    public Optional<JsonValue> get(String key) {
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
        return Optional.of(value(value));
    }

    /** A number as the file spells it ({@code 1.50}), when that spelling is also JSON's. */
    private Optional<JsonNumber> spelling(String key) {
        int line = lineOf(key);
        if (line < 0 || !unquoted(keyText(lines.get(line))).equals(leaf(key))) {
            return Optional.empty();
        }
        String rest = lines.get(line).substring(equalsAt(lines.get(line)) + 1);
        String literal = rest.substring(0, valueEnd(rest)).strip();
        try {
            return Optional.of(new JsonNumber(literal));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // 1_000, 0x10, +1: TOML's own spellings
        }
    }

    @Override
    public boolean hasTable(String table) {
        return table.isEmpty() || parsed.isTable(table);
    }

    @Override
    public List<String> keys(String table) {
        return members(table, false);
    }

    @Override
    public List<String> subTables(String table) {
        return members(table, true);
    }

    /**
     * The names directly in a table, in file order: its sub-tables, or its other keys. Names are compared as a path of
     * names, never joined into dotted text, so a name that needs quoting ({@code t2v@2}) is read as it is.
     */
    private List<String> members(String table, boolean tables) {
        List<String> path = table.isEmpty() ? List.of() : Toml.parseDottedKey(table);
        if (!path.isEmpty() && !parsed.isTable(path)) {
            return List.of(); // missing, or a value
        }
        TomlTable t = path.isEmpty() ? parsed : parsed.getTable(path);
        List<String> names = new ArrayList<>();
        for (String k : t.keySet()) {
            if (t.isTable(List.of(k)) == tables) {
                names.add(k);
            }
        }
        names.sort(Comparator.comparing((String k) -> firstPosition(t, k), Comparator.nullsLast(IN_FILE)));
        return names;
    }

    /**
     * Where a name first appears: a value's own position; for a table, the first of its header and everything in it,
     * since a table implied by a deeper header ({@code [a.b.c]}) is dated by tomlj from its own later header.
     */
    private static TomlPosition firstPosition(TomlTable table, String name) {
        TomlPosition first = table.inputPositionOf(List.of(name));
        if (table.isTable(List.of(name))) {
            TomlTable inner = table.getTable(List.of(name));
            for (String key : inner.dottedKeySet(true)) {
                TomlPosition at = inner.inputPositionOf(key);
                if (first == null || at != null && IN_FILE.compare(at, first) < 0) {
                    first = at;
                }
            }
        }
        return first;
    }

    private static JsonValue value(Object value) {
        if (value instanceof String s) {
            return new JsonText(s);
        }
        if (value instanceof Long || value instanceof Integer) {
            return new JsonNumber(value.toString());
        }
        if (value instanceof Double d) {
            return new JsonNumber(new BigDecimal(d.toString()).toString());
        }
        if (value instanceof Boolean b) {
            return JsonValue.of(b);
        }
        if (value instanceof TomlArray array) {
            List<JsonValue> items = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                items.add(value(array.get(i)));
            }
            return new JsonArray(items);
        }
        if (value instanceof TomlTable table) {
            List<JsonObject.Member> members = new ArrayList<>();
            for (String k : table.keySet()) {
                members.add(new JsonObject.Member(k, value(table.get(List.of(k)))));
            }
            return new JsonObject(members);
        }
        return new JsonText(String.valueOf(value)); // dates and times: their text
    }

    // ---- where things are ----

    /** @return the 0-based line where a key or table header starts, or -1 */
    private int lineOf(String key) {
        TomlPosition position = parsed.inputPositionOf(key);
        return position == null ? -1 : position.line() - 1;
    }

    /** Every line where a key or a table header starts, sorted. */
    private TreeSet<Integer> entryStarts() {
        TreeSet<Integer> starts = new TreeSet<>();
        for (String key : parsed.dottedKeySet(true)) {
            int line = lineOf(key);
            if (line >= 0) {
                starts.add(line);
            }
        }
        starts.addAll(headers); // headers of arrays of tables too
        return starts;
    }

    /** The lines of a key's value: from its line to the last non-blank, non-comment line before the next entry. */
    private int blockEnd(int line) {
        Integer next = entryStarts().higher(line);
        int end = next == null ? lines.size() : next;
        while (end > line + 1 && isBlankOrComment(lines.get(end - 1))) {
            end--;
        }
        return end;
    }

    /**
     * The first of the comment lines directly above a line; a comment block that starts the file is the file's own,
     * not the key's.
     */
    private int commentsStart(int line) {
        int start = line;
        while (start > 0 && lines.get(start - 1).strip().startsWith("#")) {
            start--;
        }
        return start == 0 ? line : start;
    }

    private static boolean isBlankOrComment(String line) {
        String s = line.strip();
        return s.isEmpty() || s.startsWith("#");
    }

    /** Where a key's value is: its line, the offset of the {@code =} and the key's text. */
    private int keyLine(String key) {
        int line = lineOf(key);
        if (line < 0 || parsed.isTable(key)) {
            throw new IllegalArgumentException("no key " + key + " in " + path);
        }
        String leaf = leaf(key);
        String written = keyText(lines.get(line));
        if (!unquoted(written).equals(leaf)) {
            throw new RuleFailure(path, "line " + (line + 1), "key " + key + " is written as '" + written
                    + "' (a dotted key or an inline table), which this edit cannot change in place; write it as '"
                    + leaf + " = ...' under [" + parent(key) + "]");
        }
        return line;
    }

    /** The text before the {@code =} of a key line, stripped. */
    private static String keyText(String line) {
        return line.substring(0, equalsAt(line)).strip();
    }

    /** The {@code =} of a key line: the first one outside quotes. */
    private static int equalsAt(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '=') {
                return i;
            }
        }
        return line.length();
    }

    private static String unquoted(String key) {
        if (key.length() >= 2 && (key.startsWith("\"") || key.startsWith("'"))) {
            return key.substring(1, key.length() - 1);
        }
        return key;
    }

    // ---- changing ----

    @Override
    public boolean rename(String key, String newName) {
        if (!has(key)) {
            return false;
        }
        String renamed = join(parent(key), newName);
        if (parsed.contains(renamed)) {
            throw new IllegalArgumentException("cannot rename " + key + " to " + newName + ": " + renamed + " is set");
        }
        int line = keyLine(key);
        String text = lines.get(line);
        int keyStart = text.indexOf(text.strip().charAt(0));
        String written = keyText(text);
        lines.set(line, text.substring(0, keyStart) + keyName(newName) + text.substring(keyStart + written.length()));
        reparse();
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
        if (parsed.contains(target)) {
            throw new IllegalArgumentException("cannot move " + key + " into [" + table + "]: " + target + " is set");
        }
        int line = keyLine(key);
        int start = commentsStart(line);
        int end = blockEnd(line);
        List<String> block = new ArrayList<>(lines.subList(start, end));
        if (before.isPresent()) {
            String sibling = join(table, before.get());
            if (!has(sibling)) {
                throw new IllegalArgumentException("no key " + sibling + " to move " + key + " before");
            }
        }
        cut(start, end);
        reparse();
        if (before.isPresent()) {
            int at = commentsStart(keyLine(join(table, before.get())));
            lines.addAll(at, block);
            reparse();
        } else {
            insertIntoTable(table, block);
        }
        return true;
    }

    @Override
    public List<String> tables() {
        List<String> tables = new ArrayList<>();
        for (String key : parsed.dottedKeySet(true)) {
            if (parsed.isTable(key) && headerLine(key) >= 0) {
                tables.add(key);
            }
        }
        tables.sort((a, b) -> Integer.compare(headerLine(a), headerLine(b)));
        return tables;
    }

    /** The line of a table's own {@code [header]}, or -1 when it has none (a table only implied by dotted keys). */
    private int headerLine(String table) {
        int line = lineOf(table);
        return line >= 0 && headers.contains(line) && !lines.get(line).strip().startsWith("[[") ? line : -1;
    }

    /** A table's lines: the comments above its header, the header, its keys, up to the next table's comments. */
    private int[] tableBlock(String table) {
        int header = headerLine(table);
        int start = commentsStart(header);
        int next = nextHeader(header);
        int end = next;
        if (next < lines.size()) {
            while (end > header + 1 && lines.get(end - 1).strip().startsWith("#")) {
                end--;
            }
        }
        while (end > header + 1 && lines.get(end - 1).isBlank()) {
            end--;
        }
        return new int[] {start, end};
    }

    /**
     * Removes lines; where blank lines meet at the gap, one stays between what was before and after (none at either
     * end of the file).
     */
    private List<String> cut(int start, int end) {
        List<String> block = new ArrayList<>(lines.subList(start, end));
        lines.subList(start, end).clear();
        int before = 0;
        while (start - 1 - before >= 0 && lines.get(start - 1 - before).isBlank()) {
            before++;
        }
        int after = 0;
        while (start + after < lines.size() && lines.get(start + after).isBlank()) {
            after++;
        }
        boolean atAnEnd = start - before == 0 || start + after == lines.size();
        lines.subList(start - before, start + after).clear();
        if (!atAnEnd && before + after > 0) {
            lines.add(start - before, "");
        }
        return block;
    }

    @Override
    public boolean moveTable(String table, Optional<String> before) {
        if (headerLine(table) < 0 || before.filter(table::equals).isPresent()) {
            return false;
        }
        if (before.isPresent() && headerLine(before.get()) < 0) {
            throw new IllegalArgumentException("no table " + before.get() + " to move " + table + " before");
        }
        int[] block = tableBlock(table);
        List<String> moved = cut(block[0], block[1]);
        reparse();
        if (before.isEmpty()) {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                lines.add("");
            }
            lines.addAll(moved);
        } else {
            int at = commentsStart(headerLine(before.get()));
            List<String> withGap = new ArrayList<>(moved);
            withGap.add("");
            lines.addAll(at, withGap);
            if (at > 0 && !lines.get(at - 1).isBlank()) {
                lines.add(at, "");
            }
        }
        reparse();
        return true;
    }

    @Override
    public boolean removeTable(String table) {
        if (headerLine(table) < 0) {
            return false;
        }
        int[] block = tableBlock(table);
        cut(block[0], block[1]);
        reparse();
        return true;
    }

    @Override
    public void set(String key, JsonValue value) {
        String written = tomlValue(value);
        if (has(key)) {
            int line = keyLine(key);
            int end = blockEnd(line);
            String text = lines.get(line);
            int eq = equalsAt(text);
            if (end == line + 1) {
                String rest = text.substring(eq + 1);
                int cut = valueEnd(rest);
                String spacing = rest.substring(0, rest.length() - rest.stripLeading().length());
                lines.set(line, text.substring(0, eq + 1) + (spacing.isEmpty() ? " " : spacing) + written
                        + rest.substring(cut));
            } else {
                lines.subList(line + 1, end).clear();
                lines.set(line, text.substring(0, eq + 1) + " " + written);
            }
            reparse();
            return;
        }
        insertIntoTable(parent(key), List.of(keyName(leaf(key)) + " = " + written));
    }

    /** Where a one-line value ends in the text after its {@code =}: the shortest prefix TOML reads as the value. */
    private static int valueEnd(String rest) {
        for (int cut = rest.indexOf('#'); cut >= 0; cut = rest.indexOf('#', cut + 1)) {
            if (!Toml.parse("v =" + rest.substring(0, cut)).hasErrors()) {
                int end = cut;
                while (end > 0 && Character.isWhitespace(rest.charAt(end - 1))) {
                    end--;
                }
                return end;
            }
        }
        return rest.stripTrailing().length();
    }

    @Override
    public Optional<JsonValue> remove(String key) {
        Optional<JsonValue> value = get(key);
        if (value.isEmpty()) {
            return value;
        }
        int line = keyLine(key);
        cut(commentsStart(line), blockEnd(line));
        reparse();
        return value;
    }

    @Override
    public boolean addTable(String table) {
        if (hasTable(table)) {
            return false;
        }
        if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
            lines.add("");
        }
        lines.add("[" + tableName(table) + "]");
        reparse();
        return true;
    }

    /** Adds lines at the end of a table's keys (after its last key, before its trailing blanks and sub-tables). */
    private void insertIntoTable(String table, List<String> block) {
        if (!hasTable(table)) {
            addTable(table);
        }
        int at;
        if (table.isEmpty()) {
            at = headers.isEmpty() ? lines.size() : headers.first();
        } else {
            at = nextHeader(lineOf(table));
        }
        int floor = table.isEmpty() ? 0 : lineOf(table) + 1;
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
        reparse();
    }

    // ---- names and values as TOML writes them ----

    private static String leaf(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? key : key.substring(dot + 1);
    }

    private static String parent(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? "" : key.substring(0, dot);
    }

    private static String join(String table, String key) {
        return table.isEmpty() ? key : table + "." + key;
    }

    /** @return a name as a TOML key: bare when it can be, else a quoted basic string */
    static String keyName(String name) {
        return BARE_KEY.matcher(name).matches() ? name : quote(name);
    }

    private static String tableName(String table) {
        List<String> parts = new ArrayList<>();
        for (String part : table.split("\\.")) {
            parts.add(keyName(part));
        }
        return String.join(".", parts);
    }

    /**
     * @param value a value
     * @return it as TOML writes it: strings quoted with TOML's escapes, numbers as spelled, arrays and inline tables
     * @throws IllegalArgumentException for {@code null}, which TOML cannot hold
     */
    static String tomlValue(JsonValue value) {
        if (value instanceof JsonText text) {
            return quote(text.value());
        }
        if (value instanceof JsonNumber number) {
            return number.literal();
        }
        if (value instanceof JsonBoolean bool) {
            return Boolean.toString(bool.value());
        }
        if (value instanceof JsonNull) {
            throw new IllegalArgumentException("TOML has no null: remove the key instead");
        }
        if (value instanceof JsonArray array) {
            List<String> items = new ArrayList<>();
            array.items().forEach(item -> items.add(tomlValue(item)));
            return "[" + String.join(", ", items) + "]";
        }
        List<String> members = new ArrayList<>();
        ((JsonObject) value).members().forEach(m -> members.add(keyName(m.name()) + " = " + tomlValue(m.value())));
        return members.isEmpty() ? "{}" : "{ " + String.join(", ", members) + " }";
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
