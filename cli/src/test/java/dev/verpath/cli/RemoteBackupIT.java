package dev.verpath.cli;

import dev.verpath.testsupport.S3Server;
import dev.verpath.testsupport.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user guide's story through the real launcher: an installation whose backups are encrypted ([backup]
 * encrypt_to) and pushed after every run ([backup] remote) is migrated; on a second, empty folder, a rollback with
 * --from and --identity pulls that backup, verifies it and restores the installation as it was before the
 * migration. Through a real S3-compatible server (s3proxy in-process, credentials and endpoint given to the
 * subprocess as AWS_* variables, as the SDK's default chain reads them) and through a folder (a mounted share),
 * where a damaged object is refused on pull with one line and exit 5.
 */
class RemoteBackupIT {

    @TempDir
    Path work;

    private Path inst;
    private TestKeys keys;
    private SortedMap<String, String> before;

    private void migrate(String remote, Map<String, String> env) throws Exception {
        inst = Files.createDirectories(work.resolve("inst"));
        DemoInstallation.write(inst);
        before = TreeSignature.of(inst);
        keys = TestKeys.generate(work, "ops", "correct horse");
        Files.writeString(work.resolve("migration_config.toml"), "[backup]\nencrypt_to = '" + keys.publicKey() + "'\n"
                + "remote = '" + remote + "'\nremote_path_style = true\n");
        CommandRun run = Launcher.run(work, env, "version", "--path", inst.toString(), "--to", "2.1.0", "--yes");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out() + run.err()).contains("pushed backup ").contains(" to " + remote);
    }

    private String pushedId(Map<String, String> env) {
        CommandRun listed = Launcher.run(work, env, "--json", "backups", "list", "--path", inst.toString(), "--remote");
        assertThat(listed.exit()).as(listed.err()).isZero();
        JsonSchemas.assertConforms(listed, "backups-list");
        assertThat(listed.json().path("backups")).hasSize(1);
        return listed.json().at("/backups/0/id").asText();
    }

    @Test
    void anEncryptedBackupPushedToS3IsRestoredOnASecondEmptyFolder() throws Exception {
        try (S3Server server = S3Server.start(work.resolve("s3"), "backups")) {
            Map<String, String> env = new HashMap<>(server.environment());
            String remote = "s3://backups/site-a";
            migrate(remote, env);
            String id = pushedId(env);
            CommandRun again = Launcher.run(work, env, "backups", "push", "--path", inst.toString());
            assertThat(again.out()).contains("backup " + id + " is on " + remote + " already; nothing sent");

            Path fresh = work.resolve("fresh");
            env.put("MIGRATE_BACKUP_PASSPHRASE", "correct horse");
            CommandRun restored = Launcher.run(work, env, "rollback", "--path", fresh.toString(), "--backup-id", id,
                    "--from", remote, "--identity", keys.secretKey().toString(), "--yes");

            assertThat(restored.exit()).as(restored.err()).isZero();
            assertThat(restored.out()).contains("restored backup " + id);
            assertThat(TreeSignature.of(fresh)).isEqualTo(before);
        }
    }

    @Test
    void throughAFolderRemoteAPullThenARollbackRestoresAndADamagedObjectIsRefused() throws Exception {
        Path share = work.resolve("share");
        migrate(share.toString(), Map.of());
        String id = pushedId(Map.of());
        Path archive;
        try (var products = Files.list(share)) {
            archive = products.filter(p -> !p.getFileName().toString().equals("weights")).findFirst().orElseThrow()
                    .resolve(id).resolve("files.tar.zst.pgp");
        }
        byte[] good = Files.readAllBytes(archive);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x01;
        Files.write(archive, bad);
        Path fresh = work.resolve("fresh");

        CommandRun refused = Launcher.run(work, "backups", "pull", "--path", fresh.toString(), "--from", share.toString());

        assertThat(refused.exit()).isEqualTo(5);
        assertThat(refused.errLines()).filteredOn(l -> l.startsWith("migrate:")).singleElement().asString().startsWith("migrate: " + archive + ": has SHA-256 ")
                .contains("the remote copy is damaged, nothing was pulled or restored");
        assertThat(TreeSignature.of(fresh)).isEmpty();

        Files.write(archive, good);
        CommandRun pulled = Launcher.run(work, "backups", "pull", "--path", fresh.toString(), "--from", share.toString());
        assertThat(pulled.exit()).as(pulled.err()).isZero();
        CommandRun restored = Launcher.run(work, Map.of("MIGRATE_BACKUP_IDENTITY", keys.secretKey().toString(),
                "MIGRATE_BACKUP_PASSPHRASE", "correct horse"), "rollback", "--path", fresh.toString(), "--backup-id", id, "--yes");
        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(TreeSignature.of(fresh)).isEqualTo(before);
    }

    @Test
    void aPushKilledHalfWayResumesWithoutSendingItsPartsAgain() throws Exception {
        inst = Files.createDirectories(work.resolve("inst"));
        DemoInstallation.write(inst);
        byte[] weight = new byte[5 * (16 << 20) + 1000]; // five parts of the 16 MiB a push sends at a time
        new java.util.Random(31).nextBytes(weight);
        Files.write(inst.resolve("models/mistral-7b/pytorch_model.bin"), weight);
        CommandRun migrated = Launcher.run(work, "version", "--path", inst.toString(), "--to", "2.1.0", "--yes");
        assertThat(migrated.exit()).as(migrated.err()).isZero();
        try (S3Server server = S3Server.start(work.resolve("s3"), "backups")) {
            Map<String, String> env = new HashMap<>(server.environment());
            Files.writeString(work.resolve("migration_config.toml"), "[backup]\nremote_path_style = true\n");
            server.delayParts(700);
            Process push = Launcher.start(work, env, work.resolve("push.log"), "backups", "push", "--path", inst.toString(),
                    "--to", "s3://backups/killed");
            long deadline = System.currentTimeMillis() + 120_000;
            while (server.calls("uploadMultipartPart") < 2 && push.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            push.destroyForcibly().waitFor(); // SIGKILL: the launcher execs the JVM
            server.delayParts(0);
            Thread.sleep(2_000); // a part whose request was under way when the client died is stored or dropped by now
            int before = server.calls("uploadMultipartPart");
            assertThat(before).as("killed half-way: %s", Files.readString(work.resolve("push.log"))).isBetween(2, 5);
            server.resetCounts();

            CommandRun resumed = Launcher.run(work, env, "backups", "push", "--path", inst.toString(), "--to",
                    "s3://backups/killed");

            assertThat(resumed.exit()).as(resumed.err()).isZero();
            assertThat(server.calls("initiateMultipartUpload")).as("the killed upload was continued").isZero();
            assertThat(server.calls("uploadMultipartPart")).as("only the parts not stored before the kill")
                    .isEqualTo(5 + 1 - before);
            Path fresh = work.resolve("fresh");
            CommandRun restored = Launcher.run(work, env, "rollback", "--path", fresh.toString(), "--from",
                    "s3://backups/killed", "--yes");
            assertThat(restored.exit()).as(restored.err()).isZero();
            assertThat(fresh.resolve("models/mistral-7b/pytorch_model.bin")).hasBinaryContent(weight);
        }
    }
}
