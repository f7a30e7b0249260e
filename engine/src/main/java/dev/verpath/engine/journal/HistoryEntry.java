package dev.verpath.engine.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One applied step in an installation's history ({@code .migrate/history.jsonl}).
 *
 * @param step      the step's number in the installation's history, from 1
 * @param product   the product
 * @param scope     {@code version}, {@code config}, {@code data} or {@code models}
 * @param from      the version the step started at
 * @param to        the version it reached
 * @param checksums the checksum of each rule that ran, by rule id
 * @param started   when the step started
 * @param duration  how long it took
 * @param outcome   {@code success} or {@code rolled-back}
 * @param fromPath  for the entry of scope {@code into} that ends a {@code version --into DEST} run: the installation
 *                  it was built from, which {@code rollback} of a release link switches back to
 * @param acceptedRisks the known risks of this step's edge that the operator accepted ({@code --accept-risk}), by
 *                      name, with who accepted them (the user running the command); when: {@code started}
 */
public record HistoryEntry(
        int step,
        String product,
        String scope,
        String from,
        String to,
        SortedMap<String, String> checksums,
        Instant started,
        Duration duration,
        String outcome,
        Optional<String> fromPath,
        SortedMap<String, String> acceptedRisks) {

    /** The scope of the entry a {@code version --into} run ends with, which names the installation it was built from. */
    public static final String INTO = "into";

    /** Copies the map. */
    public HistoryEntry {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        checksums = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(checksums)));
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(fromPath, "fromPath");
        acceptedRisks = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(acceptedRisks)));
    }

    /**
     * An entry without accepted risks.
     *
     * @param step      the step's number, from 1
     * @param product   the product
     * @param scope     the scope
     * @param from      the version the step started at
     * @param to        the version it reached
     * @param checksums the checksum of each rule that ran, by rule id
     * @param started   when the step started
     * @param duration  how long it took
     * @param outcome   {@code success} or {@code rolled-back}
     * @param fromPath  for an {@code into} entry, the installation it was built from
     */
    public HistoryEntry(int step, String product, String scope, String from, String to, SortedMap<String, String> checksums,
                        Instant started, Duration duration, String outcome, Optional<String> fromPath) {
        this(step, product, scope, from, to, checksums, started, duration, outcome, fromPath, new TreeMap<>());
    }

    /**
     * An entry of an installation migrated or restored in place.
     *
     * @param step      the step's number, from 1
     * @param product   the product
     * @param scope     {@code version}, {@code config}, {@code data}, {@code models} or {@code rollback}
     * @param from      the version the step started at
     * @param to        the version it reached
     * @param checksums the checksum of each rule that ran, by rule id
     * @param started   when the step started
     * @param duration  how long it took
     * @param outcome   {@code success} or {@code rolled-back}
     */
    public HistoryEntry(int step, String product, String scope, String from, String to, SortedMap<String, String> checksums,
                        Instant started, Duration duration, String outcome) {
        this(step, product, scope, from, to, checksums, started, duration, outcome, Optional.empty());
    }
}
