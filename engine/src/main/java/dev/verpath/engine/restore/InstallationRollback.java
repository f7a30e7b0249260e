package dev.verpath.engine.restore;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.progress.ProgressPhase;
import dev.verpath.engine.backup.BackupKeys;
import dev.verpath.engine.backup.BackupManifest;
import dev.verpath.engine.files.CommitSection;
import dev.verpath.engine.journal.History;
import dev.verpath.engine.journal.HistoryEntry;
import dev.verpath.engine.journal.Journal;
import dev.verpath.engine.workspace.Installation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Restores one backup over an installation whose lock the caller holds, its phases read in the order they happen:
 * verified ({@link VerifiedBackup}) and staged ({@link StagedBackup}) first, then applied ({@link LiveTreeRestore})
 * under a journal (a crash during the restore leaves it, and the next command restores the same backup again), then
 * recorded in the history. {@code migrate rollback}, the recovery of an interrupted migration and a commit
 * that failed ({@code global.rollback_on_failure}) all restore this way.
 */
public final class InstallationRollback {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InstallationRollback.class);

    /**
     * What was restored.
     *
     * @param backupId the backup's id
     * @param entries  how many entries were restored
     * @param version  the version the installation is at afterwards
     */
    public record Restored(String backupId, int entries, String version) {
    }

    private final Installation installation;
    private final Path store;
    private final Clock clock;
    private final ProgressListener listener;
    private final BackupKeys keys;

    /**
     * @param installation the installation, whose lock the caller holds
     * @param store        the backup store's folder
     * @param clock        the clock for the history
     * @param listener     told how putting the backup's entries back goes ({@link ProgressPhase#RESTORE})
     */
    public InstallationRollback(Installation installation, Path store, Clock clock, ProgressListener listener) {
        this(installation, store, clock, listener, BackupKeys.NONE);
    }

    /**
     * @param installation the installation, whose lock the caller holds
     * @param store        the backup store's folder
     * @param clock        the clock for the history
     * @param listener     told how putting the backup's entries back goes
     * @param keys         the identity an encrypted backup is read with
     */
    public InstallationRollback(Installation installation, Path store, Clock clock, ProgressListener listener,
                                BackupKeys keys) {
        this.keys = keys;
        this.installation = installation;
        this.store = store;
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Restores a backup, in its phases: verify it, stage it, begin the journal, apply it to the live tree, record
     * the history and end the journal.
     *
     * @param backup   the backup folder
     * @param progress receives one line per event
     * @return what was restored
     * @throws IOException when restoring fails (repeating the rollback finishes it)
     */
    public Restored restore(Path backup, Consumer<String> progress) throws IOException {
        Path state = installation.stateFolder();
        progress.accept("verifying backup " + backup.getFileName());
        VerifiedBackup verified = VerifiedBackup.of(backup, installation.root(), keys);
        refuseMixedVersions(verified.manifest());
        // its archive extracted into staging (read once) before anything live is touched
        try (StagedBackup staged = StagedBackup.stage(verified, state.resolve("staging").resolve("rollback"))) {
            BackupManifest manifest = verified.manifest();
            progress.accept("restoring " + manifest.entries().size() + " entries");
            LOG.info("backup {} verified against its manifest; restoring its {} entries ({} {})", manifest.id(),
                    manifest.entries().size(), manifest.product(), manifest.from());
            Instant now = clock.instant();
            String current = installation.version().orElse("?");
            Journal journal = Journal.in(state);
            boolean began = beginJournal(journal, backup, manifest, current, now);
            CommitSection.enter();
            try {
                LiveTreeRestore live = new LiveTreeRestore(staged, listener);
                int restored = apply(live, journal, began);
                live.owners().note("rollback").ifPresent(progress);
                recordHistory(manifest, current, now);
                journal.end();
                LOG.info("restored backup {}: the installation is at {}", manifest.id(), manifest.from());
                return new Restored(manifest.id(), restored, manifest.from());
            } finally {
                CommitSection.exit();
            }
        }
    }

    /**
     * Refuses to put chosen files of one version back into an installation at another: its other files would stay
     * at the other version. A backup of the whole installation carries its {@code VERSION} with it.
     */
    private void refuseMixedVersions(BackupManifest manifest) {
        String current = installation.version().orElse("?");
        if (manifest.partial() && !manifest.from().equals(current)) {
            throw new InputFailure(ErrorCode.USAGE, "backup " + manifest.id() + " holds " + String.join(", ",
                    manifest.scope()) + " as they were at " + manifest.from() + ", and the installation is at " + current
                    + "; putting them back would mix two versions, so nothing was restored; roll back to " + manifest.from()
                    + " first (migrate rollback with the backup of that migration), then restore them");
        }
    }

    /**
     * Begins the rollback's journal, so that a crash during the restore has the next command restore the same
     * backup again; not when a journal is there already (an interrupted migration's, which names this backup) nor
     * for a backup folder outside the store (the user's own, which no journal can name).
     *
     * @return whether this rollback began the journal
     */
    private boolean beginJournal(Journal journal, Path backup, BackupManifest manifest, String current, Instant now)
            throws IOException {
        boolean began = journal.interrupted().isEmpty() && backup.getParent().equals(store);
        if (began) {
            journal.begin(new Journal.Intent(Optional.of(manifest.id()), manifest.product(), current, manifest.from(),
                    now.toString(), manifest.entries().size()));
        }
        return began;
    }

    /** Applies the staged backup; when that fails with the live tree put back, a journal it began is ended. */
    private int apply(LiveTreeRestore live, Journal journal, boolean began) throws IOException {
        try {
            return live.apply(Set.of(store));
        } catch (IOException | RuntimeException e) {
            if (began && live.liveTreeAsBefore()) {
                journal.end(); // put back as it was: nothing for the next command to recover
            }
            throw e;
        }
    }

    private void recordHistory(BackupManifest manifest, String current, Instant now) throws IOException {
        History history = History.in(installation.stateFolder());
        history.append(List.of(new HistoryEntry(history.read().size() + 1, manifest.product(), "rollback", current,
                manifest.from(), new TreeMap<>(), now, Duration.between(now, clock.instant()), "success")));
    }
}
