package dev.verpath.engine;

import dev.verpath.engine.backup.BackupInfo;
import dev.verpath.engine.backup.BackupStore;
import dev.verpath.engine.backup.LinkedFileStats;
import dev.verpath.engine.execute.Preflight;
import dev.verpath.engine.execute.ResolvedRun.BackupDecision;
import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.files.Mount;
import dev.verpath.engine.files.ProductFiles;
import dev.verpath.engine.files.SymbolicLinks;
import dev.verpath.engine.journal.InstallationLock;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.restore.InterruptedMigration;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.workspace.Installation;
import dev.verpath.engine.workspace.LiveTree;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Backups taken by hand, outside any migration ({@code migrate backups create --path DIR [FILE...]}, as the WAN
 * guide's {@code create-rollback}): of the whole installation, or of chosen files and folders. Taken under the
 * installation's lock, in the store and the way a migration's backup is ({@code [backup]} mode, weights, encryption),
 * and restored by {@code migrate rollback}. A backup of chosen files puts back only them, and only into the version
 * it was taken at. Not thread-safe.
 */
public final class ManualBackups {

    private final RuleRegistry registry;
    private final EngineSettings settings;
    private final Clock clock;
    private final ProgressListener listener;

    /**
     * @param registry the loaded rules (which of the product's files are weights)
     * @param settings the effective settings ({@code [backup]})
     * @param clock    names the backup
     * @param listener told how the backup goes
     */
    public ManualBackups(RuleRegistry registry, EngineSettings settings, Clock clock, ProgressListener listener) {
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Takes a backup of the installation, or of the chosen paths in it.
     *
     * @param root     the installation
     * @param chosen   files or folders to back up, relative to the root or absolute inside it; empty for all
     * @param progress receives one line per event
     * @return the backup taken
     */
    public BackupInfo create(Path root, List<String> chosen, Consumer<String> progress) {
        Installation found = Installation.at(root);
        version(found); // refused before the lock file is made
        Path real = SymbolicLinks.followed(found.root().toAbsolutePath().normalize());
        List<String> paths = logical(real, chosen);
        Path folder = found.backupFolder(settings.backupDir());
        try (InstallationLock lock = InstallationLock.acquire(found.stateFolder())) {
            Optional<dev.verpath.engine.journal.Journal.Intent> interrupted = InterruptedMigration.underLock(found, progress);
            if (interrupted.isPresent()) {
                throw InterruptedMigration.refusal(found, interrupted.get());
            }
            // read again under the lock: a migration may have moved it on while this command waited
            Installation now = Installation.at(root);
            String version = version(now);
            LiveTree whole = LiveTree.scan(List.of(new Mount("", real)), Set.of(folder));
            LiveTree live = paths.isEmpty() ? whole : whole.only(paths);
            String product = now.product(Optional.empty());
            ProductFiles files = registry.files(product);
            BackupDecision decision = BackupDecision.of(folder, true, settings, files);
            Preflight.space(live, folder, settings.keepFreeBytes(), decision.linkedWeights());
            progress.accept("backing up " + live.files().size() + " file(s) of " + product + " " + version + " to " + folder);
            BackupInfo backup = new BackupStore(folder, clock, decision.mode(), decision.weights(), decision.keys())
                    .create(live, product, files, version, version, new HashCache(), listener, Optional.empty(), Optional.empty());
            LinkedFileStats.record(backup.folder(), clock.instant());
            backup.linkedNote().ifPresent(progress);
            return backup;
        } catch (IOException e) {
            throw new EnvironmentFailure(folder + ": cannot take the backup (" + e.getMessage() + "); the installation is"
                    + " unchanged; free space or fix the folder's permissions, or choose --backup-dir", e);
        }
    }

    /** @return the installation's version, which the backup records; a usage failure without a VERSION file */
    private static String version(Installation installation) {
        return installation.version().orElseThrow(() -> new InputFailure(ErrorCode.USAGE, installation.root()
                .resolve(Installation.VERSION_FILE) + ": missing; a backup records the version it was taken at, so the"
                + " installation needs its VERSION file"));
    }

    /** The chosen paths as logical paths of the installation: relative to its root, never outside it. */
    private static List<String> logical(Path real, List<String> chosen) {
        List<String> paths = new ArrayList<>();
        for (String given : chosen) {
            Path path = Path.of(given);
            Path inside = path.isAbsolute() ? SymbolicLinks.followed(path.normalize()) : real.resolve(path).normalize();
            if (!inside.startsWith(real) || inside.equals(real)) {
                throw new InputFailure(ErrorCode.USAGE, given + ": not a file or folder inside the installation " + real
                        + "; give paths relative to its root (config/server.toml), or leave them out to back up all of it");
            }
            paths.add(real.relativize(inside).toString());
        }
        return paths;
    }
}
