package dev.verpath.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** A second {@code migrate validate} of an unchanged installation reads no record file and prints the same report. */
class ValidationCacheTest {

    @TempDir
    Path work;

    @Test
    void theSecondValidationPrintsTheSameReportWithoutReadingTheRecords() throws IOException, InterruptedException {
        ServeFixture inst = ServeFixture.clean(work.resolve("inst"))
                .write("data/requests.jsonl", ServeFixture.RECORDS + ServeFixture.RECORDS.replace("\"schema_version\":1",
                        "\"schema_version\":2") + "not a record\n")
                .write("data/old/requests.jsonl", ServeFixture.RECORDS);
        // files changed within the last 2 s are read again every run (their times could still change unseen)
        Thread.sleep(2_100);

        CommandRun text = CommandRun.of("validate", "--path", inst.arg());
        CommandRun again = CommandRun.of("--verbose", "validate", "--path", inst.arg());
        CommandRun json = CommandRun.of("--json", "validate", "--path", inst.arg());
        CommandRun fresh = CommandRun.of("--json", "validate", "--path", inst.arg(), "--full");

        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).contains("data/requests.jsonl:3").contains("data/requests.jsonl:5");
        assertThat(again.exit()).isEqualTo(text.exit());
        assertThat(again.out()).isEqualTo(text.out());
        assertThat(again.err()).contains("checked 0 record file(s), 0 B; 2 unchanged file(s) taken from the record cache");
        assertThat(json.exit()).isEqualTo(fresh.exit()).isEqualTo(1);
        assertThat(json.out()).isEqualTo(fresh.out());
        assertThat(ServeFixture.findings(json.json())).contains("schema error engine.schema.record-syntax data/requests.jsonl");
    }
}
