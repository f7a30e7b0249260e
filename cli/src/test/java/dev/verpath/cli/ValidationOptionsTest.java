package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code migrate validate --strict, --category, --report, --version}. */
class ValidationOptionsTest {

    @TempDir
    Path work;

    private ServeFixture inst;

    @BeforeEach
    void install() throws IOException {
        inst = ServeFixture.clean(work.resolve("inst"));
        inst.chmod("config/server.toml", "rw-rw-rw-");
    }

    @Test
    void warningsPassUnlessStrict() {
        CommandRun lenient = CommandRun.of("--json", "validate", "--path", inst.arg());
        CommandRun strict = CommandRun.of("--json", "validate", "--path", inst.arg(), "--strict");

        assertThat(lenient.exit()).isZero();
        assertThat(lenient.json().at("/findings/security/0/severity").asText()).isEqualTo("warning");
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.json().get("strict").asBoolean()).isTrue();
        assertThat(strict.json().at("/findings/security/0/severity").asText()).isEqualTo("error");
        assertThat(CommandRun.of("validate", "--path", inst.arg(), "--strict").out())
                .startsWith("validate serve 1.0.0 (strict: warnings are errors): 1 errors, 0 warnings, 0 notes: NOT valid\n");
    }

    @Test
    void theStrictSettingActsAsTheOption() throws IOException {
        Path settings = work.resolve("strict.toml");
        Files.writeString(settings, "[validation]\nstrict = true\n");

        CommandRun run = CommandRun.of("--migration-config", settings.toString(), "validate", "--path", inst.arg());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("  error   config/server.toml: file is writable by every user");
    }

    @Test
    void categoriesNarrowTheChecks() throws IOException {
        inst.write("config/server.toml", ServeFixture.CONFIG.replace("http_port = 8080\n", "")).chmod("config/server.toml", "rw-rw-rw-");

        JsonNode security = CommandRun.of("--json", "validate", "--path", inst.arg(), "--category", "security").json();
        JsonNode both = CommandRun.of("--json", "validate", "--path", inst.arg(), "--category", "schema,SECURITY").json();
        CommandRun repeated = CommandRun.of("validate", "--path", inst.arg(), "--category", "integrity", "--category", "compatibility");

        assertThat(ServeFixture.findings(security)).containsExactly(
                "security warning engine.security.world-writable config/server.toml");
        assertThat(security.get("categories").toString()).isEqualTo("[\"security\"]");
        assertThat(ServeFixture.findings(both)).containsExactly(
                "schema error serve.1.0.0.config-schema config/server.toml",
                "security warning engine.security.world-writable config/server.toml");
        assertThat(repeated.exit()).isZero();
        assertThat(repeated.out()).isEqualTo("validate serve 1.0.0 (integrity, compatibility only): no findings, the "
                + "installation is valid\n");
    }

    @Test
    void anUnknownCategoryIsAUsageError() {
        CommandRun run = CommandRun.of("validate", "--path", inst.arg(), "--category", "speed");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'speed'").contains("schema, integrity, security, performance, compatibility");
    }

    @Test
    void theReportFileHoldsWhatJsonPrints() throws IOException {
        Path report = work.resolve("reports/validation.json");

        CommandRun json = CommandRun.of("--json", "validate", "--path", inst.arg(), "--report", report.toString());
        String written = Files.readString(report, StandardCharsets.UTF_8);
        CommandRun text = CommandRun.of("validate", "--path", inst.arg(), "--report", report.toString());

        assertThat(written).isEqualTo(json.out());
        assertThat(json.json().get("command").asText()).isEqualTo("validate");
        assertThat(text.out()).startsWith("validate serve 1.0.0: 0 errors, 1 warnings");
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).isEqualTo(written);
    }

    @Test
    void anotherVersionCanBeCheckedAgainst() {
        JsonNode document = CommandRun.of("--json", "validate", "--path", inst.arg(), "--version", "2.0.0", "--category", "schema").json();

        assertThat(document.get("version").asText()).isEqualTo("2.0.0");
        assertThat(ServeFixture.findings(document)).contains("schema error serve.2.0.0.version-file VERSION");
    }

    @Test
    void repairWithNothingDamagedRepairsNothing() {
        CommandRun run = CommandRun.of("--json", "validate", "--path", inst.arg(), "--repair");

        assertThat(run.exit()).isZero();
        assertThat(run.json().get("repairs").size()).isZero();
    }

    @Test
    void theReportFileIsWrittenEvenWhenValidationFails() throws IOException {
        inst.write("VERSION", "9.9.9\n");
        Path report = work.resolve("r.json");

        CommandRun run = CommandRun.of("validate", "--path", inst.arg(), "--report", report.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(Files.readString(report)).contains("\"valid\": false").contains("engine.schema.known-version");
    }
}
