package dev.verpath.engine.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** A live weight rewritten in place after a hard-linked backup: verification says so, not "checksum failed". */
class LinkedWeightChangeTest {

    @TempDir
    Path root;

    @Test
    void backupsVerifyNamesAWeightChangedInPlaceThroughItsSharedInode() throws IOException {
        ToyBackup toy = ToyBackup.migrated(root);
        // as `cp new.safetensors model.safetensors` does: truncate and rewrite the same inode
        Files.write(root.resolve("models/v2/m1/w.safetensors"), new byte[] {4, 5, 6});

        assertThat(toy.engine.verifyBackups(root)).singleElement().satisfies(check -> assertThat(check.problem())
                .hasValueSatisfying(p -> assertThat(p).contains("models/m1/w.safetensors")
                        .contains("changed in place since the backup (its inode is shared with the live file)")
                        .contains("[backup] weights = copy")));
    }
}
