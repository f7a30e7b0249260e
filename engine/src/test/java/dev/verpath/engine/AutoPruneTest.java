package dev.verpath.engine;


import dev.verpath.engine.backup.BackupInfo;
import dev.verpath.engine.execute.ToyRulesAccess;
import dev.verpath.engine.journal.Journal;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.settings.SettingsLoader;
import dev.verpath.engine.workspace.Installation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code [backup] auto_prune}: after each successful run, the backups retention no longer keeps are deleted. */
class AutoPruneTest {

    @TempDir
    Path root;

    private final List<String> progress = new ArrayList<>();

    private MigrationEngine engine(Map<String, String> settings) {
        return MigrationEngine.create(RuleRegistry.ofBuiltIns(new ToyRulesAccess().ruleSet()),
                new SettingsLoader(Map.of()).load(Optional.empty(), settings));
    }

    private void migrate(MigrationEngine engine, String version) {
        engine.migrate(new RunRequest(Scope.VERSION, root, Optional.empty(), Optional.empty(), Optional.of(version),
                false, false, true, false), progress::add);
    }

    private void install() throws IOException {
        Files.writeString(root.resolve("VERSION"), "toy 0.1.0\n");
        Files.writeString(root.resolve("app.conf"), "name = demo\n");
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("data/a.jsonl"), "{\"id\":1}\n");
    }

    private List<String> ids(MigrationEngine engine) {
        return engine.backups(root).stream().map(BackupInfo::id).toList();
    }

    @Test
    void aSuccessfulRunDeletesWhatRetentionNoLongerKeepsButItsOwnBackup() throws IOException {
        install();
        MigrationEngine engine = engine(Map.of("backup.keep_last", "1", "backup.keep_days", "0"));
        migrate(engine, "1.0.0");
        String first = ids(engine).get(0);

        migrate(engine, "2.0.0");

        List<String> left = ids(engine);
        assertThat(left).hasSize(1).doesNotContain(first);
        assertThat(progress).anyMatch(l -> l.startsWith("pruned backup " + first + " ") && l.contains("auto_prune"));
    }

    @Test
    void theDefaultsKeepEveryRecentBackup() throws IOException {
        install();
        MigrationEngine engine = engine(Map.of("backup.keep_last", "1"));

        migrate(engine, "1.0.0");
        migrate(engine, "2.0.0");

        assertThat(ids(engine)).hasSize(2);
    }

    @Test
    void autoPruneOffDeletesNothing() throws IOException {
        install();
        MigrationEngine engine = engine(Map.of("backup.keep_last", "1", "backup.keep_days", "0", "backup.auto_prune", "false"));

        migrate(engine, "1.0.0");
        migrate(engine, "2.0.0");

        assertThat(ids(engine)).hasSize(2);
    }

    @Test
    void pruneKeepsTheOwnBackupAndTheOneAJournalNeeds() throws IOException {
        install();
        MigrationEngine engine = engine(Map.of("backup.auto_prune", "false"));
        migrate(engine, "1.0.0");
        migrate(engine, "2.0.0");
        List<String> made = ids(engine);
        Installation installation = Installation.at(root);
        Journal.in(installation.stateFolder()).begin(new Journal.Intent(Optional.of(made.get(0)), "toy", "0.1.0", "1.0.0",
                "2026-01-01T00:00:00Z", 1));

        List<BackupInfo> removed = new InstallationBackups(installation, installation.backupFolder(Optional.empty()),
                Clock.systemUTC(), ProgressListener.NONE, dev.verpath.engine.backup.BackupKeys.NONE).prune(0, Duration.ZERO, Optional.of(made.get(1)), line -> { });

        assertThat(removed).isEmpty();
        assertThat(ids(engine)).containsExactlyElementsOf(made);
    }
}
