package dev.verpath.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code [backup] weights}: a linked backup of a weight file shares its inode with the live file, so an in-place
 * write to the live weight (as {@code cp new model.safetensors} does) changes the backup too; the run says so,
 * and {@code weights = copy} keeps a backup that such a write cannot reach.
 */
class BackupWeightsTest {

    @TempDir
    Path work;

    private Path install(String weights) throws Exception {
        Path root = work.resolve(weights);
        Files.createDirectories(root);
        DemoInstallation.write(root);
        Path settings = work.resolve(weights + ".toml");
        Files.writeString(settings, "[backup]\nweights = \"" + weights + "\"\n");
        CommandRun run = CommandRun.of("--migration-config", settings.toString(), "version", "--path", root.toString(), "--to", "2.1.0");
        assertThat(run.exit()).as(run.err()).isZero();
        if (weights.equals("link")) {
            assertThat(run.err()).contains("weight file(s) are hard-linked into the backup: it protects against this migration,"
                    + " not against later in-place writes");
        } else {
            assertThat(run.err()).doesNotContain("hard-linked into the backup");
        }
        return root;
    }

    /** Rewrites the live weight in place: same inode, new bytes. */
    private static byte[] overwriteInPlace(Path weight) throws Exception {
        byte[] original = Files.readAllBytes(weight);
        Object inode = Files.getAttribute(weight, "unix:ino");
        Files.write(weight, "not the weights any more".getBytes());
        assertThat(Files.getAttribute(weight, "unix:ino")).isEqualTo(inode);
        return original;
    }

    @Test
    void copiedWeightsSurviveAnInPlaceWriteAndRollBack() throws Exception {
        Path root = install("copy");
        Path weight = root.resolve("models/llama-7b/model.safetensors");
        byte[] original = overwriteInPlace(weight);

        assertThat(CommandRun.of("backups", "verify", "--path", root.toString()).exit()).isZero();
        CommandRun rollback = CommandRun.of("rollback", "--path", root.toString(), "--yes");
        assertThat(rollback.exit()).as(rollback.err()).isZero();
        assertThat(Files.readAllBytes(weight)).isEqualTo(original);
    }

    @Test
    void linkedWeightsChangedInPlaceAreNamedByVerify() throws Exception {
        Path root = install("link");
        overwriteInPlace(root.resolve("models/llama-7b/model.safetensors"));

        CommandRun verify = CommandRun.of("backups", "verify", "--path", root.toString());

        assertThat(verify.exit()).isNotZero();
        assertThat(verify.out() + verify.err()).contains("models/llama-7b/model.safetensors").contains("changed in place since the backup");
    }

    @Test
    void anUnknownWeightsSettingIsAUsageError() throws Exception {
        Path root = work.resolve("bad");
        Files.createDirectories(root);
        DemoInstallation.write(root);
        Path settings = work.resolve("bad.toml");
        Files.writeString(settings, "[backup]\nweights = \"mirror\"\n");

        CommandRun run = CommandRun.of("--migration-config", settings.toString(), "version", "--path", root.toString(), "--to", "2.1.0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("backup.weights = 'mirror': expected auto, link or copy");
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("0.1.0\n");
    }
}
