package dev.verpath.builtin;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.files.CrashPoints;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EngineSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Crashes a full 0.1.0 -> 2.1.0 migration at every write point in turn, recovers, and checks that the
 * installation is byte for byte as before or as after, never mixed, with no temporary file left behind.
 */
class CrashRecoveryTest {

    @TempDir
    Path temp;

    private final MigrationEngine engine = MigrationEngine.create(RuleRegistry.ofBuiltIns(new ServeRuleSet()), EngineSettings.defaults());

    @AfterEach
    void disarm() {
        CrashPoints.disarm();
    }

    private static Path install(Path root) throws IOException {
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve("VERSION"), "0.1.0\n");
        Files.writeString(root.resolve("config/server.toml"),
                "host = \"0.0.0.0\"\nport = 8080\nmodel_dir = \"models\"\nmax_batch = 8\nlog_level = \"info\"\n");
        Files.createDirectories(root.resolve("data/2023"));
        Files.writeString(root.resolve("data/requests.jsonl"),
                "{\"id\":\"req-1\",\"model\":\"m\",\"ts\":1700000000.5,\"latency_ms\":250,\"prompt_tokens\":12,"
                        + "\"completion_tokens\":30,\"api_key\":\"sk-abc\"}\n\n{\"id\":\"req-2\",\"ts\":1700000001}\n");
        Files.writeString(root.resolve("data/2023/old.jsonl"), "{\"id\":\"req-0\",\"ts\":1600000000,\"note\":\"é\"}\n");
        for (String model : new String[] {"alpha", "beta"}) {
            Files.createDirectories(root.resolve("models/" + model));
            Files.write(root.resolve("models/" + model + "/model.safetensors"), (model + " weights").getBytes());
            Files.writeString(root.resolve("models/" + model + "/config.json"), "{\"hidden\":8}\n");
        }
        Files.setPosixFilePermissions(root.resolve("config/server.toml"), PosixFilePermissions.fromString("rw-r-----"));
        Files.writeString(root.resolve("README.txt"), "operator notes\n");
        return root;
    }

    private void migrate(Path root) {
        engine.migrate(new RunRequest(Scope.VERSION, root, Optional.empty(), Optional.empty(), Optional.of("2.1.0"),
                false, false, true, false), line -> { });
    }

    private static Map<String, String> signature(Path root) throws IOException {
        Map<String, String> sig = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> !p.startsWith(root.resolve(".migrate")) && !p.equals(root)).toList()) {
                String rel = root.relativize(p).toString();
                String mode = Files.isSymbolicLink(p) ? "" : PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                if (Files.isSymbolicLink(p)) {
                    sig.put(rel, "link " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p)) {
                    sig.put(rel, HashCache.hash(p) + " " + mode);
                } else {
                    sig.put(rel, "dir " + mode);
                }
            }
        }
        return sig;
    }

    private static boolean crashes(Runnable run) {
        try {
            run.run();
            return false;
        } catch (CrashPoints.SimulatedCrash crash) {
            return true;
        }
    }

    @Test
    void everyWritePointRecoversToBeforeOrAfter() throws IOException {
        Map<String, String> before = signature(install(temp.resolve("before")));
        Path counted = install(temp.resolve("counted"));
        CrashPoints.arm(Integer.MAX_VALUE);
        migrate(counted);
        int points = CrashPoints.disarm();
        Map<String, String> after = signature(counted);
        assertThat(after).isNotEqualTo(before);
        assertThat(points).as("write points of a full migration").isGreaterThan(10);

        int recoveredToBefore = 0;
        for (int point = 1; point <= points; point++) {
            Path root = install(temp.resolve("crash-" + point));
            CrashPoints.arm(point);
            boolean crashed = crashes(() -> migrate(root));
            CrashPoints.disarm();
            if (!crashed) {
                // the last points (recording backup stats) are reached only when the clock says so
                assertThat(signature(root)).as("completed although armed at point %d", point).isEqualTo(after);
                continue;
            }

            if (engine.status(root).interrupted().isPresent()) {
                engine.rollback(root, Optional.empty(), Optional.empty(), line -> { });
                assertThat(engine.status(root).interrupted()).isEmpty();
            }
            Map<String, String> recovered = signature(root);
            assertThat(recovered).as("after a crash at write point %d of %d", point, points).isIn(before, after);
            if (recovered.equals(before)) {
                recoveredToBefore++;
                migrate(root);
                assertThat(signature(root)).as("migrating again after the crash at point %d", point).isEqualTo(after);
            }
        }
        assertThat(recoveredToBefore).isPositive();
    }

    @Test
    void everyWritePointOfARollbackRecoversToBefore() throws IOException {
        Map<String, String> before = signature(install(temp.resolve("before")));
        Path counted = install(temp.resolve("counted"));
        migrate(counted);
        CrashPoints.arm(Integer.MAX_VALUE);
        engine.rollback(counted, Optional.empty(), Optional.empty(), line -> { });
        int points = CrashPoints.disarm();
        assertThat(signature(counted)).isEqualTo(before);
        assertThat(points).isGreaterThan(5);

        for (int point = 1; point <= points; point++) {
            Path root = install(temp.resolve("rollback-crash-" + point));
            migrate(root);
            CrashPoints.arm(point);
            assertThatThrownBy(() -> engine.rollback(root, Optional.empty(), Optional.empty(), line -> { }))
                    .isInstanceOf(CrashPoints.SimulatedCrash.class);
            CrashPoints.disarm();

            engine.rollback(root, Optional.empty(), Optional.empty(), line -> { });

            assertThat(signature(root)).as("rollback crashed at write point %d of %d, then run again", point, points)
                    .isEqualTo(before);
            assertThat(engine.status(root).interrupted()).isEmpty();
        }
    }

    @Test
    void migrateVersionRecoversAnInterruptedCommitByItself() throws IOException {
        Map<String, String> before = signature(install(temp.resolve("before")));
        Path counted = install(temp.resolve("counted"));
        CrashPoints.arm(Integer.MAX_VALUE);
        migrate(counted);
        CrashPoints.disarm();
        java.util.List<String> names = CrashPoints.passed();
        Map<String, String> after = signature(counted);
        int journal = names.indexOf(names.stream().filter(n -> n.startsWith("write") && n.endsWith("journal.json")).findFirst().orElseThrow());
        int firstCommitRename = journal + 1 + names.subList(journal + 1, names.size()).indexOf(
                names.subList(journal + 1, names.size()).stream().filter(n -> n.startsWith("rename")).findFirst().orElseThrow());

        Path root = install(temp.resolve("crashed"));
        CrashPoints.arm(firstCommitRename + 3); // the journal's own rename, then one file of the commit
        assertThatThrownBy(() -> migrate(root)).isInstanceOf(CrashPoints.SimulatedCrash.class);
        CrashPoints.disarm();
        assertThat(engine.status(root).interrupted()).isPresent();
        assertThat(signature(root)).isNotEqualTo(before);

        migrate(root);

        assertThat(signature(root)).isEqualTo(after);
        assertThat(engine.status(root).interrupted()).isEmpty();
    }
}
