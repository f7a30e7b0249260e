package dev.verpath.engine.backup;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.execute.ToyRulesAccess;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.SettingsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class BackupMaintenanceTest {

    @TempDir
    Path root;

    private final MigrationEngine engine = MigrationEngine.create(RuleRegistry.ofBuiltIns(new ToyRulesAccess().ruleSet()),
            new SettingsLoader(Map.of()).load(Optional.empty(), Map.of("backup.keep_last", "1")));

    private void migrateTo(String version) {
        engine.migrate(new RunRequest(Scope.VERSION, root, Optional.empty(), Optional.empty(), Optional.of(version),
                false, false, true, false), line -> { });
    }

    private void install() throws IOException {
        Files.writeString(root.resolve("VERSION"), "toy 0.1.0\n");
        Files.writeString(root.resolve("app.conf"), "name = demo\n");
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("data/a.jsonl"), "{\"id\":1}\n");
    }

    @Test
    void pruneKeepsTheNewestAndVerifyChecksEach() throws IOException {
        install();
        migrateTo("1.0.0");
        migrateTo("2.0.0");
        List<BackupInfo> all = engine.backups(root);
        assertThat(all).hasSize(2);
        assertThat(engine.verifyBackups(root)).allMatch(BackupCheck::ok);

        List<BackupInfo> removed = engine.pruneBackups(root, line -> { });

        assertThat(removed).extracting(BackupInfo::id).containsExactly(all.get(0).id());
        assertThat(engine.backups(root)).extracting(BackupInfo::id).containsExactly(all.get(1).id());
        assertThat(all.get(0).folder()).doesNotExist();
    }

    @Test
    void verifyReportsTheDamagedBackupByFile() throws IOException {
        install();
        migrateTo("1.0.0");
        BackupInfo backup = engine.backups(root).get(0);
        Files.delete(backup.folder().resolve(BackupArchive.ZSTD));

        List<BackupCheck> checks = engine.verifyBackups(root);

        assertThat(checks).hasSize(1);
        assertThat(checks.get(0).problem()).hasValueSatisfying(p -> assertThat(p).contains("files.tar.zst").contains("missing"));
    }
}
