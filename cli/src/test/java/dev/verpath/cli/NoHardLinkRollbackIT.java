package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rollback on a file system without hard links (a network mount, allowed with {@code --allow-network-fs}) runs
 * the real {@code ./migrate}: the backup's linked weights are restored as copies checked against the manifest,
 * and a restore that fails half-way puts back what it changed, leaving no {@code *.verpath-tmp}. No network mount
 * can be made here, so {@code verpath.test.fs-type} stands in for the file system's type and
 * {@code verpath.test.no-hard-links} for its missing hard links (a tmpfs makes them).
 */
class NoHardLinkRollbackIT {

    private static final String WEIGHT = "models/llama-7b/model.safetensors";
    private static final String NETWORK_WITHOUT_LINKS = "-Dverpath.test.fs-type=fuse.sshfs -Dverpath.test.no-hard-links=true";

    @TempDir
    Path root;

    private SortedMap<String, String> before;
    private SortedMap<String, String> migrated;
    private Path backup;

    @BeforeEach
    void migrateOnALocalDiskThenReplaceTheLiveWeight() throws IOException {
        DemoInstallation.write(root);
        before = TreeSignature.of(root);
        CommandRun run = CommandRun.of("--json", "version", "--path", root.toString(), "--to", "2.1.0");
        assertThat(run.exit()).as(run.err()).isZero();
        backup = root.resolve(".migrate/backups").resolve(run.json().path("backupId").asText());
        assertThat(Files.isSameFile(root.resolve(WEIGHT), backup.resolve("files").resolve(WEIGHT)))
                .as("the backup links the weight on the local disk").isTrue();
        Path weight = root.resolve(WEIGHT);
        Files.delete(weight); // a new model written over the old one: a new inode, so the rollback must restore it
        Files.write(weight, "a newer model".getBytes());
        migrated = TreeSignature.of(root);
    }

    private CommandRun rollback(String javaOptions) {
        return Launcher.run(root, Map.of("MIGRATE_JAVA_OPTS", javaOptions), "--allow-network-fs", "rollback",
                "--path", root.toString(), "--yes");
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".verpath-tmp")).toList();
        }
    }

    @Test
    void aRollbackWithoutHardLinksRestoresTheWeightsAsCheckedCopies() throws IOException {
        CommandRun run = rollback(NETWORK_WITHOUT_LINKS);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(TreeSignature.of(root)).isEqualTo(before);
        Path weight = root.resolve(WEIGHT);
        assertThat(Files.isSameFile(weight, backup.resolve("files").resolve(WEIGHT))).as("a copy, not a link").isFalse();
        assertThat(TreeSignature.sha256(Files.readAllBytes(weight))).isEqualTo(manifestSha256(WEIGHT));
        assertThat(temporaryFiles()).isEmpty();
        assertThat(root.resolve(".migrate/staging/rollback")).doesNotExist();
    }

    @Test
    void aRollbackThatFailsHalfWayPutsBackWhatItChangedAndLeavesNoTemporaryFile() throws IOException {
        CommandRun failed = rollback(NETWORK_WITHOUT_LINKS + " -Dverpath.test.fail=" + root.resolve(WEIGHT));

        assertThat(failed.exit()).as(failed.err()).isEqualTo(1);
        assertThat(failed.err()).contains("put back every entry it had changed").contains("run rollback again");
        assertThat(TreeSignature.of(root)).as("as it was before the rollback, nothing mixed").isEqualTo(migrated);
        assertThat(temporaryFiles()).isEmpty();
        assertThat(root.resolve(".migrate/journal.json")).as("nothing left to recover").doesNotExist();

        CommandRun again = rollback(NETWORK_WITHOUT_LINKS);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(TreeSignature.of(root)).isEqualTo(before);
        assertThat(temporaryFiles()).isEmpty();
    }

    private String manifestSha256(String path) throws IOException {
        for (JsonNode e : new ObjectMapper().readTree(backup.resolve("manifest.json").toFile()).path("entries")) {
            if (e.path("path").asText().equals(path)) {
                return e.path("sha256").asText();
            }
        }
        throw new AssertionError(path + " is not in the manifest");
    }
}
