package dev.verpath.engine.edit;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a TOML file and how they join back into its text: with the newline it used ({@code \r\n} when it had
 * one anywhere), ending with a newline when it did (or was empty). Removing lines leaves one blank line where blank
 * lines meet at the gap. Not thread-safe.
 */
final class TomlLines {

    private final List<String> lines;
    private final boolean endsWithNewline;
    private final String newline;

    /** @param text the file's content */
    TomlLines(String text) {
        this.newline = text.contains("\r\n") ? "\r\n" : "\n";
        this.endsWithNewline = text.isEmpty() || text.endsWith("\n");
        this.lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (endsWithNewline) {
            lines.remove(lines.size() - 1);
        }
    }

    /** @return the lines joined into the file's text */
    String text() {
        String joined = String.join(newline, lines);
        return endsWithNewline && !lines.isEmpty() ? joined + newline : joined;
    }

    int size() {
        return lines.size();
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    String get(int line) {
        return lines.get(line);
    }

    void set(int line, String text) {
        lines.set(line, text);
    }

    void add(int line, String text) {
        lines.add(line, text);
    }

    void add(String text) {
        lines.add(text);
    }

    void addAll(int line, List<String> block) {
        lines.addAll(line, block);
    }

    void addAll(List<String> block) {
        lines.addAll(block);
    }

    /** @return a copy of the lines from start to end (exclusive) */
    List<String> copy(int start, int end) {
        return new ArrayList<>(lines.subList(start, end));
    }

    /** Removes the lines from start to end (exclusive), nothing else. */
    void remove(int start, int end) {
        lines.subList(start, end).clear();
    }

    /** Adds a blank line at the end unless the file is empty or ends with one: what goes after stands apart. */
    void separateEnd() {
        if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
            lines.add("");
        }
    }

    /**
     * Removes lines; where blank lines meet at the gap, one stays between what was before and after (none at either
     * end of the file).
     *
     * @return the lines removed
     */
    List<String> cut(int start, int end) {
        List<String> block = copy(start, end);
        remove(start, end);
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
}
