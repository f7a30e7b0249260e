package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the real {@code ./migrate}: a migration that fails on one bad record keeps the outputs of the record files
 * it migrated before; once the file is fixed, {@code info} says how many will be reused and the next run reuses
 * them, leaving the installation byte for byte as a run from nothing leaves a copy of it.
 */
class ReRunReuseIT {

    private static final String EXTRA = "{\"id\":\"x-1\",\"model\":\"llama-7b\",\"ts\":1700000100,\"latency_ms\":80}\n";
    private static final String GOOD = "{\"id\":\"req-9\",\"model\":\"llama-7b\",\"ts\":1700000200,\"latency_ms\":9}\n";

    @TempDir
    Path work;

    /** The demo installation with a third record file, and {@code last} appended to data/requests.jsonl. */
    private Path install(String name, String last) throws IOException {
        Path root = work.resolve(name);
        Files.createDirectories(root);
        DemoInstallation.write(root);
        Files.writeString(root.resolve("data/extra.jsonl"), EXTRA);
        Files.writeString(root.resolve("data/requests.jsonl"), Files.readString(root.resolve("data/requests.jsonl")) + last);
        return root;
    }

    @Test
    void aFixedRecordFileIsMigratedAgainAndTheOthersAreReusedWithTheSameBytes() throws IOException {
        Path root = install("inst", "{\"id\":\"req-9\", broken\n");
        CommandRun failed = Launcher.run(work, "version", "--path", "inst", "--to", "2.1.0", "--quiet");
        assertThat(failed.exit()).as(failed.out() + failed.err()).isNotZero();
        assertThat(failed.err()).contains("data/requests.jsonl:6");
        Files.writeString(root.resolve("data/requests.jsonl"), Files.readString(root.resolve("data/requests.jsonl"))
                .replace("{\"id\":\"req-9\", broken\n", GOOD));
        install("fresh", GOOD);

        CommandRun info = Launcher.run(work, "--json", "info", "--path", "inst", "--to", "2.1.0");
        assertThat(info.exit()).as(info.err()).isZero();
        JsonNode reuse = info.json().get("reuse");
        assertThat(reuse.get("files").asInt()).as(reuse.toString()).isEqualTo(2);
        assertThat(reuse.get("ofFiles").asInt()).isEqualTo(3);
        CommandRun text = Launcher.run(work, "info", "--path", "inst", "--to", "2.1.0");
        assertThat(text.out()).contains("step cache: 2 of 3 record file(s)");

        CommandRun again = Launcher.run(work, "--json", "version", "--path", "inst", "--to", "2.1.0");
        CommandRun fromNothing = Launcher.run(work, "--json", "version", "--path", "fresh", "--to", "2.1.0");

        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(fromNothing.exit()).as(fromNothing.err()).isZero();
        assertThat(again.json().at("/counters/reused_files").asInt()).isEqualTo(2);
        assertThat(fromNothing.json().at("/counters/reused_files").isMissingNode()).isTrue();
        assertThat(TreeSignature.of(root)).isEqualTo(TreeSignature.of(work.resolve("fresh")));
        assertThat(again.json().get("warnings")).isEqualTo(fromNothing.json().get("warnings"));
    }
}
