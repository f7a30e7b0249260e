package dev.verpath.engine.execute;

import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.model.SystemSnapshot;
import dev.verpath.engine.backup.BackupDraft;
import dev.verpath.engine.backup.BackupInfo;
import dev.verpath.engine.backup.BackupStore;
import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.files.CrashPoints;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.workspace.LiveTree;
import dev.verpath.engine.workspace.ShadowWorkspace;
import dev.verpath.rules.RecordRule;
import dev.verpath.rules.RuleKind;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.compress.compressors.zstandard.ZstdUtils;

/**
 * Phase 3 of a run, backup: the last checks before the live tree is touched, and the backup. Checks that every
 * file the commit replaces can be written, takes the backup when the run takes one and has something to change,
 * and stops the run when a live file changed since the scan (something else writes to the installation). Still
 * nothing live has changed when this fails.
 */
final class BackupPhase {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BackupPhase.class);

    private final Clock clock;
    private final ProgressListener listener;

    private final Optional<SystemSnapshot> system;

    /**
     * @param clock    names the backup
     * @param listener told how the backup goes
     * @param system   the system snapshot the manifest records, when the caller gave one
     */
    BackupPhase(Clock clock, ProgressListener listener, Optional<SystemSnapshot> system) {
        this.clock = clock;
        this.listener = listener;
        this.system = system;
    }

    /**
     * Loads zstd's native library on a thread of its own, so that the backup taken after the shadow run finds it
     * loaded: extracting and loading it took 8 ms of a 10-step run's 25 ms backup (20-40 ms without the class-data
     * archive). A library that cannot be loaded here says nothing: the backup meets the same problem and reports it.
     */
    static void loadCompressorAhead() {
        Thread load = new Thread(() -> {
            try {
                if (ZstdUtils.isZstdCompressionAvailable()) {
                    com.github.luben.zstd.util.Native.load();
                }
            } catch (LinkageError | RuntimeException e) {
                // the backup's own use of zstd reports it
            }
        }, "verpath-zstd-load");
        load.setDaemon(true);
        load.start();
    }

    /**
     * Begins the backup before the shadow run when the run takes one and streams records: the record files the passes
     * read are then archived as they are read ({@link BackupDraft}), and the backup after the shadow run adds the
     * rest. A draft that cannot be made, or fills the disk, is given up: the backup then meets the problem and says so.
     *
     * @param run    the run
     * @param shadow the shadow run's workspace, whose passes' reads of live files the draft sees
     * @return the draft, which the caller closes ({@link #close}) once the backup is taken or the run stopped
     */
    Optional<BackupDraft> begin(ResolvedRun run, ShadowWorkspace shadow) {
        if (run.dryRun() || !run.backup().take() || !run.runs(RuleKind.DATA) || run.plan().steps().stream()
                .noneMatch(s -> s.rules(RuleKind.DATA).stream().anyMatch(r -> r instanceof RecordRule))) {
            return Optional.empty();
        }
        // nothing is made before a pass reads a live file; the space for the backup was checked with the staging's
        Optional<BackupDraft> draft = store(run).begin();
        draft.ifPresent(shadow::seeLiveReads);
        return draft;
    }

    /** Closes a draft: deletes it unless the backup took it. A folder it cannot delete is an unfinished backup. */
    static void close(Optional<BackupDraft> draft) {
        try {
            if (draft.isPresent()) {
                draft.get().close();
            }
        } catch (IOException e) {
            LOG.warn("could not delete an unfinished backup: {}", e.getMessage());
        }
    }

    /**
     * @param run      the run
     * @param live     the live tree as scanned
     * @param shadow   the shadow run's result
     * @param changes  how many changes the commit would make
     * @param hashes   the run's weight hashes (the manifest records them)
     * @param progress receives a line when the backup starts
     * @param activity receives what is going on, for a timeout message
     * @param draft    the backup begun before the shadow run, when one was
     * @return the backup taken, if any
     * @throws IOException when the backup cannot be written
     */
    Optional<BackupInfo> take(ResolvedRun run, LiveTree live, ShadowWorkspace shadow, int changes, HashCache hashes,
                              Consumer<String> progress, Consumer<String> activity, Optional<BackupDraft> draft)
            throws IOException {
        Preflight.permissions(live, shadow);
        Optional<BackupInfo> backup = Optional.empty();
        if (run.backup().take() && changes > 0) {
            Preflight.space(live, run.backup().folder(), run.keepFree(), run.backup().linkedWeights());
            activity.accept("backing up " + live.files().size() + " file(s)");
            progress.accept("backing up " + live.files().size() + " file(s) to " + run.backup().folder());
            CrashPoints.pause("backup-start");
            backup = Optional.of(store(run).create(live, run.plan().product(), run.files(), run.plan().from(), run.plan().to(), hashes,
                    listener, system, draft));
            backup.get().linkedNote().ifPresent(progress);
        }
        Optional<String> changed = live.changedSinceScan();
        if (changed.isPresent()) {
            throw new EnvironmentFailure(changed.get() + ": changed while the migration read it;"
                    + " the installation is unchanged; stop whatever writes to it and run again");
        }
        return backup;
    }

    /** @return the run's backup store, as its settings make it */
    private BackupStore store(ResolvedRun run) {
        return new BackupStore(run.backup().folder(), clock, run.backup().mode(), run.backup().weights(), run.backup().keys());
    }
}
