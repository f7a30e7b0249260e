package dev.verpath.engine;

import dev.verpath.engine.backup.BackupCheck;
import dev.verpath.engine.backup.BackupInfo;
import dev.verpath.engine.backup.BackupKeys;
import dev.verpath.engine.backup.BackupStore;
import dev.verpath.engine.backup.BackupVerifier;
import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.journal.InstallationLock;
import dev.verpath.engine.journal.Journal;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.progress.ProgressMeter;
import dev.verpath.engine.progress.ProgressPhase;
import dev.verpath.engine.settings.BackupRetention;
import dev.verpath.engine.workspace.Installation;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The backups of one installation, as {@code migrate backups list|verify|prune} see them. */
final class InstallationBackups {

    private final Installation installation;
    private final Path folder;
    private final Clock clock;
    private final ProgressListener listener;
    private final BackupKeys keys;

    /**
     * @param installation the installation
     * @param folder       its backup folder
     * @param clock        the clock (what is older than this command's lock)
     * @param keys         the identity an encrypted backup is verified with
     * @param listener     told how verifying goes ({@link ProgressPhase#VERIFYING_BACKUPS}: entries re-read)
     */
    InstallationBackups(Installation installation, Path folder, Clock clock, ProgressListener listener,
                        BackupKeys keys) {
        this.keys = keys;
        this.installation = installation;
        this.folder = folder;
        this.clock = clock;
        this.listener = listener;
    }

    /** @return the backups, oldest first */
    List<BackupInfo> list() {
        try {
            return new BackupStore(folder, clock).list();
        } catch (IOException e) {
            throw new EnvironmentFailure(folder + ": cannot list backups (" + e.getMessage() + ")", e);
        }
    }

    /** @return one check per backup, oldest first: each entry re-read against its manifest */
    List<BackupCheck> verify() {
        List<BackupCheck> checks = new ArrayList<>();
        List<BackupInfo> backups = list();
        long total = backups.stream().mapToLong(BackupInfo::entries).sum();
        try (ProgressMeter meter = ProgressMeter.start(listener, ProgressPhase.VERIFYING_BACKUPS, total)) {
            for (BackupInfo backup : backups) {
                try {
                    BackupVerifier.verify(backup.folder(), installation.root(), keys);
                    checks.add(new BackupCheck(backup, Optional.empty()));
                } catch (MigrationException e) {
                    checks.add(new BackupCheck(backup, Optional.of(e.getMessage())));
                }
                meter.add(backup.entries());
            }
        }
        return List.copyOf(checks);
    }

    /**
     * Deletes all but the newest {@code keep} backups (never the one an interrupted migration's journal needs),
     * and unfinished backups (no manifest) older than this command's lock, under the installation lock.
     *
     * @param keep     how many backups to keep
     * @param progress told of each unfinished backup removed
     * @return the backups deleted, oldest first
     */
    List<BackupInfo> prune(int keep, Consumer<String> progress) {
        return prune(keep, Duration.ZERO, Optional.empty(), progress);
    }

    /**
     * Deletes the backups that are neither among the newest {@code keep} nor younger than {@code maxAge} (zero: age
     * protects none), never {@code own} nor the one an interrupted migration's journal needs, and unfinished backups
     * older than this command's lock, under the installation lock.
     *
     * @param keep     how many backups to keep
     * @param maxAge   backups younger than this are kept too; zero keeps none for its age
     * @param own      a backup never deleted (the one the run that prunes has just taken)
     * @param progress told of each unfinished backup removed
     * @return the backups deleted, oldest first
     */
    List<BackupInfo> prune(int keep, Duration maxAge, Optional<String> own, Consumer<String> progress) {
        try (InstallationLock lock = InstallationLock.acquire(installation.stateFolder())) {
            Optional<String> needed = Journal.in(installation.stateFolder()).interrupted().flatMap(Journal.Intent::backupId);
            Instant cutoff = clock.instant().minus(maxAge);
            List<BackupInfo> all = list();
            List<BackupInfo> removed = new ArrayList<>();
            for (BackupInfo backup : all.subList(0, Math.max(0, all.size() - Math.max(keep, 0)))) {
                boolean young = !maxAge.isZero() && !backup.created().isBefore(cutoff);
                if (young || needed.equals(Optional.of(backup.id())) || own.equals(Optional.of(backup.id()))) {
                    continue;
                }
                BackupStore.delete(backup.folder());
                removed.add(backup);
            }
            removeUnfinished(progress);
            return List.copyOf(removed);
        } catch (IOException e) {
            throw new EnvironmentFailure(folder + ": cannot prune backups (" + e.getMessage() + "); run it again", e);
        }
    }

    /**
     * Under the lock no run of this installation is writing a backup: one without a manifest that predates the
     * lock is left by a process that died (or a full disk); another installation sharing {@code --backup-dir} may
     * be writing one now, so only those older than this lock go, or those whose writer is named and gone.
     */
    private void removeUnfinished(Consumer<String> progress) throws IOException {
        long lockTaken = clock.millis() - 1_000;
        for (Path unfinished : new BackupStore(folder, clock).unfinished()) {
            if (BackupStore.writerGone(unfinished) || Files.getLastModifiedTime(unfinished).toMillis() < lockTaken) {
                AtomicFiles.deleteTree(unfinished);
                progress.accept("removed the unfinished backup " + unfinished.getFileName() + " (its run never finished it)");
            }
        }
    }

    /**
     * After a successful run, deletes the backups {@code [backup]} retention no longer keeps (never the run's own, nor
     * one a journal needs). A prune that fails does not fail the run, which has completed: the notice says so.
     *
     * @param retention the retention settings
     * @param own       the run's own backup, when it took one
     * @param progress  told of each backup pruned
     * @param notices   told when the prune failed
     */
    void autoPrune(BackupRetention retention, Optional<String> own, Consumer<String> progress, Consumer<String> notices) {
        if (!retention.auto()) {
            return;
        }
        try {
            prune(retention.keepLast(), retention.maxAge(), own, progress).forEach(b ->
                    progress.accept("pruned backup " + b.id() + " (" + b.from() + " -> " + b.to() + "): not among the newest "
                            + retention.keepLast() + " and older than " + retention.keepDays() + " days ([backup] auto_prune)"));
        } catch (MigrationException e) {
            notices.accept("the migration completed, but pruning old backups failed (" + e.getMessage()
                    + "); run 'migrate backups prune --path " + installation.root() + "' later");
        }
    }
}
