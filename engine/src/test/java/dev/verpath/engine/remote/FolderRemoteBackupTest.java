package dev.verpath.engine.remote;

import dev.verpath.engine.backup.BackupVerifier;
import dev.verpath.engine.backup.ToyBackup;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.rules.MigrationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backups pushed to and pulled from a folder (a mounted share): pushed, listed, pulled and restored byte for byte;
 * a copy cut off keeps its part and the next push appends only the rest; weights are not copied twice; a damaged
 * object is refused on pull.
 */
class FolderRemoteBackupTest {

    @TempDir
    Path work;

    @Test
    void pushesListsPullsAndRestoresEveryByte() throws Exception {
        ToyBackup toy = RemoteFixture.toy(work.resolve("inst"));
        toy.rollback();
        Map<String, String> before = toy.signature();
        Path share = work.resolve("share");
        try (BackupRemote remote = RemoteFixture.folder(share)) {
            remote.push(toy.backup);
            String id = toy.backup.getFileName().toString();
            assertThat(share.resolve("toy").resolve(id).resolve("manifest.json")).isRegularFile();
            assertThat(share.resolve(RemoteFixture.bigWeightKey(toy.root))).hasSize(RemoteFixture.WEIGHT_BYTES);
            assertThat(remote.list(Optional.empty())).extracting(RemoteBackup::id).containsExactly(id);

            Path pulled = remote.pull(Optional.of(id), Optional.empty(), work.resolve("store"));
            BackupVerifier.verify(pulled, toy.root);
            RemoteFixture.secondBackup(toy);
            toy.engine.rollback(toy.root, Optional.empty(), Optional.of(pulled), line -> { });
            assertThat(toy.signature()).isEqualTo(before);
        }
    }

    @Test
    void aCopyCutOffKeepsItsPartAndTheNextPushAppendsTheRest() throws Exception {
        ToyBackup toy = RemoteFixture.toy(work.resolve("inst"));
        Path share = work.resolve("share");
        RemoteUrl url = RemoteUrl.parse(share.toString());
        try (BackupRemote cut = new BackupRemote(RemoteFixture.cutAfter(new FolderRemote(share, RemoteFixture.PART), 2),
                url, ProgressListener.NONE)) {
            assertThatThrownBy(() -> cut.push(toy.backup)).hasMessageContaining("cut off after 2 parts");
        }
        String key = RemoteFixture.bigWeightKey(toy.root);
        assertThat(share.resolve(key + FolderRemote.PART)).hasSize(2L * RemoteFixture.PART);
        assertThat(share.resolve(key)).doesNotExist();

        AtomicLong sent = new AtomicLong();
        FolderRemote folder = new FolderRemote(share, RemoteFixture.PART);
        folder.upload(key, toy.root.resolve("models/m2/big.safetensors"), key.substring("weights/".length()), sent::addAndGet);
        assertThat(sent.get()).as("only the bytes after the part").isEqualTo(RemoteFixture.WEIGHT_BYTES - 2L * RemoteFixture.PART);
        assertThat(share.resolve(key + FolderRemote.PART)).doesNotExist();
        try (BackupRemote remote = RemoteFixture.folder(share)) {
            BackupPush.Pushed pushed = remote.push(toy.backup);
            assertThat(pushed.kept()).as("both weights there").isEqualTo(2);
            BackupVerifier.verify(remote.pull(Optional.empty(), Optional.empty(), work.resolve("store")), toy.root);
        }
    }

    @Test
    void aDamagedObjectIsRefusedOnPull() throws Exception {
        ToyBackup toy = RemoteFixture.toy(work.resolve("inst"));
        Path share = work.resolve("share");
        try (BackupRemote remote = RemoteFixture.folder(share)) {
            remote.push(toy.backup);
            Path archive = share.resolve("toy").resolve(toy.backup.getFileName().toString()).resolve("files.tar.zst");
            byte[] bytes = Files.readAllBytes(archive);
            bytes[bytes.length / 2] ^= 0x40;
            Files.write(archive, bytes);
            assertThatThrownBy(() -> remote.pull(Optional.empty(), Optional.empty(), work.resolve("store")))
                    .isInstanceOf(MigrationException.class)
                    .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.BACKUP_CORRUPT))
                    .hasMessageStartingWith(archive + ": has SHA-256 ");
            assertThat(work.resolve("store").resolve(toy.backup.getFileName().toString())).doesNotExist();
        }
    }
}
