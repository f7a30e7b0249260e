package dev.verpath.engine.backup;

import dev.verpath.engine.files.Mount;
import dev.verpath.engine.model.SystemSnapshot;
import dev.verpath.engine.settings.EffectiveSetting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The backup manifest records the system it was taken on; a manifest written before that still reads. */
class ManifestSystemTest {

    private static final String OLDER = """
            {"id":"20240101T000000Z","created":"2024-01-01T00:00:00Z","product":"toy","from":"0.1.0","to":"2.0.0",
             "mounts":[{"logical":"","real":"/srv/toy"}],
             "entries":[{"path":"app.conf","type":"file","mode":"rw-------","mtime":1,"size":3,"sha256":"ab",
                         "stored":"archive"}]}
            """;

    @Test
    void theSystemSnapshotIsWrittenAndReadBackWithSecretsHidden() throws IOException {
        SystemSnapshot system = SystemSnapshot.of("0.1.0", "2.1.0", List.of(new SystemSnapshot.Plugin("wan", "1.0.0",
                "ab".repeat(32))), List.of(new EffectiveSetting("backup.keep_last", "3", "default"),
                new EffectiveSetting("flags.HF_TOKEN", "hf_secret", "environment HF_TOKEN")));
        BackupManifest manifest = new BackupManifest("b1", Instant.parse("2026-01-01T00:00:00Z"), "toy", "0.1.0", "2.0.0",
                List.of(new Mount("", Path.of("/srv/toy"))), List.of(), Optional.of(system));

        String json = new String(manifest.toJson(), StandardCharsets.UTF_8);
        BackupManifest read = BackupManifest.parse(manifest.toJson());

        assertThat(json).contains("\"system\"", "\"sha256\" : \"" + "ab".repeat(32), "\"java\"", "\"os\"")
                .doesNotContain("hf_secret");
        assertThat(read.system()).contains(system);
        assertThat(read.system().orElseThrow().settings()).extracting(EffectiveSetting::value).containsExactly("3", "***");
    }

    @Test
    void aManifestWithoutASystemSnapshotStillReads() throws IOException {
        BackupManifest manifest = BackupManifest.parse(OLDER.getBytes(StandardCharsets.UTF_8));

        assertThat(manifest.system()).isEmpty();
        assertThat(manifest.entries()).hasSize(1);
        assertThat(new String(manifest.toJson(), StandardCharsets.UTF_8)).doesNotContain("system");
    }
}
