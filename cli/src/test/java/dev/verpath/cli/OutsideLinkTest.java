package dev.verpath.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A symbolic link that points outside the installation is refused by every command, naming the link as the
 * user's path: {@code data} and {@code models} used to skip it with exit 0, leaving an unmigrated file among
 * migrated ones or a weight missing from the metadata.
 */
class OutsideLinkTest {

    @TempDir
    Path work;

    private Path root;

    @BeforeEach
    void install() throws Exception {
        root = work.resolve("inst");
        Files.createDirectories(root);
        DemoInstallation.write(root);
        Path outside = work.resolve("outside");
        Files.createDirectories(outside.resolve("weights"));
        Files.copy(root.resolve("data/requests.jsonl"), outside.resolve("extra.jsonl"));
        Files.writeString(outside.resolve("weights/model.safetensors"), "weights");
    }

    @Test
    void dataRefusesALinkedRecordFileOutside() throws Exception {
        Files.createSymbolicLink(root.resolve("data/extra.jsonl"), Path.of("../../outside/extra.jsonl"));
        SortedMap<String, String> before = TreeSignature.of(root);

        CommandRun run = CommandRun.of("data", "--data-path", root.resolve("data").toString(), "--from", "0.1.0", "--to", "2.1.0");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains(root.resolve("data/extra.jsonl") + ": symbolic link points outside the installation,"
                + " to ../../outside/extra.jsonl; nothing was changed");
        assertThat(TreeSignature.of(root)).isEqualTo(before);
    }

    @Test
    void modelsRefusesALinkedModelFolderOutside() throws Exception {
        Files.createSymbolicLink(root.resolve("models/linked"), Path.of("../../outside/weights"));
        SortedMap<String, String> before = TreeSignature.of(root);

        CommandRun run = CommandRun.of("models", "--models-path", root.resolve("models").toString(), "--from", "0.1.0", "--to", "2.1.0");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains(root.resolve("models/linked") + ": symbolic link points outside the installation");
        assertThat(TreeSignature.of(root)).isEqualTo(before);
    }

    @Test
    void dataNamesEveryLinkOutsideInItsOneRefusal() throws Exception {
        Files.createSymbolicLink(root.resolve("data/extra.jsonl"), Path.of("../../outside/extra.jsonl"));
        Files.createSymbolicLink(root.resolve("data/more.jsonl"), Path.of("../../outside/extra.jsonl"));
        SortedMap<String, String> before = TreeSignature.of(root);

        CommandRun run = CommandRun.of("data", "--data-path", root.resolve("data").toString(), "--from", "0.1.0", "--to", "2.1.0");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains(root.resolve("data/extra.jsonl") + ": symbolic link points outside the installation,"
                + " to ../../outside/extra.jsonl; " + root.resolve("data/more.jsonl") + ": symbolic link points outside the"
                + " installation, to ../../outside/extra.jsonl; nothing was changed");
        assertThat(TreeSignature.of(root)).isEqualTo(before);
    }

    @Test
    void modelsNamesEveryLinkOutsideUpToTenThenCountsTheRest() throws Exception {
        for (int i = 10; i < 23; i++) {
            Files.createSymbolicLink(root.resolve("models/linked" + i), Path.of("../../outside/weights"));
        }
        SortedMap<String, String> before = TreeSignature.of(root);

        CommandRun run = CommandRun.of("models", "--models-path", root.resolve("models").toString(), "--from", "0.1.0", "--to", "2.1.0");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        for (int i = 10; i < 20; i++) {
            assertThat(run.err()).contains(root.resolve("models/linked" + i) + ": symbolic link points outside");
        }
        assertThat(run.err()).doesNotContain("linked20").contains("and 3 more symbolic links that point outside the installation;");
        assertThat(TreeSignature.of(root)).isEqualTo(before);
    }

    @Test
    void versionNamesEveryLinkOutsideInItsOneRefusal() throws Exception {
        Files.createSymbolicLink(root.resolve("data/extra.jsonl"), Path.of("../../outside/extra.jsonl"));
        Files.createSymbolicLink(root.resolve("models/linked"), Path.of("../../outside/weights"));
        SortedMap<String, String> before = TreeSignature.of(root);

        CommandRun run = CommandRun.of("version", "--path", root.toString(), "--to", "2.1.0");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.errLines()).filteredOn(l -> l.startsWith("migrate:")).hasSize(1);
        assertThat(run.err()).contains("data/extra.jsonl: symbolic link points outside the installation, to ../../outside/extra.jsonl;"
                + " models/linked: symbolic link points outside the installation, to ../../outside/weights (validation"
                + " engine.security.symlink-escape of the source at");
        assertThat(TreeSignature.of(root)).isEqualTo(before);
    }
}
