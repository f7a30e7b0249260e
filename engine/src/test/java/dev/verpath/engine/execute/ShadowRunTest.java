package dev.verpath.engine.execute;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.model.FileChange;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShadowRunTest {

    @TempDir
    Path root;

    private final MigrationEngine engine = MigrationEngine.create(RuleRegistry.ofBuiltIns(new ToyRules()), EngineSettings.defaults());

    private void install() throws IOException {
        Files.writeString(root.resolve("VERSION"), "toy 0.1.0\n");
        Files.writeString(root.resolve("app.conf"), "name = demo\n");
        Files.createDirectories(root.resolve("data/sub"));
        Files.writeString(root.resolve("data/a.jsonl"), "{\"id\":1}\n\n{\"id\":2,\"x\":\"é\"}\n");
        Files.writeString(root.resolve("data/sub/b.jsonl"), "{\"id\":3}\n");
        Files.createDirectories(root.resolve("models/m1"));
        Files.write(root.resolve("models/m1/w.safetensors"), new byte[] {1, 2, 3});
        Files.setPosixFilePermissions(root.resolve("app.conf"), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(root.resolve("notes.txt"), "mine\n");
    }

    private RunRequest request(boolean dryRun) {
        return new RunRequest(Scope.VERSION, root, Optional.empty(), Optional.empty(), Optional.of("2.0.0"), dryRun, false, true, false);
    }

    private Map<String, String> signature() throws IOException {
        Map<String, String> sig = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> !p.startsWith(root.resolve(".migrate"))).toList()) {
                String rel = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    sig.put(rel, "link " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p)) {
                    sig.put(rel, HashCache.hash(p) + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
                } else {
                    sig.put(rel, "dir");
                }
            }
        }
        return sig;
    }

    @Test
    void migratesEveryKindAndRecordsHistory() throws IOException {
        install();
        RunResult result = engine.migrate(request(false), line -> { });

        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("toy 2.0.0\n");
        assertThat(Files.readString(root.resolve("app.conf"))).isEqualTo("name = demo\nupgraded to 1.0.0\nupgraded to 2.0.0\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("app.conf")))).isEqualTo("rw-------");
        assertThat(Files.readString(root.resolve("data/a.jsonl"))).isEqualTo("{\"id\":1,\"v\":\"2.0.0\"}\n\n{\"id\":2,\"x\":\"é\",\"v\":\"2.0.0\"}\n");
        assertThat(Files.readSymbolicLink(root.resolve("models/m1"))).isEqualTo(Path.of("v2/m1"));
        assertThat(Files.readAllBytes(root.resolve("models/v2/m1/w.safetensors"))).containsExactly(1, 2, 3);
        assertThat(result.backupId()).isPresent();
        assertThat(result.changes()).extracting(FileChange::path).contains("app.conf", "models/v2/m1/w.safetensors", "VERSION");
        assertThat(engine.status(root).history()).hasSize(2);
        assertThat(engine.status(root).version()).contains("2.0.0");
        assertThat(root.resolve(".migrate/staging")).isEmptyDirectory();
    }

    @Test
    void dryRunWritesNothingAndShowsDiffs() throws IOException {
        install();
        Map<String, String> before = signature();

        RunResult result = engine.migrate(request(true), line -> { });

        assertThat(signature()).isEqualTo(before);
        assertThat(root.resolve(".migrate")).doesNotExist();
        FileChange config = result.changes().stream().filter(c -> c.path().equals("app.conf")).findFirst().orElseThrow();
        assertThat(config.diff().orElseThrow()).contains("+upgraded to 2.0.0");
    }

    @Test
    void aFailingRuleLeavesEveryByteAndNamesFileLineAndRule() throws IOException {
        install();
        Files.writeString(root.resolve("app.conf"), "fail = yes\n");
        Map<String, String> before = signature();

        assertThatThrownBy(() -> engine.migrate(request(false), line -> { }))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("app.conf:1: the config asks to fail (rule toy.1.0.0.config)");

        assertThat(signature()).isEqualTo(before);
    }

    @Test
    void aBrokenRecordLineFailsNamingFileAndLine() throws IOException {
        install();
        Files.writeString(root.resolve("data/sub/b.jsonl"), "{\"id\":3}\n[1,2]\n");
        Map<String, String> before = signature();

        assertThatThrownBy(() -> engine.migrate(request(false), line -> { }))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("data/sub/b.jsonl:2:");

        assertThat(signature()).isEqualTo(before);
    }

    @Test
    void aHistoryThatCannotBeWrittenAfterTheCommitAsksForRecoveryInsteadOfClaimingNothingChanged() throws IOException {
        install();
        Files.createDirectories(root.resolve(".migrate/history.jsonl/blocked"));

        assertThatThrownBy(() -> engine.migrate(request(false), line -> { }))
                .isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.RECOVERY_NEEDED))
                .hasMessageContaining("the changes were applied, but")
                .hasMessageContaining("migrate rollback --path " + root)
                .hasMessageNotContaining("unchanged");
        assertThat(engine.status(root).interrupted()).isPresent();
    }

    @Test
    void aRuleThatHangsPastTheTimeoutFailsAndLeavesEveryByte() throws IOException {
        install();
        Files.writeString(root.resolve("app.conf"), "hang = yes\n");
        Map<String, String> before = signature();
        MigrationEngine limited = MigrationEngine.create(RuleRegistry.ofBuiltIns(new ToyRules()),
                new dev.verpath.engine.settings.SettingsLoader(Map.of()).load(Optional.empty(), Map.of("global.timeout_seconds", "1")));
        long started = System.nanoTime();

        assertThatThrownBy(() -> limited.migrate(request(false), line -> { }))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("timeout_seconds (1 s)")
                .hasMessageContaining("step 1/2");

        assertThat(System.nanoTime() - started).isLessThan(20_000_000_000L);
        assertThat(signature()).isEqualTo(before);
    }

    @Test
    void aRuleThatIgnoresTheTimeoutIsWaitedForSoNothingOfTheRunWritesAfterItReturns() throws Exception {
        install();
        Files.writeString(root.resolve("app.conf"), "stubborn = yes\n");
        Map<String, String> before = signature();
        MigrationEngine limited = MigrationEngine.create(RuleRegistry.ofBuiltIns(new ToyRules()),
                new dev.verpath.engine.settings.SettingsLoader(Map.of()).load(Optional.empty(), Map.of("global.timeout_seconds", "1")));

        assertThatThrownBy(() -> limited.migrate(request(false), line -> { }))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("timeout_seconds (1 s)");
        Thread.sleep(4_000); // past the moment the stubborn rule writes

        Path staging = root.resolve(".migrate/staging");
        if (Files.exists(staging)) {
            try (var files = Files.walk(staging)) {
                assertThat(files.filter(Files::isRegularFile).toList()).as("written after the run returned").isEmpty();
            }
        }
        assertThat(signature()).isEqualTo(before);
    }

    @Test
    void configScopeMigratesOneFileOutsideAnyInstallation(@TempDir Path elsewhere) throws IOException {
        Path file = elsewhere.resolve("my.conf");
        Files.writeString(file, "name = x\n");

        engine.migrate(new RunRequest(Scope.CONFIG, file, Optional.of("toy"), Optional.of("0.1.0"), Optional.of("2.0.0"),
                false, false, true, false), line -> { });

        assertThat(Files.readString(file)).isEqualTo("name = x\nupgraded to 1.0.0\nupgraded to 2.0.0\n");
        assertThat(engine.status(elsewhere).interrupted()).isEmpty();
        engine.rollback(elsewhere, Optional.empty(), Optional.empty(), line -> { });
        assertThat(Files.readString(file)).isEqualTo("name = x\n");
    }

    @Test
    void rollbackRestoresBytesModesAndLinks() throws IOException {
        install();
        Map<String, String> before = signature();
        engine.migrate(request(false), line -> { });
        assertThat(signature()).isNotEqualTo(before);

        engine.rollback(root, Optional.empty(), Optional.empty(), line -> { });

        assertThat(signature()).isEqualTo(before);
        assertThat(Files.isDirectory(root.resolve("models/m1"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(engine.status(root).version()).contains("0.1.0");
    }
}
