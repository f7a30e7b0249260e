package dev.verpath.cli;

import java.util.ArrayList;
import java.util.List;

/** A text table: columns padded to their widest cell, the last one unpadded. */
final class Table {

    private final List<List<String>> rows = new ArrayList<>();

    /**
     * @param header the column titles; none for a table without a header
     */
    Table(String... header) {
        if (header.length > 0) {
            rows.add(List.of(header));
        }
    }

    /**
     * Adds a row.
     *
     * @param cells one cell a column
     * @return this table
     */
    Table row(String... cells) {
        rows.add(List.of(cells));
        return this;
    }

    /**
     * The table's lines, each with the given indent.
     *
     * @param indent what each line starts with
     * @return the lines, header first
     */
    List<String> lines(String indent) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i));
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
