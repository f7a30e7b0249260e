package dev.verpath.engine.edit;

import dev.verpath.rules.RuleFailure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Where the keys and tables of a TOML file's lines are: tomlj's parse (values, and where each key and table header
 * starts) and the lines that are table headers, found again by {@link #reparse()} after each change; and the blocks of
 * lines an edit moves or removes. A key's block is its line (or lines, for a value spanning several) and the comment
 * lines directly above it; a table's block is its header with the comments above it and its keys. Not thread-safe.
 */
final class TomlOutline {

    private static final Comparator<TomlPosition> IN_FILE = Comparator.comparingInt(TomlPosition::line)
            .thenComparingInt(TomlPosition::column);

    private final String path;
    private final TomlLines lines;
    private TomlParseResult parsed;
    /** The lines that are table headers ({@code [t]}, {@code [[t]]}), found again on each parse. */
    private TreeSet<Integer> headers = new TreeSet<>();

    /**
     * @param path  the file, for failures
     * @param lines its lines, read again on each {@link #reparse()}
     * @throws RuleFailure naming the line when the text is not valid TOML
     */
    TomlOutline(String path, TomlLines lines) {
        this.path = path;
        this.lines = lines;
        reparse();
    }

    /**
     * Parses the lines again.
     *
     * @throws RuleFailure naming the line when the text is not valid TOML
     */
    void reparse() {
        TomlParseResult result = Toml.parse(lines.text());
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

    /** @return the last parse */
    TomlParseResult parsed() {
        return parsed;
    }

    /** @return the first header line after a line, or the number of lines when there is none */
    int nextHeader(int line) {
        Integer next = headers.higher(line);
        return next == null ? lines.size() : next;
    }

    /** @return the first header line, or the number of lines when there is none */
    int firstHeader() {
        return headers.isEmpty() ? lines.size() : headers.first();
    }

    /** @return the 0-based line where a key or table header starts, or -1 */
    int lineOf(String key) {
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
    int blockEnd(int line) {
        Integer next = entryStarts().higher(line);
        int end = next == null ? lines.size() : next;
        while (end > line + 1 && TomlLine.isBlankOrComment(lines.get(end - 1))) {
            end--;
        }
        return end;
    }

    /**
     * The first of the comment lines directly above a line; a comment block that starts the file is the file's own,
     * not the key's.
     */
    int commentsStart(int line) {
        int start = line;
        while (start > 0 && lines.get(start - 1).strip().startsWith("#")) {
            start--;
        }
        return start == 0 ? line : start;
    }

    /**
     * Where a key's value is: its line, checked to be written as the key's own name (not dotted, not inline).
     *
     * @throws IllegalArgumentException when there is no such key
     * @throws RuleFailure              when the key is written so that an edit cannot change it in place
     */
    int keyLine(String key) {
        int line = lineOf(key);
        if (line < 0 || parsed.isTable(key)) {
            throw new IllegalArgumentException("no key " + key + " in " + path);
        }
        String leaf = DottedKey.leaf(key);
        String written = TomlLine.keyText(lines.get(line));
        if (!TomlLine.unquoted(written).equals(leaf)) {
            throw new RuleFailure(path, "line " + (line + 1), "key " + key + " is written as '" + written
                    + "' (a dotted key or an inline table), which this edit cannot change in place; write it as '"
                    + leaf + " = ...' under [" + DottedKey.parent(key) + "]");
        }
        return line;
    }

    /** The line of a table's own {@code [header]}, or -1 when it has none (a table only implied by dotted keys). */
    int headerLine(String table) {
        int line = lineOf(table);
        return line >= 0 && headers.contains(line) && !lines.get(line).strip().startsWith("[[") ? line : -1;
    }

    /** A table's lines: the comments above its header, the header, its keys, up to the next table's comments. */
    int[] tableBlock(String table) {
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

    /** @return the tables that have a header of their own, in file order */
    List<String> tables() {
        List<String> tables = new ArrayList<>();
        for (String key : parsed.dottedKeySet(true)) {
            if (parsed.isTable(key) && headerLine(key) >= 0) {
                tables.add(key);
            }
        }
        tables.sort((a, b) -> Integer.compare(headerLine(a), headerLine(b)));
        return tables;
    }

    /**
     * The names directly in a table, in file order: its sub-tables, or its other keys. Names are compared as a path of
     * names, never joined into dotted text, so a name that needs quoting ({@code t2v@2}) is read as it is.
     */
    List<String> members(String table, boolean tables) {
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
}
