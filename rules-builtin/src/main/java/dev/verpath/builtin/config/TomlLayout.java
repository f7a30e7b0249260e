package dev.verpath.builtin.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a TOML tree in the layout the {@code serve} formats show, so the same tree always gives the
 * same bytes:
 * <ul>
 *   <li>each table's own values come first, one {@code key = value} a line, in the tree's order;
 *       then its sub-tables, each under a {@code [dotted.header]}, in the tree's order; an array whose
 *       elements are all tables is written as {@code [[header]]} sections, one per element;</li>
 *   <li>a header is written for every table that has values of its own or is empty; a table holding
 *       only sub-tables gets no header line of its own (TOML defines it implicitly);</li>
 *   <li>one blank line before every header, none elsewhere; the file ends with one newline (an empty
 *       tree gives an empty file);</li>
 *   <li>strings in double quotes with only the escapes TOML requires, non-ASCII as UTF-8; integers in
 *       decimal; floats in plain notation with a fraction ({@code 1.0}, never {@code 1E+3});
 *       {@code inf} and {@code nan} as such; dates and times in RFC 3339 with seconds;</li>
 *   <li>arrays on one line as {@code [a, b]}; a table inside such an array as an inline table
 *       {@code {k = v}}; keys bare where TOML allows ({@code A-Za-z0-9_-}), quoted otherwise.</li>
 * </ul>
 * Inline tables of the input therefore come out as {@code [header]} tables, and comments and
 * blank-line grouping of the input are not kept (the parser drops them). Thread-safe.
 */
public final class TomlLayout {

    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private TomlLayout() {
    }

    /**
     * Lays a tree out as TOML text.
     *
     * @param root the root table
     * @return the text, ending with a newline unless empty
     */
    public static String write(JsonNode root) {
        StringBuilder out = new StringBuilder();
        writeTable(out, List.of(), root, false);
        return out.toString();
    }

    private static void writeTable(StringBuilder out, List<String> path, JsonNode table, boolean arrayElement) {
        List<Map.Entry<String, JsonNode>> values = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> tables = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : table.properties()) {
            JsonNode value = entry.getValue();
            if (value.isObject() || isArrayOfTables(value)) {
                tables.add(entry);
            } else {
                values.add(entry);
            }
        }
        if (!path.isEmpty() && (arrayElement || !values.isEmpty() || tables.isEmpty())) {
            if (out.length() > 0) {
                out.append('\n');
            }
            String header = header(path);
            out.append(arrayElement ? "[[" + header + "]]" : "[" + header + "]").append('\n');
        }
        for (Map.Entry<String, JsonNode> entry : values) {
            out.append(key(entry.getKey())).append(" = ");
            writeValue(out, entry.getValue());
            out.append('\n');
        }
        for (Map.Entry<String, JsonNode> entry : tables) {
            List<String> childPath = new ArrayList<>(path);
            childPath.add(entry.getKey());
            JsonNode value = entry.getValue();
            if (value.isObject()) {
                writeTable(out, childPath, value, false);
            } else {
                for (JsonNode element : value) {
                    writeTable(out, childPath, element, true);
                }
            }
        }
    }

    private static boolean isArrayOfTables(JsonNode value) {
        if (!value.isArray() || value.isEmpty()) {
            return false;
        }
        for (JsonNode element : value) {
            if (!element.isObject()) {
                return false;
            }
        }
        return true;
    }

    private static String header(List<String> path) {
        StringBuilder header = new StringBuilder();
        for (String part : path) {
            if (header.length() > 0) {
                header.append('.');
            }
            header.append(key(part));
        }
        return header.toString();
    }

    private static String key(String key) {
        return BARE_KEY.matcher(key).matches() ? key : quote(key);
    }

    private static void writeValue(StringBuilder out, JsonNode value) {
        if (value.isTextual()) {
            out.append(quote(value.textValue()));
        } else if (value.isBoolean()) {
            out.append(value.booleanValue());
        } else if (value.isIntegralNumber()) {
            out.append(value.bigIntegerValue());
        } else if (value.isBigDecimal()) {
            out.append(decimal(value.decimalValue()));
        } else if (value.isNumber()) {
            out.append(floating(value.doubleValue()));
        } else if (value.isArray()) {
            out.append('[');
            boolean first = true;
            for (JsonNode element : value) {
                out.append(first ? "" : ", ");
                first = false;
                writeValue(out, element);
            }
            out.append(']');
        } else if (value.isObject()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                out.append(first ? " " : ", ");
                first = false;
                out.append(key(entry.getKey())).append(" = ");
                writeValue(out, entry.getValue());
            }
            out.append(first ? "}" : " }");
        } else if (value instanceof POJONode pojo && pojo.getPojo() instanceof TemporalAccessor time) {
            out.append(dateTime(time));
        } else {
            // TOML has no null: the nearest is an empty string, which a rule never produces
            out.append("\"\"");
        }
    }

    private static String decimal(BigDecimal value) {
        String plain = value.toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }

    private static String floating(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return decimal(BigDecimal.valueOf(value));
    }

    private static String dateTime(TemporalAccessor time) {
        if (time instanceof OffsetDateTime odt) {
            return odt.toLocalDate() + "T" + time(odt.toLocalTime()) + odt.getOffset();
        }
        if (time instanceof LocalDateTime ldt) {
            return ldt.toLocalDate() + "T" + time(ldt.toLocalTime());
        }
        if (time instanceof LocalTime lt) {
            return time(lt);
        }
        if (time instanceof LocalDate ld) {
            return ld.toString();
        }
        return quote(time.toString());
    }

    private static String time(LocalTime time) {
        String text = String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
        if (time.getNano() == 0) {
            return text;
        }
        String fraction = String.format("%09d", time.getNano()).replaceAll("0+$", "");
        return text + "." + fraction;
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
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
