package dev.verpath.engine.backup;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.testsupport.TestKeys;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.settings.SettingsLoader;
import dev.verpath.rules.MigrationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Encrypted backups, with real OpenPGP keys and real files: the archive is an OpenPGP message to the recipient (no
 * plain byte of a secret in it, the weights still linked), a rollback with the identity restores every byte, and one
 * without it, or with another key, is refused as a corrupt backup (exit 5) before anything is restored.
 */
class EncryptedBackupTest {

    private static final String SECRET = "api_key = \"sk-live-123456789\"\n";

    @TempDir
    Path work;

    private static EngineSettings settings(Map<String, String> values) {
        return new SettingsLoader(Map.of()).load(Optional.empty(), values);
    }

    private ToyBackup encrypted(TestKeys keys) throws Exception {
        return ToyBackup.migrated(work.resolve("inst"), settings(Map.of("backup.encrypt_to", keys.publicKey().toString())),
                Map.of("secrets.conf", SECRET.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theArchiveIsAnOpenPgpMessageAndTheIdentityRestoresEveryByte() throws Exception {
        TestKeys keys = TestKeys.generate(work, "ops", "");
        ToyBackup toy = ToyBackup.migrated(work.resolve("plain"), EngineSettings.defaults(), Map.of());
        Map<String, String> plainBefore = toy.signature();
        ToyBackup enc = encrypted(keys);

        assertThat(enc.backup.resolve("files.tar.zst.pgp")).isRegularFile();
        assertThat(enc.backup.resolve("files.tar.zst")).doesNotExist();
        byte[] archive = Files.readAllBytes(enc.backup.resolve("files.tar.zst.pgp"));
        assertThat(new String(archive, StandardCharsets.ISO_8859_1)).doesNotContain("sk-live-123456789")
                .doesNotContain("secrets.conf");
        assertThat(archive[0] & 0x80).as("an OpenPGP packet").isNotZero();

        EngineSettings reading = settings(Map.of("backup.identity", keys.secretKey().toString()));
        dev.verpath.engine.MigrationEngine engine = dev.verpath.engine.MigrationEngine.create(enc.engine.registry(),
                reading);
        assertThat(engine.verifyBackups(enc.root)).allSatisfy(c -> assertThat(c.problem()).isEmpty());
        engine.rollback(enc.root, Optional.empty(), Optional.empty(), line -> { });
        assertThat(Files.readString(enc.root.resolve("secrets.conf"))).isEqualTo(SECRET);
        assertThat(Files.readString(enc.root.resolve("VERSION"))).isEqualTo("toy 0.1.0\n");
        assertThat(plainBefore).isNotEmpty();
    }

    @Test
    void withoutTheIdentityOrWithAnotherKeyNothingIsRestored() throws Exception {
        TestKeys keys = TestKeys.generate(work, "ops", "");
        TestKeys other = TestKeys.generate(work, "someone-else", "");
        ToyBackup enc = encrypted(keys);
        Map<String, String> migrated = enc.signature();

        assertThatThrownBy(enc::rollback).isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.BACKUP_CORRUPT))
                .hasMessageContaining("the backup is encrypted; give the identity to read it with --identity FILE");
        assertThat(enc.signature()).isEqualTo(migrated);

        dev.verpath.engine.MigrationEngine wrong = dev.verpath.engine.MigrationEngine.create(enc.engine.registry(),
                settings(Map.of("backup.identity", other.secretKey().toString())));
        assertThatThrownBy(() -> wrong.rollback(enc.root, Optional.empty(), Optional.empty(), line -> { }))
                .isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.BACKUP_CORRUPT))
                .hasMessageContaining("encrypted to another key than " + other.secretKey());
        assertThat(enc.signature()).isEqualTo(migrated);
    }

    @Test
    void anEncryptedArchiveWithOneByteChangedIsRefusedAndNothingIsRestored() throws Exception {
        TestKeys keys = TestKeys.generate(work, "ops", "");
        ToyBackup enc = encrypted(keys);
        Map<String, String> migrated = enc.signature();
        Path archive = enc.backup.resolve("files.tar.zst.pgp");
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length - 30] ^= 0x01;
        Files.write(archive, bytes);
        dev.verpath.engine.MigrationEngine engine = dev.verpath.engine.MigrationEngine.create(enc.engine.registry(),
                settings(Map.of("backup.identity", keys.secretKey().toString())));

        assertThatThrownBy(() -> engine.rollback(enc.root, Optional.empty(), Optional.empty(), line -> { }))
                .isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.BACKUP_CORRUPT));
        assertThat(enc.signature()).isEqualTo(migrated);
    }

    @Test
    void aRecipientFileThatHoldsNoKeyIsRefusedNamingIt() throws Exception {
        Path bogus = Files.writeString(work.resolve("not-a-key.asc"), "hello\n");

        assertThatThrownBy(() -> ToyBackup.migrated(work.resolve("inst"), settings(Map.of("backup.encrypt_to",
                bogus.toString())), Map.of())).isInstanceOf(MigrationException.class)
                .hasMessageContaining(bogus + ": [backup] encrypt_to names it, but it");
    }
}
