package dev.verpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (0.0.4), by the format's own rules: every line a
 * {@code # HELP}, a {@code # TYPE} or a sample; metric and label names by their grammar; label values quoted with
 * only {@code \\}, {@code \"} and {@code \n} escaped; values as Go's ParseFloat reads them; at most one HELP and one
 * TYPE per family, before its samples; a family's samples together; no series twice; a final newline. Fails the
 * test at the first line that breaks a rule.
 */
final class TextExposition {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*";
    private static final String VALUE = "(?:[+-]?(?:\\d+\\.?\\d*(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?)|NaN|[+-]Inf)";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)\\})? (" + VALUE + ")( -?\\d+)?");
    private static final Pattern PAIR = Pattern.compile("(" + LABEL + ")=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");

    /** One sample: its name, labels and value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private TextExposition() {
    }

    /**
     * Parses a file's text.
     *
     * @param text the text
     * @return the samples in file order, and the type of each family by name
     */
    static Parsed parse(String text) {
        assertThat(text).as("the text ends with a newline").endsWith("\n");
        Map<String, String> types = new LinkedHashMap<>();
        Set<String> helped = new HashSet<>();
        Set<String> series = new HashSet<>();
        Set<String> closed = new HashSet<>();
        List<Sample> samples = new java.util.ArrayList<>();
        String current = "";
        for (String line : text.split("\n")) {
            Matcher help = HELP.matcher(line);
            Matcher type = TYPE.matcher(line);
            Matcher sample = SAMPLE.matcher(line);
            if (help.matches()) {
                assertThat(helped.add(help.group(1))).as("one HELP for " + help.group(1)).isTrue();
                current = family(help.group(1), current, closed);
            } else if (type.matches()) {
                assertThat(types.put(type.group(1), type.group(2))).as("one TYPE for " + type.group(1)).isNull();
                assertThat(samples).as("TYPE of " + type.group(1) + " before its samples")
                        .noneMatch(s -> s.name().equals(type.group(1)));
                current = family(type.group(1), current, closed);
            } else if (sample.matches()) {
                Map<String, String> labels = labels(orEmpty(sample.group(3)), line);
                String name = sample.group(1);
                assertThat(name.equals(current) || name.startsWith(current + "_")).as("sample " + line
                        + " in its family " + current).isTrue();
                assertThat(series.add(name + labels)).as("one series " + line).isTrue();
                samples.add(new Sample(name, labels, Double.parseDouble(sample.group(4).replace("Inf", "Infinity"))));
            } else {
                throw new AssertionError("not a line of the text format: '" + line + "'");
            }
        }
        return new Parsed(List.copyOf(samples), types);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String family(String name, String current, Set<String> closed) {
        if (!name.equals(current)) {
            assertThat(closed.add(name)).as("the lines of " + name + " together").isTrue();
        }
        return name;
    }

    private static Map<String, String> labels(String text, String line) {
        Map<String, String> labels = new TreeMap<>();
        Matcher pair = PAIR.matcher(text);
        int at = 0;
        while (at < text.length()) {
            assertThat(pair.find(at) && pair.start() == at).as("labels of " + line).isTrue();
            assertThat(labels.put(pair.group(1), pair.group(2))).as("label " + pair.group(1) + " once in " + line).isNull();
            at = pair.end();
        }
        return labels;
    }

    /** A parsed file. */
    record Parsed(List<Sample> samples, Map<String, String> types) {

        /** @return the samples of one metric */
        List<Sample> named(String name) {
            return samples.stream().filter(s -> s.name().equals(name)).toList();
        }
    }
}
