package dev.verpath.engine;

import dev.verpath.engine.journal.HistoryEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code migrate status} reports.
 *
 * @param root         the installation
 * @param product      its product
 * @param version      its recorded version, when it has one
 * @param history      applied steps, oldest first
 * @param changedRules rules that changed since they were applied (one line each: id, recorded and current
 *                     checksum, or that the rule is no longer loaded)
 * @param interrupted  a description of an interrupted migration waiting to be recovered, when there is one
 */
public record StatusReport(
        Path root,
        String product,
        Optional<String> version,
        List<HistoryEntry> history,
        List<String> changedRules,
        Optional<String> interrupted) {

    /** Copies the lists. */
    public StatusReport {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
        history = List.copyOf(history);
        changedRules = List.copyOf(changedRules);
        Objects.requireNonNull(interrupted, "interrupted");
    }
}
