package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate validate --repair}: a serve installation migrated 1.0.0 to 2.0.0 (so a backup holds its
 * files; weight files as hard links), then damaged.
 */
class ValidationRepairTest {

    private static final String CONFIG_JSON = ServeFixture.MODEL + "/config.json";
    private static final String WEIGHTS = ServeFixture.MODEL + "/model.safetensors";

    @TempDir
    Path work;

    private ServeFixture inst;
    private byte[] config;
    private byte[] weights;

    @BeforeEach
    void migrate() throws IOException {
        inst = ServeFixture.clean(work.resolve("inst"));
        config = Files.readAllBytes(inst.resolve(CONFIG_JSON));
        weights = Files.readAllBytes(inst.resolve(WEIGHTS));
        CommandRun run = CommandRun.of("--quiet", "version", "--path", inst.arg(), "--to", "2.0.0");
        assertThat(run.exit()).as(run.err()).isZero();
    }

    private String backupId() throws IOException {
        try (Stream<Path> backups = Files.list(inst.resolve(".migrate/backups"))) {
            List<Path> all = backups.toList();
            assertThat(all).hasSize(1);
            return all.get(0).getFileName().toString();
        }
    }

    private JsonNode repair() {
        CommandRun run = CommandRun.of("--json", "validate", "--path", inst.arg(), "--repair");
        JsonNode document = run.json();
        assertThat(run.exit()).isEqualTo(document.get("valid").asBoolean() ? 0 : 1);
        return document;
    }

    @Test
    void aFileChangedInPlaceIsRestoredFromTheBackupArchive() throws IOException {
        JsonNode manifest = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(inst.resolve(".migrate/backups/" + backupId() + "/manifest.json").toFile());
        assertThat(manifest.get("entries").findParents("path").stream()
                .filter(e -> e.get("path").asText().equals(CONFIG_JSON)).map(e -> e.get("stored").asText()))
                .containsExactly("archive");
        Files.writeString(inst.resolve(CONFIG_JSON), "{\"architecture\": \"llamb\", \"hidden_size\": 64}\n");
        assertThat(CommandRun.of("validate", "--path", inst.arg()).exit()).isEqualTo(1);

        JsonNode document = repair();

        assertThat(document.get("valid").asBoolean()).isTrue();
        assertThat(ServeFixture.findings(document)).isEmpty();
        assertThat(document.at("/repairs/0/path").asText()).isEqualTo(CONFIG_JSON);
        assertThat(document.at("/repairs/0/repaired").asBoolean()).isTrue();
        assertThat(document.at("/repairs/0/backupId").asText()).isEqualTo(backupId());
        assertThat(Files.readAllBytes(inst.resolve(CONFIG_JSON))).isEqualTo(config);
        assertThat(CommandRun.of("validate", "--path", inst.arg()).exit()).isZero();
    }

    @Test
    void aWeightFileReplacedByAnotherIsRestoredFromItsHardLinkedCopy() throws IOException {
        Path replacement = inst.resolve(WEIGHTS + ".new");
        Files.write(replacement, DemoInstallation.weights("other", weights.length));
        Files.move(replacement, inst.resolve(WEIGHTS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        JsonNode document = repair();

        assertThat(document.at("/repairs/0/repaired").asBoolean()).isTrue();
        assertThat(Files.readAllBytes(inst.resolve(WEIGHTS))).isEqualTo(weights);
        assertThat(ServeFixture.findings(document)).isEmpty();
    }

    @Test
    void aMissingFileIsRestored() throws IOException {
        Files.delete(inst.resolve(CONFIG_JSON));

        JsonNode document = repair();

        assertThat(document.at("/repairs/0/message").asText()).contains("missing");
        assertThat(Files.readAllBytes(inst.resolve(CONFIG_JSON))).isEqualTo(config);
        assertThat(document.get("valid").asBoolean()).isTrue();
    }

    @Test
    void aWeightFileOverwrittenInPlaceCannotBeRepairedFromItsHardLink() throws IOException {
        Files.write(inst.resolve(WEIGHTS), DemoInstallation.weights("other", weights.length));

        JsonNode document = repair();

        assertThat(document.get("valid").asBoolean()).isFalse();
        assertThat(document.at("/repairs/0/path").asText()).isEqualTo(WEIGHTS);
        assertThat(document.at("/repairs/0/repaired").asBoolean()).isFalse();
        assertThat(document.at("/repairs/0/backupId").isNull()).isTrue();
        assertThat(document.at("/repairs/0/message").asText()).contains("no longer match");
        assertThat(ServeFixture.findings(document)).containsExactly(
                "integrity error serve.2.0.0.model-integrity " + ServeFixture.MODEL + "/metadata.json");
    }

    @Test
    void theTextReportSaysWhatWasAndWasNotRepaired() throws IOException {
        Files.writeString(inst.resolve(CONFIG_JSON), "{\"architecture\": \"llamb\", \"hidden_size\": 64}\n");
        Files.write(inst.resolve(WEIGHTS), DemoInstallation.weights("other", weights.length));

        CommandRun run = CommandRun.of("validate", "--path", inst.arg(), "--repair");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("repairs: 1 repaired, 1 not repaired\n")
                .contains("  repaired     " + CONFIG_JSON + ": restored from backup " + backupId())
                .contains("  NOT repaired " + WEIGHTS + ": not repaired: ");
        assertThat(run.err()).contains("repaired " + CONFIG_JSON).contains("could not repair " + WEIGHTS);
    }

    @Test
    void withoutABackupNothingCanBeRepaired() throws IOException {
        ServeFixture fresh = ServeFixture.clean(work.resolve("fresh"));
        Files.writeString(fresh.resolve(CONFIG_JSON), "{\"architecture\": \"llamb\", \"hidden_size\": 64}\n");

        CommandRun run = CommandRun.of("--json", "validate", "--path", fresh.arg(), "--repair");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.json().at("/repairs/0/repaired").asBoolean()).isFalse();
        assertThat(run.json().at("/repairs/0/message").asText()).contains("there is no backup");
    }

    @Test
    void aRepairAsRootGivesTheRestoredFileItsBackedUpOwnerNotRoots() throws IOException {
        Path probe = Files.createTempFile(work, "owner", ".probe");
        boolean root = ((Integer) Files.getAttribute(probe, "unix:uid")) == 0;
        Files.delete(probe);
        org.junit.jupiter.api.Assumptions.assumeTrue(root,
                "skipped: giving files to another owner needs root, and this test does not run as root");
        ServeFixture owned = ServeFixture.clean(work.resolve("owned"));
        try (Stream<Path> walk = Files.walk(owned.root())) {
            for (Path p : walk.toList()) {
                Files.setAttribute(p, "unix:uid", 65534, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", 65532, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            }
        }
        assertThat(CommandRun.of("--quiet", "version", "--path", owned.arg(), "--to", "2.0.0").exit()).isZero();
        Files.writeString(owned.resolve(CONFIG_JSON), "{\"architecture\": \"llamb\", \"hidden_size\": 64}\n");

        CommandRun run = CommandRun.of("--json", "validate", "--path", owned.arg(), "--repair");

        assertThat(run.json().at("/repairs/0/repaired").asBoolean()).as(run.out()).isTrue();
        assertThat(Files.readAllBytes(owned.resolve(CONFIG_JSON))).isEqualTo(config);
        assertThat(Files.getAttribute(owned.resolve(CONFIG_JSON), "unix:uid") + ":"
                + Files.getAttribute(owned.resolve(CONFIG_JSON), "unix:gid")).isEqualTo("65534:65532");
    }
}
