package dev.verpath.engine.remote;

import dev.verpath.engine.backup.BackupManifest;
import dev.verpath.engine.backup.BackupVerifier;
import dev.verpath.engine.backup.ToyBackup;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.rules.MigrationException;
import dev.verpath.testsupport.S3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backups pushed to and pulled from a real S3-compatible server (s3proxy, in-process on 127.0.0.1, its objects in a
 * temporary folder) through the AWS SDK: a toy installation whose weight takes three parts is pushed, listed, pulled
 * into another store and restored byte for byte; an upload cut off after two parts is resumed without sending them
 * again; a second backup of the same weights sends none of them; an object damaged on the server is refused on pull.
 */
class S3RemoteBackupTest {

    @TempDir
    static Path serverFolder;

    private static S3Server server;

    @TempDir
    Path work;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3Server.start(serverFolder, "backups");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void pushesListsPullsAndRestoresEveryByte() throws Exception {
        ToyBackup toy = RemoteFixture.toy(work.resolve("inst"));
        Map<String, String> migrated = toy.signature();
        toy.rollback();
        Map<String, String> before = toy.signature();
        try (BackupRemote remote = RemoteFixture.s3(server, "site/a")) {
            BackupPush.Pushed pushed = remote.push(toy.backup);
            assertThat(pushed.already()).isFalse();
            assertThat(server.calls("uploadMultipartPart")).isGreaterThanOrEqualTo(3);

            List<RemoteBackup> listed = remote.list(Optional.empty());
            assertThat(listed).extracting(RemoteBackup::id).containsExactly(toy.backup.getFileName().toString());
            assertThat(listed.get(0).where()).isEqualTo("s3://backups/site/a/toy/" + listed.get(0).id() + "/manifest.json");

            Path pulled = remote.pull(Optional.empty(), Optional.of("toy"), work.resolve("store"));
            assertThat(Files.readAllBytes(pulled.resolve(BackupManifest.FILE)))
                    .isEqualTo(Files.readAllBytes(toy.backup.resolve(BackupManifest.FILE)));
            BackupVerifier.verify(pulled, toy.root);

            toy.engine.migrate(new dev.verpath.engine.model.RunRequest(dev.verpath.engine.model.Scope.VERSION, toy.root,
                    Optional.empty(), Optional.empty(), Optional.of("2.0.0"), false, false, true, false), line -> { });
            assertThat(toy.signature()).isEqualTo(migrated);
            toy.engine.rollback(toy.root, Optional.empty(), Optional.of(pulled), line -> { });
            assertThat(toy.signature()).isEqualTo(before);
        }
    }

    @Test
    void anUploadCutOffIsResumedWithoutSendingItsPartsAgain() throws Exception {
        ToyBackup toy = RemoteFixture.toy(work.resolve("inst"));
        RemoteUrl url = RemoteUrl.parse("s3://backups/site/cut");
        S3Client client = RemoteFixture.client(server);
        try (BackupRemote cut = new BackupRemote(RemoteFixture.cutAfter(new S3Remote(client, url, RemoteFixture.PART), 2),
                url, ProgressListener.NONE)) {
            assertThatThrownBy(() -> cut.push(toy.backup)).hasMessageContaining("cut off after 2 parts");
        }
        try (BackupRemote remote = RemoteFixture.s3(server, "site/cut")) {
            assertThat(remote.list(Optional.empty())).as("no manifest: not listed").isEmpty();
            server.resetCounts();
            remote.push(toy.backup);
            assertThat(server.calls("uploadMultipartPart")).as("the part missing, not the two sent").isEqualTo(1);
            assertThat(server.calls("initiateMultipartUpload")).as("the cut-off upload was continued").isZero();
            assertThat(remote.list(Optional.empty())).hasSize(1);
            Path pulled = remote.pull(Optional.empty(), Optional.empty(), work.resolve("store"));
            BackupVerifier.verify(pulled, toy.root);
        }
    }

    @Test
    void aSecondBackupOfTheSameWeightsSendsNoneOfThem() throws Exception {
        ToyBackup toy = RemoteFixture.toy(work.resolve("inst"));
        try (BackupRemote remote = RemoteFixture.s3(server, "site/twice")) {
            remote.push(toy.backup);
            Path second = RemoteFixture.secondBackup(toy);
            assertThat(second).isNotEqualTo(toy.backup);
            server.resetCounts();
            BackupPush.Pushed pushed = remote.push(second);
            assertThat(pushed.kept()).as("both weights were there").isEqualTo(2);
            assertThat(server.calls("uploadMultipartPart") + server.calls("initiateMultipartUpload")).isZero();
            assertThat(server.calls("putBlob")).as("its archive, index and manifest only").isEqualTo(3);
            assertThat(remote.list(Optional.empty())).hasSize(2);
            assertThat(remote.push(second).already()).isTrue();
        }
    }

    @Test
    void anObjectDamagedOnTheServerIsRefusedOnPullAndNothingIsLeft() throws Exception {
        ToyBackup toy = RemoteFixture.toy(work.resolve("inst"));
        try (BackupRemote remote = RemoteFixture.s3(server, "site/damaged"); S3Client client = RemoteFixture.client(server)) {
            remote.push(toy.backup);
            String key = RemoteFixture.bigWeightKey(toy.root);
            byte[] garbage = new byte[RemoteFixture.WEIGHT_BYTES];
            client.putObject(b -> b.bucket("backups").key("site/damaged/" + key), RequestBody.fromBytes(garbage));

            Path store = work.resolve("store");
            assertThatThrownBy(() -> remote.pull(Optional.empty(), Optional.empty(), store))
                    .isInstanceOf(MigrationException.class)
                    .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.BACKUP_CORRUPT))
                    .hasMessageStartingWith("s3://backups/site/damaged/" + key + ": has SHA-256 ")
                    .hasMessageContaining("the remote copy is damaged, nothing was pulled or restored");
            try (var left = Files.list(store)) {
                assertThat(left).as("no backup, not even an unfinished one").isEmpty();
            }
        }
    }
}
