package dev.verpath.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** A record over [data_migration] max_record_bytes is named, on its line, by validate and by version alike. */
class RecordLimitTest {

    @TempDir
    Path dir;

    @Test
    void validateAndVersionNameTheSameLongLine() throws Exception {
        Path root = dir.resolve("inst");
        DemoInstallation.write(root);
        Path records = root.resolve("data/requests.jsonl");
        long lines = Files.readAllLines(records).size();
        Files.writeString(records, "{\"id\":\"big\",\"blob\":\"" + "x".repeat(2000) + "\"}\n", StandardOpenOption.APPEND);
        Path settings = Files.writeString(dir.resolve("limit.toml"), "[data_migration]\nmax_record_bytes = 1000\n");

        CommandRun validate = CommandRun.of("--migration-config", settings.toString(), "validate", "--path", root.toString());
        CommandRun version = CommandRun.of("--migration-config", settings.toString(), "version", "--path", root.toString(),
                "--to", "1.0.0", "--yes");

        assertThat(validate.exit()).as(validate.err()).isEqualTo(1);
        assertThat(validate.out()).contains("data/requests.jsonl:" + (lines + 1) + ": the record is longer than"
                + " [data_migration] max_record_bytes (1000 bytes)");
        assertThat(version.exit()).isEqualTo(1);
        assertThat(version.err()).contains("data/requests.jsonl:" + (lines + 1) + ": the record is longer than"
                + " [data_migration] max_record_bytes (1000 bytes)");
    }
}
