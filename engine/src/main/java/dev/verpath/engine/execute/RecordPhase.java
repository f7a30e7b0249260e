package dev.verpath.engine.execute;

import dev.verpath.engine.failure.RecoveryNeededFailure;
import dev.verpath.engine.journal.History;
import dev.verpath.engine.journal.HistoryEntry;
import dev.verpath.engine.journal.Journal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Phase 5 of a run, record: the steps are appended to the history, then the journal is ended; only then is the
 * migration done. When either write fails the live tree is already migrated and the journal still says a
 * migration is under way, so the failure says how to recover.
 */
final class RecordPhase {

    private RecordPhase() {
    }

    /**
     * @param run     the run
     * @param journal the journal the commit began
     * @param entries one history entry per step
     * @param end     whether to end the journal now; false when a service start and health check follow
     *                ({@link StartPhase} ends it)
     */
    static void record(ResolvedRun run, Journal journal, List<HistoryEntry> entries, boolean end) {
        Path state = run.installation().stateFolder();
        try {
            if (!entries.isEmpty()) {
                History.in(state).append(entries);
            }
            if (end) {
                journal.end();
            }
        } catch (IOException e) {
            // the live tree is migrated; only the record of it is incomplete, and the journal still says so
            throw new RecoveryNeededFailure("the changes were applied, but " + state
                    + " could not be updated (" + e.getMessage() + "); free space or fix its permissions, then run"
                    + " 'migrate rollback --path " + run.installation().root() + "' to restore the backup and migrate again",
                    run.installation().root(), e);
        }
    }
}
