package dev.verpath.engine.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An archive large enough that zstd compresses it in several jobs on its worker thread reads back byte for byte,
 * with the SHA-256 the writer computed for each file.
 */
class BackupArchiveRoundTripTest {

    @TempDir
    Path root;

    @Test
    void filesArchivedWhileAnotherThreadCompressesReadBackByteForByte() throws IOException, NoSuchAlgorithmException {
        Random random = new Random(7);
        Map<String, Path> files = new LinkedHashMap<>();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (int f = 0; f < 3; f++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < (f == 1 ? 12 : 1) * 1_000_000) {
                text.append("{\"id\":\"req-").append(random.nextInt()).append("\",\"ts\":").append(random.nextLong())
                        .append(",\"note\":\"").append(Long.toString(random.nextLong(), 36)).append("\"}\n");
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            Path file = Files.write(root.resolve("r" + f + ".jsonl"), bytes);
            files.put("data/r" + f + ".jsonl", file);
            contents.put("data/r" + f + ".jsonl", bytes);
        }
        Path backup = Files.createDirectories(root.resolve("backup"));

        Map<String, String> sums = BackupArchive.write(backup.resolve(BackupArchive.fileName(BackupKeys.NONE)), files,
                BackupKeys.NONE, file -> Optional.empty());

        List<BackupManifest.Entry> entries = files.keySet().stream().map(path -> new BackupManifest.Entry(path, "file",
                "rw-r--r--", 0, contents.get(path).length, Optional.of(sums.get(path)), Optional.empty(), "archive"))
                .toList();
        Map<String, byte[]> read = new LinkedHashMap<>();
        BackupArchive.read(backup, entries, (entry, bytes) -> read.put(entry.path(), bytes.readAllBytes()));
        assertThat(read.keySet()).containsExactlyElementsOf(contents.keySet());
        for (String path : contents.keySet()) {
            assertThat(read.get(path)).as(path).isEqualTo(contents.get(path));
            assertThat(sums.get(path)).as(path).isEqualTo(
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(contents.get(path))));
        }
    }
}
