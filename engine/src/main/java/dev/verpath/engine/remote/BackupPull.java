package dev.verpath.engine.remote;

import dev.verpath.engine.backup.BackupManifest;
import dev.verpath.engine.failure.BackupCorruptFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.files.RelativePath;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.progress.ProgressMeter;
import dev.verpath.engine.progress.ProgressPhase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lists the complete backups of a remote and fetches one into a backup store, treating the remote as hostile: each
 * object is checked against the SHA-256 its manifest (a weight) or its index (the archive) records before the
 * manifest is written, last, so a pull cut off or refused leaves no backup that lists; a damaged object is one
 * {@link BackupCorruptFailure} naming it, and the folder pulled so far is removed.
 */
public final class BackupPull {

    private final RemoteStore store;
    private final RemoteUrl url;
    private final ProgressListener listener;

    BackupPull(RemoteStore store, RemoteUrl url, ProgressListener listener) {
        this.store = store;
        this.url = url;
        this.listener = listener;
    }

    /**
     * @param product only this product's backups, when given
     * @return the remote's complete backups, oldest first
     * @throws IOException when the remote cannot be listed or a manifest read
     */
    List<RemoteBackup> list(Optional<String> product) throws IOException {
        List<RemoteBackup> out = new ArrayList<>();
        for (String key : store.keys(product.map(p -> p + "/").orElse(""))) {
            Optional<String[]> named = RemoteLayout.manifestKey(key);
            if (named.isPresent()) {
                BackupManifest m = BackupManifest.parse(store.read(key));
                out.add(new RemoteBackup(m.id(), m.created(), m.product(), m.from(), m.to(), m.entries().size(),
                        url.where(key)));
            }
        }
        out.sort(java.util.Comparator.comparing(RemoteBackup::created).thenComparing(RemoteBackup::id));
        return List.copyOf(out);
    }

    /**
     * Fetches a backup into a store, unless the store has it already.
     *
     * @param backup      the remote backup
     * @param storeFolder the backup store's folder
     * @return the local backup folder
     * @throws IOException when the remote or the store fails (pulling again starts over)
     */
    Path pull(RemoteBackup backup, Path storeFolder) throws IOException {
        Path target = storeFolder.resolve(RelativePath.check(backup.id()));
        if (Files.isRegularFile(target.resolve(BackupManifest.FILE))) {
            return target;
        }
        AtomicFiles.deleteTree(target); // a pull cut off before: its files are fetched again
        String manifestKey = RemoteLayout.backupObject(backup.product(), backup.id(), RemoteLayout.MANIFEST);
        byte[] manifestBytes = store.read(manifestKey);
        BackupManifest manifest = BackupManifest.parse(manifestBytes);
        if (!manifest.id().equals(backup.id())) {
            throw damaged(manifestKey, "names the backup " + manifest.id(), target);
        }
        Optional<RemoteLayout.Archive> archive = RemoteLayout.archive(store.read(
                RemoteLayout.backupObject(backup.product(), backup.id(), RemoteLayout.INDEX)));
        Files.createDirectories(target.resolve("files"));
        try (ProgressMeter meter = ProgressMeter.start(listener, ProgressPhase.PULLING, total(manifest, archive))) {
            if (archive.isPresent()) {
                fetch(RemoteLayout.backupObject(backup.product(), backup.id(), archive.get().name()),
                        target.resolve(archive.get().name()), archive.get().sha256(), target, meter);
            }
            fetchWeights(manifest, target, meter);
        }
        AtomicFiles.writePrivate(target.resolve(BackupManifest.FILE), manifestBytes);
        return target;
    }

    private void fetchWeights(BackupManifest manifest, Path target, ProgressMeter meter) throws IOException {
        Map<String, Path> fetched = new HashMap<>();
        for (BackupManifest.Entry e : manifest.entries()) {
            if (!e.type().equals("file") || e.stored().equals("archive") || e.sha256().isEmpty()) {
                continue;
            }
            Path file = target.resolve("files").resolve(RelativePath.check(e.path()));
            Files.createDirectories(file.getParent());
            Path earlier = fetched.get(e.sha256().get());
            if (earlier != null) {
                Files.copy(earlier, file, StandardCopyOption.REPLACE_EXISTING);
                continue;
            }
            fetch(RemoteLayout.weight(e.sha256().get()), file, e.sha256().get(), target, meter);
            fetched.put(e.sha256().get(), file);
        }
    }

    private void fetch(String key, Path file, String sha256, Path target, ProgressMeter meter) throws IOException {
        try (InputStream in = meter.counting(store.open(key))) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        String got = HashCache.hash(file);
        if (!got.equals(sha256)) {
            throw damaged(key, "has SHA-256 " + got + ", not " + sha256 + " as its backup records", target);
        }
    }

    private BackupCorruptFailure damaged(String key, String what, Path target) throws IOException {
        AtomicFiles.deleteTree(target);
        return new BackupCorruptFailure(url.where(key) + ": " + what + "; the remote copy is damaged, nothing was"
                + " pulled or restored; choose another backup with --backup-id", target);
    }

    private static long total(BackupManifest manifest, Optional<RemoteLayout.Archive> archive) {
        return archive.map(RemoteLayout.Archive::size).orElse(0L) + manifest.entries().stream()
                .filter(e -> e.type().equals("file") && !e.stored().equals("archive")).mapToLong(BackupManifest.Entry::size).sum();
    }

    /**
     * @param backups the remote's backups
     * @param id      the id asked for, when one was
     * @return the one with that id, else the newest
     */
    static RemoteBackup choose(List<RemoteBackup> backups, Optional<String> id, RemoteUrl url) {
        if (backups.isEmpty()) {
            throw new InputFailure(ErrorCode.USAGE, url.text() + ": holds no complete backup; push one first with"
                    + " 'migrate backups push'");
        }
        if (id.isEmpty()) {
            return backups.get(backups.size() - 1);
        }
        List<RemoteBackup> found = backups.stream().filter(b -> b.id().equals(id.get())).toList();
        if (found.size() != 1) {
            throw new InputFailure(ErrorCode.USAGE, url.text() + ": " + (found.isEmpty() ? "no backup" : "more than one"
                    + " backup (of different products)") + " with id '" + id.get() + "'; the backups there are "
                    + String.join(", ", backups.stream().map(b -> b.product() + "/" + b.id()).toList())
                    + " (see 'migrate backups list --remote')");
        }
        return found.get(0);
    }
}
