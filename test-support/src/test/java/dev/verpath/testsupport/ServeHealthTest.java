package dev.verpath.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class ServeHealthTest {

    private static final String V0_1 = """
            host = "0.0.0.0"
            port = 8080
            model_dir = "models"
            max_batch = 8
            log_level = "info"
            """;

    private static final String V1_0 = """
            bind_address = "0.0.0.0"
            http_port = 8080
            models_path = "models"
            max_batch_size = 8
            log_level = "info"

            [workers]
            count = 4
            queue_size = 1024
            """;

    private static final String V2_0 = """
            [server]
            bind_address = "0.0.0.0"
            http_port = 8080
            api_prefix = "/v2"

            [inference]
            max_batch_size = 8
            models_path = "models"

            [workers]
            count = 4
            queue_size = 1024

            [logging]
            level = "info"
            format = "text"
            """;

    private static final String V2_1 = V2_0 + """

            [streaming]
            enabled = true
            chunk_size = 16

            [rate_limit]
            requests_per_minute = 600
            burst = 50
            """;

    @TempDir
    Path root;

    @Test
    void eachVersionIsHealthyWithTheConfigOfItsOwnShape() throws IOException {
        List<List<String>> cases = List.of(List.of("0.1.0", V0_1), List.of("1.0.0", V1_0), List.of("2.0.0", V2_0),
                List.of("2.1.0", V2_1));
        for (List<String> c : cases) {
            install(c.get(0), c.get(1));

            ServeHealth health = ServeHealth.of(root, List.of());

            assertThat(health.line()).as(c.get(0)).isEqualTo("ok " + c.get(0));
            assertThat(health.healthy()).isTrue();
        }
    }

    @Test
    void aNewVersionWithTheOldConfigIsUnhealthyNamingTheMissingKey() throws IOException {
        install("2.0.0", V1_0);

        ServeHealth health = ServeHealth.of(root, List.of());

        assertThat(health.healthy()).isFalse();
        assertThat(health.line())
                .isEqualTo("unhealthy: config/server.toml lacks server.bind_address, which serve 2.0.0 needs");
    }

    @Test
    void theFirstVersionNeedsTheKeysOnlyItHas() throws IOException {
        install("0.1.0", V1_0);

        assertThat(ServeHealth.of(root, List.of()).line())
                .isEqualTo("unhealthy: config/server.toml lacks host, which serve 0.1.0 needs");
    }

    @Test
    void theLaterMinorVersionNeedsItsNewTables() throws IOException {
        install("2.1.0", V2_0);

        assertThat(ServeHealth.of(root, List.of()).line())
                .isEqualTo("unhealthy: config/server.toml lacks streaming.enabled, which serve 2.1.0 needs");
    }

    @Test
    void aRequiredDottedKeyThatIsMissingMakesItUnhealthy() throws IOException {
        install("2.1.0", V2_1);

        assertThat(ServeHealth.of(root, List.of("server.api_prefix", "rate_limit.burst")).healthy()).isTrue();
        assertThat(ServeHealth.of(root, List.of("server.api_prefix", "server.tls_cert")).line())
                .isEqualTo("unhealthy: config/server.toml lacks server.tls_cert, which this server requires (--require)");
    }

    @Test
    void anUnknownVersionOrNoVersionFileIsUnhealthy() throws IOException {
        install("3.0.0", V2_1);
        assertThat(ServeHealth.of(root, List.of()).line())
                .isEqualTo("unhealthy: this server knows no version 3.0.0 (it knows 0.1.0, 1.0.0, 2.0.0, 2.1.0)");

        Files.delete(root.resolve("VERSION"));
        ServeHealth health = ServeHealth.of(root, List.of());
        assertThat(health.version()).isEmpty();
        assertThat(health.line()).isEqualTo("unhealthy: cannot read " + root.resolve("VERSION"));
    }

    @Test
    void aConfigThatIsNotTomlOrIsMissingIsUnhealthyInOneLine() throws IOException {
        install("1.0.0", "bind_address = \"0.0.0.0\"\nhttp_port = = 8080\n");
        assertThat(ServeHealth.of(root, List.of()).line())
                .isEqualTo("unhealthy: config/server.toml is not valid TOML (line 2)");

        Files.delete(root.resolve(ServeHealth.CONFIG));
        assertThat(ServeHealth.of(root, List.of()).line()).isEqualTo("unhealthy: cannot read config/server.toml");
    }

    private void install(String version, String config) throws IOException {
        Files.writeString(root.resolve("VERSION"), version + "\n");
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve(ServeHealth.CONFIG), config);
    }
}
