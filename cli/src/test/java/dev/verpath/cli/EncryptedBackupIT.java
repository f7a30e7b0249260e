package dev.verpath.cli;

import dev.verpath.testsupport.HostProgram;
import dev.verpath.testsupport.TestKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Encrypted backups through the real launcher: [backup] encrypt_to makes the archive an OpenPGP message; a rollback
 * without the identity is one line and exit 5 with nothing restored; with the identity (and its passphrase in the
 * environment) every byte comes back; and gpg, where it is installed, decrypts the archive without Verpath.
 */
class EncryptedBackupIT {

    @TempDir
    Path work;

    private Path inst;
    private TestKeys keys;
    private SortedMap<String, String> before;

    @BeforeEach
    void migrateWithAnEncryptedBackup() throws Exception {
        inst = Files.createDirectories(work.resolve("inst"));
        DemoInstallation.write(inst);
        before = TreeSignature.of(inst);
        keys = TestKeys.generate(work, "ops", "correct horse");
        Files.writeString(work.resolve("migration_config.toml"), "[backup]\nencrypt_to = '" + keys.publicKey() + "'\n");
        CommandRun run = Launcher.run(work, "version", "--path", inst.toString(), "--to", "2.1.0");
        assertThat(run.exit()).as(run.err()).isZero();
    }

    private Path archive() throws IOException {
        try (var backups = Files.list(inst.resolve(".migrate/backups"))) {
            return backups.filter(Files::isDirectory).findFirst().orElseThrow().resolve("files.tar.zst.pgp");
        }
    }

    @Test
    void withoutTheIdentityNothingIsRestoredAndWithItEveryByteIs() throws IOException {
        assertThat(archive()).isRegularFile();
        SortedMap<String, String> migrated = TreeSignature.of(inst);

        CommandRun refused = Launcher.run(work, "rollback", "--path", inst.toString(), "--yes");

        assertThat(refused.exit()).isEqualTo(5);
        assertThat(refused.errLines()).last().asString()
                .contains("the backup is encrypted; give the identity to read it with --identity FILE");
        assertThat(TreeSignature.of(inst)).isEqualTo(migrated);

        Map<String, String> env = new HashMap<>(Map.of("MIGRATE_BACKUP_IDENTITY", keys.secretKey().toString(),
                "MIGRATE_BACKUP_PASSPHRASE", "correct horse"));
        CommandRun listed = Launcher.run(work, "--json", "backups", "list", "--path", inst.toString());
        assertThat(listed.json().at("/backups/0/encrypted").asBoolean()).isTrue();
        JsonSchemas.assertConforms(listed, "backups-list");
        CommandRun verified = Launcher.run(work, env, "backups", "verify", "--path", inst.toString());
        CommandRun restored = Launcher.run(work, env, "rollback", "--path", inst.toString(), "--yes");

        assertThat(verified.exit()).as(verified.err()).isZero();
        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(TreeSignature.of(inst)).isEqualTo(before);
    }

    @Test
    void gpgDecryptsTheArchiveWithoutVerpath() throws IOException {
        assumeTrue(HostProgram.run("sh", "-c", "command -v gpg").exit() == 0,
                "gpg is not installed: the archive is not decrypted with the standard tool here");
        Path home = Files.createDirectories(work.resolve("gnupg"));
        home.toFile().setReadable(false, false);
        home.toFile().setReadable(true, true);
        home.toFile().setExecutable(true, true);
        String gpg = "gpg --homedir '" + home + "' --batch --pinentry-mode loopback --passphrase 'correct horse' ";
        assertThat(HostProgram.run("sh", "-c", gpg + "--import '" + keys.secretKey() + "'").exit()).isZero();
        Path plain = work.resolve("files.tar.zst");

        HostProgram decrypted = HostProgram.run("sh", "-c", gpg + "--output '" + plain + "' --decrypt '" + archive()
                + "'");

        assertThat(decrypted.exit()).as(decrypted.output()).isZero();
        boolean found = false;
        try (InputStream in = new ZstdCompressorInputStream(Files.newInputStream(plain));
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (e.getName().equals("config/server.toml")) {
                    found = new String(tar.readAllBytes(), StandardCharsets.UTF_8).contains("max_batch");
                }
            }
        }
        assertThat(found).as("the 0.1.0 config/server.toml, as it was before the migration").isTrue();
    }
}
