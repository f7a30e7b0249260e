package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class DemoInstallationTest {

    @Test
    void writesTheSameBytesEveryTime(@TempDir Path a, @TempDir Path b) {
        int files = DemoInstallation.write(a);
        DemoInstallation.write(b);

        assertThat(DemoInstallation.checksums(a)).hasSize(files).isEqualTo(DemoInstallation.checksums(b));
    }

    @Test
    void isAServeInstallationAtTheFirstVersion(@TempDir Path root) throws IOException {
        DemoInstallation.write(root);

        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("0.1.0\n");
        JsonNode config = new TomlMapper().readTree(root.resolve("config/server.toml").toFile());
        assertThat(config.fieldNames()).toIterable()
                .containsExactly("host", "port", "model_dir", "max_batch", "log_level", "cors_origin");
        assertThat(config.get("port").asInt()).isEqualTo(8080);
    }

    @Test
    void hasModelsWithSmallGeneratedWeights(@TempDir Path root) throws IOException {
        DemoInstallation.write(root);

        List<Path> weights = List.of(root.resolve("models/llama-7b/model.safetensors"),
                root.resolve("models/mistral-7b/pytorch_model.bin"), root.resolve("models/tiny-bert/model.onnx"));
        for (Path weight : weights) {
            assertThat(Files.size(weight)).isBetween(1024L, 8192L);
        }
        assertThat(Files.readAllBytes(weights.get(0))).isNotEqualTo(Files.readAllBytes(weights.get(1)))
                .startsWith(DemoInstallation.weights("llama-7b", 32));
        assertThat(root.resolve("models/llama-7b/config.json")).isRegularFile();
        assertThat(root.resolve("models/tiny-bert/config.json")).doesNotExist();
    }

    @Test
    void hasRecordsThatExerciseTheDataRules(@TempDir Path root) throws IOException {
        DemoInstallation.write(root);

        List<String> lines = new ArrayList<>(Files.readAllLines(root.resolve("data/requests.jsonl"), StandardCharsets.UTF_8));
        lines.addAll(Files.readAllLines(root.resolve("data/2023/11/archive.jsonl"), StandardCharsets.UTF_8));
        assertThat(lines).contains("");
        List<JsonNode> records = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            if (!line.isEmpty()) {
                records.add(json.readTree(line));
            }
        }
        assertThat(records).allMatch(JsonNode::isObject);
        assertThat(records).anyMatch(r -> r.get("ts").isFloatingPointNumber());
        assertThat(records).anyMatch(r -> !r.has("api_key"));
        assertThat(records).anyMatch(r -> !r.has("latency_ms"));
        assertThat(records).anyMatch(r -> r.has("latency_ms") && r.get("latency_ms").asInt() == 0);
        assertThat(records).anyMatch(r -> r.path("note").asText().contains("世界"));
    }
}
