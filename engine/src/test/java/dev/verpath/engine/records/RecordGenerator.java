package dev.verpath.engine.records;

import dev.verpath.rules.RecordEdit;
import dev.verpath.rules.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random record lines, files and edit plans for {@link FastPathPropertyTest}: names and values drawn from pools that
 * hold what records are known to carry (escapes, non-ASCII names and text, {@code 1e3}, {@code -0}, huge integers,
 * names set twice, nested objects and arrays, blanks between tokens).
 */
final class RecordGenerator {

    private static final String[] NAMES = {"id", "ts", "a", "b", "usage", "metrics", "latency_ms", "completion_tokens",
        "prompt_tokens", "api_key", "caf\u00e9", "\u65e5\u672c", "na\\u006de", "q\\\"t", "sp ace", "d.o"};
    private static final String[] STRINGS = {"\"\"", "\"x\"", "\"caf\\u00e9 \\/ \\t\\n\"", "\"\u00fc \u65e5 \uD83D\uDE00\"",
        "\"\\ud83d\\ude00\"", "\"\\\"q\\\" \\\\\"", "\"2023-11-14T22:13:20Z\"", "\"sk-00000001\""};
    private static final String[] NUMBERS = {"0", "-0", "1e3", "1E-7", "-12", "1.50", "123456789012345678901234567890",
        "3.25e+10", "1700000000", "1700000000.5", "7"};
    private static final String[] BLANKS = {"", "", "", "", " ", "  ", "\t", " \r "};
    private static final String INSERTED = ",:{}[]\"\\ 0-.eE+tfnu19\u0001x";
    private static final String[] BLANK_LINES = {"", " ", "\t", "  \t "};
    private static final String[] PATHS = {"id", "ts", "a", "b", "usage", "metrics", "latency_ms", "completion_tokens",
        "api_key", "caf\u00e9", "usage.a", "metrics.latency_ms", "a.b", "usage.completion_tokens", "new", "grp.x"};
    private static final String[] TOP = {"id", "ts", "a", "b", "latency_ms", "completion_tokens", "prompt_tokens",
        "api_key", "caf\u00e9", "new"};

    String line(Random r) {
        return blank(r) + object(r, 0) + blank(r);
    }

    /** The top-level names of a record: mostly distinct plain names, a few shapes with a name twice or an escape. */
    String[] shape(Random r) {
        String[] names = new String[r.nextInt(8)];
        for (int i = 0; i < names.length; i++) {
            names[i] = NAMES[r.nextInt(r.nextInt(4) == 0 ? NAMES.length : 10)];
        }
        return names;
    }

    /**
     * A line whose top-level names are these, in this order, values and blanks at random; half of them compact (no
     * blank around a top-level colon or comma), as most writers of records write them.
     */
    String line(Random r, String[] names) {
        boolean compact = r.nextBoolean();
        StringBuilder out = new StringBuilder(blank(r)).append('{').append(blank(r));
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                out.append(compact ? "" : blank(r)).append(',').append(compact ? "" : blank(r));
            }
            out.append('"').append(names[i]).append('"').append(compact ? "" : blank(r)).append(':')
                    .append(compact ? "" : blank(r)).append(value(r, 0));
        }
        return out.append(blank(r)).append('}').append(blank(r)).toString();
    }

    /** A line with one or two random changes: most no longer JSON, some still. */
    String mutated(String line, Random r) {
        StringBuilder text = new StringBuilder(line);
        for (int n = 1 + r.nextInt(2); n > 0 && text.length() > 0; n--) {
            int at = r.nextInt(text.length());
            switch (r.nextInt(3)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, INSERTED.charAt(r.nextInt(INSERTED.length())));
                default -> text.setCharAt(at, INSERTED.charAt(r.nextInt(INSERTED.length())));
            }
        }
        return text.toString();
    }

    /** A file of records and blank lines, LF or CRLF, sometimes a byte order mark or no final newline. */
    String file(Random r, int lines) {
        StringBuilder out = new StringBuilder(r.nextInt(5) == 0 ? "\uFEFF" : "");
        for (int i = 0; i < lines; i++) {
            out.append(r.nextInt(20) == 0 ? BLANK_LINES[r.nextInt(BLANK_LINES.length)] : line(r)).append(r.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        if (r.nextBoolean()) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    /** One to five edits of any kind on any path, objects on the way or not. */
    List<RecordEdit> plan(Random r) {
        List<RecordEdit> plan = new ArrayList<>();
        for (int n = 1 + r.nextInt(5); n > 0; n--) {
            plan.add(edit(r, PATHS));
        }
        return plan;
    }

    /** Edits of top-level fields and of a group no record has, which cannot fail on any record. */
    List<RecordEdit> safePlan(Random r) {
        List<RecordEdit> plan = new ArrayList<>();
        for (int n = 1 + r.nextInt(4); n > 0; n--) {
            String a = TOP[r.nextInt(TOP.length)];
            String b = TOP[r.nextInt(TOP.length)];
            plan.add(switch (r.nextInt(6)) {
                case 0 -> RecordEdit.rename(a, b.equals(a) ? a + "2" : b);
                case 1 -> RecordEdit.set(a, FastPathPropertyTest.valueOf(r));
                case 2 -> RecordEdit.remove(a);
                case 3 -> RecordEdit.map(a, (v, c) -> JsonValue.of(v.kind()));
                case 4 -> RecordEdit.moveInto("grp", a, b.equals(a) ? "id" : b);
                default -> RecordEdit.moveOut("grp." + a);
            });
        }
        return plan;
    }

    private static RecordEdit edit(Random r, String[] paths) {
        String a = paths[r.nextInt(paths.length)];
        String b = paths[r.nextInt(paths.length)];
        return switch (r.nextInt(8)) {
            case 0 -> RecordEdit.rename(a, b);
            case 1 -> RecordEdit.set(a, FastPathPropertyTest.valueOf(r));
            case 2 -> RecordEdit.setIfAbsent(a, FastPathPropertyTest.valueOf(r));
            case 3 -> RecordEdit.remove(a);
            case 4 -> RecordEdit.map(a, (v, c) -> JsonValue.of(v.kind() + v.isNull()));
            case 5 -> RecordEdit.moveInto(a.contains(".") ? "grp" : a, TOP[r.nextInt(TOP.length)], TOP[r.nextInt(TOP.length)]);
            case 6 -> RecordEdit.moveOut(a.contains(".") ? a : "grp." + a);
            default -> RecordEdit.set(a, List.of(b), (record, c) -> record.get(b).orElse(JsonValue.of(0)));
        };
    }

    private String object(Random r, int depth) {
        StringBuilder out = new StringBuilder("{").append(blank(r));
        int count = r.nextInt(depth == 0 ? 9 : 4);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(blank(r)).append(',').append(blank(r));
            }
            out.append('"').append(NAMES[r.nextInt(NAMES.length)]).append('"').append(blank(r)).append(':')
                    .append(blank(r)).append(value(r, depth));
        }
        return out.append(blank(r)).append('}').toString();
    }

    private String value(Random r, int depth) {
        int kind = r.nextInt(depth < 3 ? 7 : 5);
        return switch (kind) {
            case 0, 1 -> STRINGS[r.nextInt(STRINGS.length)];
            case 2, 3 -> NUMBERS[r.nextInt(NUMBERS.length)];
            case 4 -> new String[] {"true", "false", "null"}[r.nextInt(3)];
            case 5 -> object(r, depth + 1);
            default -> array(r, depth + 1);
        };
    }

    private String array(Random r, int depth) {
        StringBuilder out = new StringBuilder("[").append(blank(r));
        for (int i = 0, n = r.nextInt(4); i < n; i++) {
            out.append(i > 0 ? "," + blank(r) : "").append(value(r, depth));
        }
        return out.append(blank(r)).append(']').toString();
    }

    private static String blank(Random r) {
        return BLANKS[r.nextInt(BLANKS.length)];
    }
}
