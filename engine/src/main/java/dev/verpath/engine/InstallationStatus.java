package dev.verpath.engine;

import dev.verpath.engine.journal.History;
import dev.verpath.engine.journal.HistoryEntry;
import dev.verpath.engine.journal.InstallationLock;
import dev.verpath.engine.journal.RuleChecksum;
import dev.verpath.engine.model.StatusReport;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.restore.InterruptedMigration;
import dev.verpath.engine.workspace.Installation;
import dev.verpath.rules.MigrationRule;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What {@code migrate status} reports of an installation: read only, no lock taken. */
final class InstallationStatus {

    private InstallationStatus() {
    }

    /**
     * @param registry     the loaded rules (to find rules changed since they were applied)
     * @param installation the installation
     * @return its version, history, the rules changed since applied, an interrupted migration, a lock holder
     */
    static StatusReport of(RuleRegistry registry, Installation installation) {
        List<HistoryEntry> history = History.in(installation.stateFolder()).read();
        Set<String> changed = new TreeSet<>();
        for (HistoryEntry entry : history) {
            entry.checksums().forEach((id, recorded) -> {
                Optional<MigrationRule> now = registry.rules().stream().filter(r -> r.descriptor().id().equals(id)).findFirst();
                if (now.isEmpty()) {
                    changed.add(id + ": applied in step " + entry.step() + " but no longer loaded");
                } else if (!RuleChecksum.of(now.get()).equals(recorded)) {
                    changed.add(id + ": checksum " + recorded + " recorded in step " + entry.step() + ", now " + RuleChecksum.of(now.get()));
                }
            });
        }
        Optional<String> inProgress = InstallationLock.holder(installation.stateFolder());
        Optional<String> interrupted = InterruptedMigration.withoutLock(installation)
                .map(i -> InterruptedMigration.describe(i) + "; " + InterruptedMigration.advice(installation.root(), i));
        return new StatusReport(installation.root(), installation.product(), installation.version(), history,
                List.copyOf(changed), interrupted, inProgress);
    }
}
