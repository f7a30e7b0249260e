package dev.verpath.testkit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a fixture's {@code case.properties} states beyond before and after. Immutable. Keys:
 * <ul>
 *   <li>{@code failure=<text>}: the migration must fail with a message containing the text, and leave
 *       {@code before/} untouched (no {@code after/} then);</li>
 *   <li>{@code product=<name>}: the product, when the installation's VERSION does not name it;</li>
 *   <li>{@code allowLossy=true}, {@code optimize=true}: the run's options;</li>
 *   <li>{@code warning=<text>}: a warning whose message contains the text must be reported;</li>
 *   <li>{@code counter.<name>=<value>}: a counter the rules must report with exactly that value;</li>
 *   <li>{@code sameFile=<path> <path>}: the two files must be hard links of each other afterwards;</li>
 *   <li>{@code flag.<NAME>=<value>}: a flag the rules read, set as if in the environment.</li>
 * </ul>
 *
 * @param failure    the text the failure must contain, when the case must fail
 * @param product    the product, when given
 * @param allowLossy whether lossy edges may be taken
 * @param optimize   whether model optimization is asked for
 * @param warnings   texts that reported warnings must contain, one each
 * @param counters   counters that must be reported, with their values
 * @param sameFiles  pairs of paths that must be the same file
 * @param flags      flags the rules read, by name ({@code flag.NAME=value}), as if set in the environment
 */
public record FixtureOptions(Optional<String> failure, Optional<String> product, boolean allowLossy, boolean optimize,
                             List<String> warnings, SortedMap<String, Long> counters, List<List<String>> sameFiles,
                             SortedMap<String, String> flags) {

    private static final Set<String> KEYS = Set.of("failure", "product", "allowLossy", "optimize", "warning", "sameFile");

    /** Copies the collections. */
    public FixtureOptions {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(product, "product");
        warnings = List.copyOf(warnings);
        counters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(counters));
        sameFiles = sameFiles.stream().map(List::copyOf).toList();
        flags = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(flags));
    }

    /** @return the options of a case without {@code case.properties} */
    public static FixtureOptions none() {
        return new FixtureOptions(Optional.empty(), Optional.empty(), false, false, List.of(), new TreeMap<>(), List.of(),
                new TreeMap<>());
    }

    /**
     * Reads {@code case.properties}; a missing file means no options.
     *
     * @param file the file
     * @return the options
     * @throws IllegalArgumentException for a key the kit does not know, naming the file
     */
    public static FixtureOptions read(Path file) {
        if (!Files.isRegularFile(file)) {
            return none();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read", e);
        }
        SortedMap<String, Long> counters = new TreeMap<>();
        SortedMap<String, String> flags = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("counter.")) {
                counters.put(key.substring("counter.".length()), Long.parseLong(p.getProperty(key).trim()));
            } else if (key.startsWith("flag.")) {
                flags.put(key.substring("flag.".length()), p.getProperty(key).trim());
            } else if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(file + ": unknown key " + key + "; known: " + new java.util.TreeSet<>(KEYS)
                        + ", counter.<name> and flag.<NAME>");
            }
        }
        List<List<String>> same = new ArrayList<>();
        Optional.ofNullable(p.getProperty("sameFile")).map(String::trim).filter(s -> !s.isEmpty())
                .ifPresent(s -> same.add(List.of(s.split("\\s+"))));
        return new FixtureOptions(Optional.ofNullable(p.getProperty("failure")), Optional.ofNullable(p.getProperty("product")),
                Boolean.parseBoolean(p.getProperty("allowLossy", "false")), Boolean.parseBoolean(p.getProperty("optimize", "false")),
                Optional.ofNullable(p.getProperty("warning")).stream().toList(), counters, same, flags);
    }
}
