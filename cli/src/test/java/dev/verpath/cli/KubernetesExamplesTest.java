package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes examples in deploy/kubernetes parse, and what they run is a real {@code migrate} command line whose
 * installation path is a mounted volume. (Not run against a cluster: there is none here.)
 */
class KubernetesExamplesTest {

    private static final Path FOLDER = Path.of("..", "deploy", "kubernetes");

    private static List<JsonNode> documents(String file) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = yaml.readerFor(JsonNode.class).readValues(FOLDER.resolve(file).toFile())) {
            it.forEachRemaining(docs::add);
        }
        return docs;
    }

    @Test
    void theJobMigratesTheMountedInstallationOnceAndNeverRetriesBlindly() throws IOException {
        List<JsonNode> docs = documents("migrate-job.yaml");

        assertThat(docs).extracting(d -> d.path("kind").asText()).containsExactly("Job", "ConfigMap");
        JsonNode job = docs.get(0);
        assertThat(job.path("spec").path("backoffLimit").asInt()).isZero();
        JsonNode pod = job.path("spec").path("template").path("spec");
        assertThat(pod.path("restartPolicy").asText()).isEqualTo("Never");
        checkMigrateContainer(pod, pod.path("containers").get(0));
        assertThat(docs.get(1).path("data").path("migration_config.toml").asText()).contains("[backup]");
    }

    @Test
    void theInitContainerMigratesBeforeTheServerStarts() throws IOException {
        List<JsonNode> docs = documents("init-container.yaml");

        assertThat(docs).singleElement().extracting(d -> d.path("kind").asText()).isEqualTo("Deployment");
        JsonNode pod = docs.get(0).path("spec").path("template").path("spec");
        checkMigrateContainer(pod, pod.path("initContainers").get(0));
        assertThat(pod.path("containers").get(0).path("readinessProbe").isObject()).isTrue();
    }

    @Test
    void theImageRunsTheReleaseLauncher() throws IOException {
        assertThat(Files.readString(FOLDER.resolve("Dockerfile"))).contains("FROM eclipse-temurin:17-jre")
                .contains("bin/migrate").contains("ENTRYPOINT [\"migrate\"]");
    }

    /** The container runs migrate with --json on a path that is one of its mounts, of a volume the pod declares. */
    private static void checkMigrateContainer(JsonNode pod, JsonNode container) {
        List<String> args = new ArrayList<>();
        container.path("args").forEach(a -> args.add(a.asText()));
        assertThat(args).contains("--json", "--yes", "version", "--path");
        String path = args.get(args.indexOf("--path") + 1);
        Set<String> volumes = new HashSet<>();
        pod.path("volumes").forEach(v -> volumes.add(v.path("name").asText()));
        List<String> mounts = new ArrayList<>();
        container.path("volumeMounts").forEach(m -> {
            assertThat(volumes).as("a mount of a declared volume").contains(m.path("name").asText());
            mounts.add(m.path("mountPath").asText());
        });
        assertThat(mounts).as("the installation path is a mounted volume").contains(path);
        MigrateCommand.commandLine(new MigrateCommand(java.util.Map.of())).parseArgs(args.toArray(String[]::new));
    }
}
