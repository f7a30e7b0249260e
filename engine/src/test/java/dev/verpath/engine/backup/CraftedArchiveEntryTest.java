package dev.verpath.engine.backup;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Archive entries Verpath never writes (hard links, devices), and bad input quoted in messages: refused with
 * BACKUP_CORRUPT before anything is touched, and quoted as a short, escaped excerpt.
 */
class CraftedArchiveEntryTest {

    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @TempDir
    Path root;

    private ToyBackup toy;

    @BeforeEach
    void migrateOnce() throws IOException {
        toy = ToyBackup.migrated(root);
    }

    /** Rewrites the archive with app.conf as the given entry (size 0) and the manifest edited to agree. */
    private void replaceAppConfWith(TarArchiveEntry crafted) throws IOException {
        Map<String, byte[]> entries = toy.archiveEntries();
        toy.rewriteArchive(tar -> {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                if (e.getKey().equals("app.conf")) {
                    tar.putArchiveEntry(crafted);
                    tar.closeArchiveEntry();
                } else {
                    ToyBackup.putFile(tar, e.getKey(), e.getValue());
                }
            }
        });
        toy.editEntry("app.conf", e -> e.put("size", 0).put("sha256", EMPTY_SHA256));
    }

    private MigrationException refusedUntouched() throws IOException {
        Map<String, String> before = toy.signature();
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(toy::rollback);
        assertThat(thrown).isInstanceOf(MigrationException.class);
        MigrationException refusal = (MigrationException) thrown;
        assertThat(ErrorCode.of(refusal)).as(refusal.getMessage()).isEqualTo(ErrorCode.BACKUP_CORRUPT);
        assertThat(toy.signature()).isEqualTo(before);
        assertThat(root.resolve(".migrate/staging/rollback")).doesNotExist();
        assertThat(refusal.getMessage()).doesNotContain("\n").doesNotContain("Exception");
        return refusal;
    }

    @Test
    void refusesAHardLinkEntry() throws IOException {
        TarArchiveEntry link = new TarArchiveEntry("app.conf", TarConstants.LF_LINK);
        link.setLinkName("VERSION");
        replaceAppConfWith(link);

        assertThat(refusedUntouched().getMessage()).contains("files.tar.zst").contains("app.conf")
                .contains("hard link").contains("choose another backup");
    }

    @Test
    void refusesACharacterDeviceEntry() throws IOException {
        TarArchiveEntry device = new TarArchiveEntry("app.conf", TarConstants.LF_CHR);
        device.setDevMajor(1);
        device.setDevMinor(3);
        replaceAppConfWith(device);

        assertThat(refusedUntouched().getMessage()).contains("app.conf").contains("character device");
    }

    @Test
    void aPaxHeaderOf300000DigitsIsQuotedAsAShortExcerpt() throws IOException {
        String digits = "9".repeat(300_000);
        String record = " mtime=" + digits + "\n";
        String withLength = (record.length() + 6) + record;
        byte[] pax = withLength.getBytes(StandardCharsets.US_ASCII);
        Map<String, byte[]> entries = toy.archiveEntries();
        toy.rewriteArchive(tar -> {
            TarArchiveEntry header = new TarArchiveEntry("PaxHeaders/app.conf", TarConstants.LF_PAX_EXTENDED_HEADER_LC);
            header.setSize(pax.length);
            tar.putArchiveEntry(header);
            tar.write(pax);
            tar.closeArchiveEntry();
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ToyBackup.putFile(tar, e.getKey(), e.getValue());
            }
        });

        String message = refusedUntouched().getMessage();
        assertThat(message).contains("files.tar.zst").contains("...").doesNotContain("9".repeat(61));
        assertThat(message.length()).isLessThan(400);
    }

    @Test
    void anEntryNameIsQuotedShortAndEscaped() throws IOException {
        String name = "evil\u001b[2J\nname-" + "x".repeat(5000);
        toy.rewriteArchive(tar -> ToyBackup.putFile(tar, name, new byte[] {1}));

        String message = refusedUntouched().getMessage();
        assertThat(message).contains("does not list").contains("evil\\u001b[2J\\nname-xxx").contains("...")
                .doesNotContain("\u001b").doesNotContain("x".repeat(61));
    }

    @Test
    void aManifestThatIsNotJsonIsNamedInOneLineWithoutParserInternals() throws IOException {
        Files.writeString(toy.backup.resolve(BackupManifest.FILE), "{\"id\": \"" + "y".repeat(2000) + "\n\u0007");

        String message = refusedUntouched().getMessage();
        assertThat(message).contains("manifest.json").contains("not a readable backup manifest")
                .doesNotContain("y".repeat(61)).doesNotContain("Source").doesNotContain("\u0007");
    }
}
