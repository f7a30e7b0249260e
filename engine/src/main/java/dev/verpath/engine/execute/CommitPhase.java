package dev.verpath.engine.execute;

import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.backup.BackupInfo;
import dev.verpath.engine.journal.Journal;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.workspace.ShadowCommit;
import dev.verpath.engine.workspace.ShadowWorkspace;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Phase 4 of a run, commit: the journal is begun (from here until {@link RecordPhase} ends it, a crash leaves an
 * interrupted migration that the next run recovers from the backup it names), then the shadow's changes are
 * applied to the live tree ({@link ShadowCommit}). A failure while applying restores the backup at once when
 * {@code rollback_on_failure} is on ({@link FailedCommit}).
 */
final class CommitPhase {

    private final EngineSettings settings;
    private final Clock clock;
    private final ProgressListener listener;

    /**
     * @param settings the effective settings ({@code rollback_on_failure})
     * @param clock    stamps the journal
     * @param listener told how applying the changes goes ({@link dev.verpath.engine.progress.ProgressPhase#COMMIT})
     */
    CommitPhase(EngineSettings settings, Clock clock, ProgressListener listener) {
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * @param run      the run
     * @param shadow   the shadow run's changes
     * @param backup   the backup taken, if any
     * @param progress receives a line when the commit starts, and a note on owners not kept
     * @return the journal, begun: the caller ends it once the history is recorded
     * @throws IOException when the staged content cannot be made durable or the journal cannot be begun
     */
    Journal apply(ResolvedRun run, ShadowWorkspace shadow, Optional<BackupInfo> backup, Consumer<String> progress)
            throws IOException {
        shadow.makeDurable(); // before the journal: until it is begun, a crash leaves the installation as it was
        Journal journal = Journal.in(run.installation().stateFolder());
        journal.begin(new Journal.Intent(backup.map(BackupInfo::id), run.plan().product(), run.plan().from(), run.plan().to(),
                clock.instant().toString(), shadow.pending().size()));
        progress.accept("committing " + shadow.pending().size() + " change(s)");
        ShadowCommit commit = new ShadowCommit(shadow);
        try {
            commit.apply(listener);
        } catch (IOException | RuntimeException e) {
            throw FailedCommit.handle(run.installation(), backup, run.backup().folder(), settings.rollbackOnFailure(), clock,
                    e, progress, listener);
        }
        commit.owners().note("migrate").ifPresent(progress);
        return journal;
    }
}
