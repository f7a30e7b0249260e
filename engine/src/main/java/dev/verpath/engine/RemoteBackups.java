package dev.verpath.engine;

import dev.verpath.engine.backup.BackupInfo;
import dev.verpath.engine.backup.BackupManifest;
import dev.verpath.engine.backup.BackupStore;
import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.journal.InstallationLock;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.remote.BackupPush;
import dev.verpath.engine.remote.BackupRemote;
import dev.verpath.engine.remote.RemoteBackup;
import dev.verpath.engine.remote.RemoteUrl;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.workspace.Installation;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An installation's backups off the machine ({@code migrate backups push|pull}, {@code backups list --remote},
 * {@code rollback --from}, and the push after each successful run that {@code [backup] remote} asks for). Each
 * push or pull holds the installation's lock, so no prune deletes the backup it reads or writes. Not thread-safe.
 */
public final class RemoteBackups {

    /** The setting of the remote pushed to after each successful run. */
    public static final String REMOTE = "backup.remote";

    private final EngineSettings settings;
    private final ProgressListener listener;

    /**
     * @param settings the effective settings ({@code [backup] remote}, {@code remote_path_style}, {@code dir})
     * @param listener told how a push or pull goes
     */
    public RemoteBackups(EngineSettings settings, ProgressListener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    /** @return {@code [backup] remote}, when it is set */
    public Optional<RemoteUrl> configured() {
        return settings.value(REMOTE).filter(v -> !v.isBlank()).map(RemoteUrl::parse);
    }

    /**
     * @param given the URL of an option ({@code --to}, {@code --from}), when one was given
     * @param flag  the option's name, for the refusal
     * @return the remote given, else {@code [backup] remote}
     */
    public RemoteUrl remote(Optional<String> given, String flag) {
        return given.map(RemoteUrl::parse).or(this::configured).orElseThrow(() -> new InputFailure(ErrorCode.USAGE,
                "no remote: give " + flag + " URL (s3://BUCKET/PREFIX or a folder), or set [backup] remote"));
    }

    /**
     * Pushes one of the installation's backups (the one named, else the newest).
     *
     * @param root     the installation
     * @param backupId the backup, when named
     * @param url      the remote
     * @return what was sent
     */
    public BackupPush.Pushed push(Path root, Optional<String> backupId, RemoteUrl url) {
        Installation installation = Installation.at(root);
        Path storeFolder = installation.backupFolder(settings.backupDir());
        try (InstallationLock lock = InstallationLock.acquire(installation.stateFolder());
             BackupRemote remote = open(url)) {
            List<BackupInfo> all = new BackupStore(storeFolder, Clock.systemUTC()).list();
            BackupInfo chosen = (backupId.isPresent() ? all.stream().filter(b -> b.id().equals(backupId.get())).findFirst()
                    : all.stream().reduce((a, b) -> b)).orElseThrow(() -> new InputFailure(ErrorCode.USAGE, storeFolder + ": "
                    + backupId.map(id -> "no backup with id '" + id + "'").orElse("no backup to push")
                    + " (see 'migrate backups list --path " + installation.root() + "')"));
            return remote.push(chosen.folder());
        } catch (IOException e) {
            throw new EnvironmentFailure(storeFolder + ": cannot list backups (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Pulls a backup (the one named, else the newest) into the installation's backup store; a folder that does not
     * exist yet is created (a restore on a second, empty folder starts here).
     *
     * @param root     the installation, or an empty folder to restore into
     * @param url      the remote
     * @param backupId the backup, when named
     * @return the local backup folder
     */
    public Path pull(Path root, RemoteUrl url, Optional<String> backupId) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new EnvironmentFailure(root + ": cannot create the folder (" + e.getMessage() + ")", e);
        }
        Installation installation = Installation.at(root);
        try (InstallationLock lock = InstallationLock.acquire(installation.stateFolder());
             BackupRemote remote = open(url)) {
            return remote.pull(backupId, product(installation), installation.backupFolder(settings.backupDir()));
        }
    }

    /**
     * @param root the installation, when one is given (only its product's backups are listed)
     * @param url  the remote
     * @return the remote's complete backups, oldest first
     */
    public List<RemoteBackup> list(Optional<Path> root, RemoteUrl url) {
        try (BackupRemote remote = open(url)) {
            return remote.list(root.filter(Files::isDirectory).map(Installation::at).flatMap(RemoteBackups::product));
        }
    }

    /**
     * Before a rollback: pulls the backup named when the installation's store does not have it and a remote is given
     * or set, or the remote's newest when a remote is given and no backup named.
     *
     * @param root     the installation, or the empty (or new) folder to restore into
     * @param backupId the backup named, when one was
     * @param from     the remote given ({@code --from}), when one was
     * @param progress told when a backup is pulled
     * @return the backup to restore: the one pulled, else the one named
     */
    public Optional<String> pullForRollback(Path root, Optional<String> backupId, Optional<String> from,
                                            Consumer<String> progress) {
        Optional<RemoteUrl> url = from.map(RemoteUrl::parse).or(() -> backupId.isPresent() ? configured() : Optional.empty());
        if (url.isEmpty() || backupId.isPresent() && Files.isDirectory(root) && Files.isRegularFile(Installation.at(root)
                .backupFolder(settings.backupDir()).resolve(backupId.get()).resolve(BackupManifest.FILE))) {
            return backupId;
        }
        progress.accept("pulling backup " + backupId.orElse("(the newest)") + " from " + url.get().text());
        return Optional.of(pull(root, url.get(), backupId).getFileName().toString());
    }

    /**
     * After a successful run that took a backup, pushes it to {@code [backup] remote}; a push that fails does not
     * fail the run, which has completed: the notice says what to run.
     *
     * @param installation the installation
     * @param backupId     the run's backup, when it took one
     * @param progress     told of the push
     * @param notices      told when the push failed
     */
    void autoPush(Installation installation, Optional<String> backupId, Consumer<String> progress, Consumer<String> notices) {
        Optional<RemoteUrl> url;
        try {
            url = configured();
        } catch (MigrationException e) {
            notices.accept("the migration completed, but [backup] remote is not a remote (" + e.getMessage() + ")");
            return;
        }
        if (url.isEmpty() || backupId.isEmpty()) {
            return;
        }
        try {
            BackupPush.Pushed pushed = push(installation.root(), backupId, url.get());
            progress.accept("pushed backup " + pushed.backupId() + " to " + url.get().text() + " (" + pushed.sent()
                    + " objects sent, " + pushed.kept() + " weights already there)");
        } catch (MigrationException e) {
            notices.accept("the migration completed, but pushing its backup " + backupId.get() + " to "
                    + url.get().text() + " failed (" + e.getMessage() + "); run 'migrate backups push --path "
                    + installation.root() + " --backup-id " + backupId.get() + "' later");
        }
    }

    private BackupRemote open(RemoteUrl url) {
        return BackupRemote.open(url, settings.value("backup.remote_path_style").orElse("false").equals("true"), listener);
    }

    private static Optional<String> product(Installation installation) {
        return installation.productKnown() ? Optional.of(installation.product()) : Optional.empty();
    }
}
