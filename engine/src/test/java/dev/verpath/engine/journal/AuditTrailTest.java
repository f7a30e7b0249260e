package dev.verpath.engine.journal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail is appended, never rewritten; a torn last line is skipped and costs no later line. */
class AuditTrailTest {

    @TempDir
    Path state;

    private static ObjectNode line(String runId) {
        return JsonNodeFactory.instance.objectNode().put("run_id", runId).put("command", "version");
    }

    private List<String> runIds() throws IOException {
        return AuditTrail.in(state).read().entries().stream().map(e -> e.path("run_id").asText()).toList();
    }

    @Test
    void linesAreAppendedInOrderAndReadBack() throws IOException {
        AuditTrail trail = AuditTrail.in(state);
        trail.append(line("a"));
        byte[] first = Files.readAllBytes(state.resolve(AuditTrail.FILE));
        trail.append(line("b"));

        assertThat(runIds()).containsExactly("a", "b");
        assertThat(Files.readAllBytes(state.resolve(AuditTrail.FILE))).startsWith(first);
        assertThat(Files.readString(state.resolve(AuditTrail.FILE))).endsWith("}\n");
    }

    @Test
    void aTornLastLineIsSkipped() throws IOException {
        AuditTrail.in(state).append(line("a"));
        Files.writeString(state.resolve(AuditTrail.FILE), "{\"run_id\":\"torn\",\"comm", StandardOpenOption.APPEND);

        AuditTrail.Read read = AuditTrail.in(state).read();

        assertThat(read.entries()).extracting(e -> e.path("run_id").asText()).containsExactly("a");
        assertThat(read.skipped()).isEqualTo(1);
    }

    @Test
    void aLineAppendedAfterATornOneStartsOnItsOwnLine() throws IOException {
        AuditTrail.in(state).append(line("a"));
        Files.writeString(state.resolve(AuditTrail.FILE), "{\"run_id\":\"torn\"", StandardOpenOption.APPEND);

        AuditTrail.in(state).append(line("c"));

        assertThat(runIds()).containsExactly("a", "c");
        assertThat(AuditTrail.in(state).read().skipped()).isEqualTo(1);
        assertThat(Files.readAllLines(state.resolve(AuditTrail.FILE), StandardCharsets.UTF_8)).hasSize(3);
    }

    @Test
    void theStartOfAProcessThatIsGoneBecomesAKilledLine() throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        AuditTrail trail = AuditTrail.in(state);
        trail.open(line("dead").put("pid", gone.pid()));
        trail.open(line("alive").put("pid", ProcessHandle.current().pid())
                .put("process_start", ProcessHandle.current().info().startInstant().orElseThrow().toString()));

        List<ObjectNode> settled = trail.settleKilled(start -> start.deepCopy().put("outcome", "killed"));

        assertThat(settled).extracting(e -> e.path("run_id").asText()).containsExactly("dead");
        assertThat(runIds()).containsExactly("dead");
        assertThat(trail.open()).extracting(e -> e.path("run_id").asText()).containsExactly("alive");
        assertThat(trail.settleKilled(start -> start)).isEmpty();
    }

    @Test
    void aClosedStartLeavesNothingOpen() throws IOException {
        AuditTrail trail = AuditTrail.in(state);
        trail.open(line("r1").put("pid", ProcessHandle.current().pid()));

        trail.close("r1");

        assertThat(trail.open()).isEmpty();
    }
}
