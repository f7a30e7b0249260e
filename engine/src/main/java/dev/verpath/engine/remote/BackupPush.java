package dev.verpath.engine.remote;

import dev.verpath.engine.backup.BackupArchive;
import dev.verpath.engine.backup.BackupManifest;
import dev.verpath.engine.backup.BackupStore;
import dev.verpath.engine.failure.BackupCorruptFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.files.RelativePath;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.progress.ProgressMeter;
import dev.verpath.engine.progress.ProgressPhase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Pushes one finished backup to a remote, in the order that keeps a half-pushed backup unlisted: its archive, the
 * weight files the remote does not hold yet ({@code weights/<sha256>}: a weight pushed by an earlier backup is not
 * sent again), its index, and its manifest last. Every object is read back and checked against its SHA-256 once
 * sent; a file of the local backup whose bytes are no longer those its manifest records is refused before it is sent.
 */
public final class BackupPush {

    /**
     * What a push did.
     *
     * @param backupId the backup
     * @param sent     the objects sent
     * @param kept     the weight objects the remote held already (not sent)
     * @param bytes    the bytes sent
     * @param already  whether the remote held the whole backup already (nothing sent)
     */
    public record Pushed(String backupId, int sent, int kept, long bytes, boolean already) {
    }

    private final RemoteStore store;
    private final RemoteUrl url;
    private final ProgressListener listener;

    BackupPush(RemoteStore store, RemoteUrl url, ProgressListener listener) {
        this.store = store;
        this.url = url;
        this.listener = listener;
    }

    /**
     * @param backup a finished backup folder
     * @return what was sent
     * @throws IOException when the remote fails (pushing again resumes where this stopped)
     */
    Pushed push(Path backup) throws IOException {
        BackupManifest manifest = BackupStore.read(backup);
        byte[] manifestBytes = Files.readAllBytes(backup.resolve(BackupManifest.FILE));
        String manifestKey = RemoteLayout.backupObject(manifest.product(), manifest.id(), RemoteLayout.MANIFEST);
        if (store.size(manifestKey).isPresent()) {
            refuseOther(manifest, manifestKey);
            return new Pushed(manifest.id(), 0, 0, 0, true);
        }
        Map<String, Path> weights = weights(backup, manifest);
        Optional<Path> archive = BackupArchive.NAMES.stream().map(backup::resolve).filter(Files::isRegularFile).findFirst();
        long total = archive.isPresent() ? Files.size(archive.get()) : 0;
        for (Path w : weights.values()) {
            total += Files.size(w);
        }
        int sent = 0;
        int kept = 0;
        long bytes = 0;
        try (ProgressMeter meter = ProgressMeter.start(listener, ProgressPhase.PUSHING, total)) {
            Optional<RemoteLayout.Archive> index = Optional.empty();
            if (archive.isPresent()) {
                Path file = archive.get();
                index = Optional.of(new RemoteLayout.Archive(file.getFileName().toString(), Files.size(file), HashCache.hash(file)));
                send(RemoteLayout.backupObject(manifest.product(), manifest.id(), index.get().name()), file, index.get().sha256(), meter);
                sent++;
                bytes += index.get().size();
            }
            for (Map.Entry<String, Path> w : weights.entrySet()) {
                String key = RemoteLayout.weight(w.getKey());
                long size = Files.size(w.getValue());
                if (store.size(key).equals(Optional.of(size))) {
                    kept++;
                    meter.add(size);
                    continue;
                }
                send(key, w.getValue(), w.getKey(), meter);
                sent++;
                bytes += size;
            }
            putChecked(RemoteLayout.backupObject(manifest.product(), manifest.id(), RemoteLayout.INDEX), RemoteLayout.index(index));
            putChecked(manifestKey, manifestBytes);
        }
        return new Pushed(manifest.id(), sent + 2, kept, bytes, false);
    }

    /** The files kept outside the archive, by SHA-256, each checked against the manifest before it is sent. */
    private static Map<String, Path> weights(Path backup, BackupManifest manifest) throws IOException {
        Map<String, Path> weights = new LinkedHashMap<>();
        for (BackupManifest.Entry e : manifest.entries()) {
            if (!e.type().equals("file") || e.stored().equals("archive") || e.sha256().isEmpty()
                    || weights.containsKey(e.sha256().get())) {
                continue;
            }
            Path file = backup.resolve("files").resolve(RelativePath.check(e.path()));
            if (!Files.isRegularFile(file) || !HashCache.hash(file).equals(e.sha256().get())) {
                throw new BackupCorruptFailure(file + ": its bytes are not those the backup's manifest records (changed"
                        + " in place, or damaged), so the backup " + manifest.id() + " was not pushed; run"
                        + " 'migrate backups verify' and push another backup", file);
            }
            weights.put(e.sha256().get(), file);
        }
        return weights;
    }

    private void send(String key, Path file, String sha256, ProgressMeter meter) throws IOException {
        store.upload(key, file, sha256, meter::add);
        String there = store.sha256(key);
        if (!there.equals(sha256)) {
            store.delete(key);
            throw new IOException(url.where(key) + ": read back with SHA-256 " + there + ", not " + sha256
                    + " as sent; removed it");
        }
    }

    private void putChecked(String key, byte[] bytes) throws IOException {
        store.put(key, bytes);
        if (!java.util.Arrays.equals(store.read(key), bytes)) {
            throw new IOException(url.where(key) + ": read back differs from what was written");
        }
    }

    /** The remote holds a backup of this id: the same one (nothing to do) or another installation's (refused). */
    private void refuseOther(BackupManifest local, String manifestKey) throws IOException {
        BackupManifest there = BackupManifest.parse(store.read(manifestKey));
        boolean same = there.created().equals(local.created()) && there.entries().size() == local.entries().size()
                && java.util.stream.IntStream.range(0, local.entries().size()).allMatch(i ->
                there.entries().get(i).path().equals(local.entries().get(i).path())
                        && there.entries().get(i).sha256().equals(local.entries().get(i).sha256()));
        if (!same) {
            throw new InputFailure(ErrorCode.USAGE, url.where(manifestKey) + ": holds another backup with the id "
                    + local.id() + " (another installation pushing to the same place?); give each installation a"
                    + " remote of its own (another prefix or folder)");
        }
    }
}
