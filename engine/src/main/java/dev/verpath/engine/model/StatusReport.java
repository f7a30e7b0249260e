package dev.verpath.engine.model;

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
 * @param inProgress   the live migration holding the installation's lock ({@code pid N since T}), when one does;
 *                     its journal is then not an interrupted one
 */
public record StatusReport(
        Path root,
        String product,
        Optional<String> version,
        List<HistoryEntry> history,
        List<String> changedRules,
        Optional<String> interrupted,
        Optional<String> inProgress) {

    /** Copies the lists. */
    public StatusReport {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
        history = List.copyOf(history);
        changedRules = List.copyOf(changedRules);
        Objects.requireNonNull(interrupted, "interrupted");
        Objects.requireNonNull(inProgress, "inProgress");
    }
}
