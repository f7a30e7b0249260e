package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;

/** The real {@code ./migrate} on real installations in temporary folders. */
class MigrationEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private Path installation() {
        Path root = work.resolve("inst");
        DemoInstallation.write(root);
        return root;
    }

    private static List<JsonNode> records(Path file) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            records.add(line.isEmpty() ? null : JSON.readTree(line));
        }
        return records;
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0", "2.0.0", "2.1.0"})
    void migratesToEveryTargetVersion(String target) throws IOException {
        Path root = installation();
        byte[] weights = Files.readAllBytes(root.resolve("models/llama-7b/model.safetensors"));

        CommandRun run = Launcher.run(work, "version", "--path", "inst", "--to", target);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("done: serve 0.1.0 -> " + target);
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo(target + "\n");
        int generation = switch (target) {
            case "1.0.0" -> 1;
            case "2.0.0" -> 2;
            default -> 3;
        };
        JsonNode config = new TomlMapper().readTree(root.resolve("config/server.toml").toFile());
        assertThat(config.get("cors_origin").asText()).isEqualTo("https://demo.example.org");
        if (generation == 1) {
            assertThat(config.get("bind_address").asText()).isEqualTo("0.0.0.0");
            assertThat(config.at("/workers/count").asInt()).isEqualTo(4);
        } else {
            assertThat(config.at("/server/api_prefix").asText()).isEqualTo("/v2");
            assertThat(config.at("/logging/level").asText()).isEqualTo("info");
        }
        assertThat(config.has("streaming")).isEqualTo(generation == 3);
        List<JsonNode> records = records(root.resolve("data/requests.jsonl"));
        assertThat(records).hasSize(5);
        assertThat(records.get(2)).as("the blank line stays blank").isNull();
        assertThat(records.get(0).get("schema_version").asInt()).isEqualTo(generation);
        if (generation >= 2) {
            assertThat(records.get(1).get("timestamp").asText()).isEqualTo("2023-11-14T22:13:32.500Z");
            assertThat(records.get(1).at("/usage/completion_tokens").asInt()).isEqualTo(50);
        }
        if (generation == 3) {
            assertThat(records.get(0).has("api_key")).isFalse();
            assertThat(records.get(0).get("api_key_fingerprint").asText())
                    .isEqualTo(TreeSignature.sha256("sk-abc".getBytes(StandardCharsets.UTF_8)).substring(0, 12));
            assertThat(records.get(0).at("/metrics/tokens_per_second").asDouble()).isEqualTo(120.0);
        }
        JsonNode metadata = JSON.readTree(root.resolve("models/llama-7b/metadata.json").toFile());
        assertThat(metadata.get("metadata_version").asInt()).isEqualTo(generation);
        assertThat(metadata.get("format").asText()).isEqualTo("safetensors");
        assertThat(metadata.at("/files/1/sha256").asText()).isEqualTo(TreeSignature.sha256(weights));
        assertThat(Files.readAllBytes(root.resolve("models/llama-7b/model.safetensors"))).isEqualTo(weights);

        CommandRun validate = Launcher.run(work, "validate", "--path", "inst");
        assertThat(validate.exit()).as(validate.out()).isZero();
        CommandRun status = Launcher.run(work, "--json", "status", "--path", "inst");
        assertThat(status.json().get("version").asText()).isEqualTo(target);
    }

    @Test
    void aDryRunLeavesEveryByteAndCreatesNoStateFolder() throws IOException {
        Path root = installation();
        SortedMap<String, String> before = TreeSignature.of(root);

        CommandRun run = Launcher.run(work, "version", "--path", "inst", "--to", "2.1.0", "--dry-run");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("dry run: nothing was written", "  changed config/server.toml", "@@",
                "+[server]", "created models/llama-7b/metadata.json");
        assertThat(root.resolve(".migrate")).doesNotExist();
        assertThat(TreeSignature.of(root)).isEqualTo(before);
    }

    @Test
    void aFailingStepLeavesEveryByteAndNamesTheFileAndLine() throws IOException {
        Path root = installation();
        Files.writeString(root.resolve("data/requests.jsonl"), "{\"id\":\"req-5\", broken\n", StandardOpenOption.APPEND);
        SortedMap<String, String> before = TreeSignature.of(root);

        CommandRun run = Launcher.run(work, "version", "--path", "inst", "--to", "2.1.0", "--quiet");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("migrate: ")
                .contains("data/requests.jsonl")
                .containsPattern("(:6\\b|line 6\\b)");
        assertThat(TreeSignature.of(root)).isEqualTo(before);
    }

    @Test
    void rollbackRestoresEveryByteAndFileMode() throws IOException {
        Path root = installation();
        Files.setPosixFilePermissions(root.resolve("config/server.toml"), PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(root.resolve("data/requests.jsonl"), PosixFilePermissions.fromString("rw-r-----"));
        Files.setPosixFilePermissions(root.resolve("models/tiny-bert"), PosixFilePermissions.fromString("rwxr-x---"));
        SortedMap<String, String> before = TreeSignature.of(root);

        CommandRun migrate = Launcher.run(work, "version", "--path", "inst", "--to", "2.1.0");
        assertThat(migrate.exit()).as(migrate.err()).isZero();
        assertThat(TreeSignature.of(root)).isNotEqualTo(before);

        CommandRun rollback = Launcher.run(work, "rollback", "--path", "inst", "--yes");

        assertThat(rollback.exit()).as(rollback.err()).isZero();
        assertThat(rollback.out()).contains("is at version 0.1.0");
        assertThat(TreeSignature.of(root)).isEqualTo(before);
    }

    @Test
    void anotherMigrationHoldingTheLockExitsThreeAndChangesNothing() throws IOException {
        Path root = installation();
        Files.createDirectories(root.resolve(".migrate"));
        SortedMap<String, String> before = TreeSignature.of(root);

        try (FileChannel channel = FileChannel.open(root.resolve(".migrate/lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            CommandRun run = Launcher.run(work, "version", "--path", "inst", "--quiet");

            assertThat(held.isValid()).isTrue();
            assertThat(run.exit()).isEqualTo(3);
            assertThat(run.errLines()).singleElement().asString().startsWith("migrate: ");
        }
        assertThat(TreeSignature.of(root)).isEqualTo(before);
    }

    @Test
    void aCorruptBackupFailsVerificationAndIsNotRestored() throws IOException {
        Path root = installation();
        assertThat(Launcher.run(work, "version", "--path", "inst", "--to", "2.1.0").exit()).isZero();
        CommandRun verified = Launcher.run(work, "backups", "verify", "--path", "inst");
        assertThat(verified.exit()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("ok, ");
        JsonNode backup = Launcher.run(work, "--json", "backups", "list", "--path", "inst").json().at("/backups/0");
        Path folder = root.resolve(backup.get("folder").asText());
        Path archive = Files.exists(folder.resolve("files.tar.zst")) ? folder.resolve("files.tar.zst") : folder.resolve("files.tar.gz");
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= (byte) 0xff;
        Files.write(archive, bytes);
        SortedMap<String, String> migrated = TreeSignature.of(root);

        CommandRun verify = Launcher.run(work, "backups", "verify", "--path", "inst");
        CommandRun rollback = Launcher.run(work, "rollback", "--path", "inst", "--yes", "--quiet");

        assertThat(verify.exit()).isEqualTo(5);
        assertThat(verify.out()).contains(backup.get("id").asText() + "  FAILED: ");
        assertThat(rollback.exit()).isEqualTo(5);
        assertThat(rollback.errLines()).singleElement().asString().startsWith("migrate: ").contains(backup.get("id").asText());
        assertThat(TreeSignature.of(root)).isEqualTo(migrated);
    }

    @Test
    void pruneKeepsTheNewestBackups() throws IOException {
        installation();
        Path config = Files.writeString(work.resolve("keep-one.toml"), "[backup]\nkeep_last = 1\n");
        for (String target : List.of("1.0.0", "2.0.0", "2.1.0")) {
            assertThat(Launcher.run(work, "version", "--path", "inst", "--to", target).exit()).isZero();
        }
        JsonNode before = Launcher.run(work, "--json", "backups", "list", "--path", "inst").json().get("backups");

        CommandRun prune = Launcher.run(work, "backups", "prune", "--path", "inst", "--yes",
                "--migration-config", config.toString());

        assertThat(before).hasSize(3);
        assertThat(prune.exit()).as(prune.err()).isZero();
        assertThat(prune.out()).startsWith("pruned 2 backups of inst (keeping the newest 1):");
        JsonNode after = Launcher.run(work, "--json", "backups", "list", "--path", "inst").json().get("backups");
        assertThat(after).hasSize(1);
        assertThat(after.at("/0/id")).isEqualTo(before.at("/2/id"));
    }

    @Test
    void theSameInstallationGivesTheSameOutput() throws IOException {
        Path first = Files.createDirectory(work.resolve("first"));
        Path second = Files.createDirectory(work.resolve("second"));
        DemoInstallation.write(first.resolve("inst"));
        DemoInstallation.write(second.resolve("inst"));

        for (String[] args : List.of(
                new String[] {"version", "--path", "inst", "--to", "2.1.0", "--dry-run"},
                new String[] {"--json", "version", "--path", "inst", "--to", "2.1.0", "--dry-run"},
                new String[] {"version", "--path", "inst", "--to", "2.0.0"},
                new String[] {"version", "--path", "inst", "--json"},
                new String[] {"validate", "--path", "inst"})) {
            CommandRun a = Launcher.run(first, args);
            CommandRun b = Launcher.run(second, args);
            assertThat(a.exit()).as(a.err()).isZero();
            assertThat(withoutBackupIds(a.out(), first)).as(String.join(" ", args))
                    .isEqualTo(withoutBackupIds(b.out(), second));
        }
    }

    private static String withoutBackupIds(String out, Path folder) {
        String masked = out;
        for (JsonNode backup : Launcher.run(folder, "--json", "backups", "list", "--path", "inst").json().get("backups")) {
            masked = masked.replace(backup.get("id").asText(), "<backup>");
        }
        return masked;
    }

    @Test
    void jsonIsOneDocumentForAMigration() throws IOException {
        installation();

        CommandRun run = Launcher.run(work, "version", "--path", "inst", "--to", "1.0.0", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("command").asText()).isEqualTo("version");
        assertThat(json.at("/plan/to").asText()).isEqualTo("1.0.0");
        assertThat(json.get("changes").isArray()).isTrue();
        assertThat(run.err()).as("no progress lines with --json").isEmpty();
    }

    @Test
    void dataAloneMigratesRecordsAndLeavesTheVersion() throws IOException {
        Path root = installation();

        CommandRun run = Launcher.run(work, "data", "--data-path", "inst/data", "--from", "0.1.0", "--to", "1.0.0");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(records(root.resolve("data/2023/11/archive.jsonl")).get(1).get("schema_version").asInt()).isEqualTo(1);
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("0.1.0\n");
    }

    @Test
    void aLargeRecordFileGivesTheSameBytesAndOutputOnOneThreadAndOnSeveral() throws IOException {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < 30_000; i++) { // about 5 MB: several chunks
            records.append(i % 997 == 0 ? "\n" : "{\"id\":\"req-" + i + "\",\"model\":\"m\",\"ts\":" + (1700000000 + i)
                    + (i % 3 == 0 ? ".25" : "") + ",\"latency_ms\":" + (50 + i % 900) + ",\"prompt_tokens\":" + i % 200
                    + ",\"completion_tokens\":" + (1 + i % 400) + ",\"api_key\":\"sk-" + i + "\",\"note\":\"é\"}\n");
        }
        List<String> outputs = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (int threads : List.of(1, 3)) {
            Path folder = Files.createDirectories(work.resolve("threads-" + threads));
            Path root = folder.resolve("inst");
            DemoInstallation.write(root);
            Files.writeString(root.resolve("data/large.jsonl"), records, StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("settings.toml"), "[data_migration]\nthreads = " + threads + "\n");

            CommandRun run = Launcher.run(folder, "--migration-config", "settings.toml", "data", "--data-path", "inst/data",
                    "--from", "0.1.0", "--to", "2.1.0", "--no-backup");

            assertThat(run.exit()).as(run.err()).isZero();
            outputs.add(run.out());
            files.add(Files.readString(root.resolve("data/large.jsonl"), StandardCharsets.UTF_8));
        }
        assertThat(files.get(1)).isEqualTo(files.get(0));
        assertThat(outputs.get(1)).isEqualTo(outputs.get(0));
        assertThat(files.get(0)).startsWith("\n{\"id\":\"req-1\",").contains("\"schema_version\":3").endsWith("}\n");
    }

    @Test
    void configAloneMigratesTheFileAndLeavesTheVersion() throws IOException {
        Path root = installation();

        CommandRun run = Launcher.run(work, "config", "--config", "inst/config/server.toml", "--from", "0.1.0", "--to", "2.1.0");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode config = new TomlMapper().readTree(root.resolve("config/server.toml").toFile());
        assertThat(config.path("server").path("bind_address").asText()).isEqualTo("0.0.0.0");
        assertThat(config.path("rate_limit").path("burst").asInt()).isEqualTo(50);
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("0.1.0\n");
        assertThat(root.resolve(".migrate/journal.json")).doesNotExist();
    }

    @Test
    void modelsAloneWithOptimizeLinksIdenticalWeights() throws IOException {
        Path root = installation();
        Path copy = Files.createDirectories(root.resolve("models/llama-copy")).resolve("model.safetensors");
        Files.copy(root.resolve("models/llama-7b/model.safetensors"), copy);

        CommandRun run = Launcher.run(work, "models", "--models-path", "inst/models", "--from", "0.1.0", "--to", "1.0.0",
                "--optimize");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("  linked models/llama-copy/model.safetensors", "created models/tiny-bert/metadata.json")
                .doesNotContain("serve.1.0.0.config");
        assertThat(Files.isSameFile(copy, root.resolve("models/llama-7b/model.safetensors"))).isTrue();
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("0.1.0\n");
    }

    @Test
    void infoPrintsThePlanWithItsEstimate() {
        installation();

        CommandRun run = Launcher.run(work, "info", "--path", "inst", "--to", "2.1.0", "--verbose");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("plan: serve 0.1.0 -> 2.1.0, 3 steps", "  step 2: 1.0.0 -> 2.0.0",
                "estimate:", "disk needed", "effective settings:", "global.backup_before_migration");
    }

    @Test
    void theDemoRunsToTheEnd(@TempDir Path kept) {
        CommandRun run = Launcher.run(work, "demo", "--keep", kept.resolve("sample").toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("every byte is back: \\d+ files, identical");
        assertThat(kept.resolve("sample/VERSION")).hasContent("0.1.0");
    }

    @Test
    void theDemoCleansUpAfterItself() {
        CommandRun run = Launcher.run(work, "--json", "demo");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.json().get("identical").asBoolean()).isTrue();
    }
}
