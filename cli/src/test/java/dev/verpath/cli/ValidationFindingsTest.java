package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One fixture a finding: a clean serve 1.0.0 installation broken in one way, and {@code migrate validate}
 * reports exactly that finding, with its category, severity, rule and file (listed as
 * {@code category severity rule path}).
 */
class ValidationFindingsTest {

    private static final String MODEL = ServeFixture.MODEL;

    @TempDir
    Path work;

    private ServeFixture inst;

    @BeforeEach
    void install() throws IOException {
        inst = ServeFixture.clean(work.resolve("inst"));
    }

    private JsonNode validate(String... options) {
        String[] args = new String[4 + options.length];
        args[0] = "--json";
        args[1] = "validate";
        args[2] = "--path";
        args[3] = inst.arg();
        System.arraycopy(options, 0, args, 4, options.length);
        CommandRun run = CommandRun.of(args);
        JsonNode document = run.json();
        assertThat(run.exit()).as(run.out()).isEqualTo(document.get("valid").asBoolean() ? 0 : 1);
        return document;
    }

    private List<String> findings(String... options) {
        return ServeFixture.findings(validate(options));
    }

    @Test
    void aCleanInstallationReportsNothing() {
        JsonNode document = validate();

        assertThat(ServeFixture.findings(document)).isEmpty();
        assertThat(document.get("valid").asBoolean()).isTrue();
        assertThat(CommandRun.of("validate", "--path", inst.arg()).out())
                .isEqualTo("validate serve 1.0.0: no findings, the installation is valid\n");
    }

    @Test
    void aCleanInstallationMigratedToTheNewestVersionReportsNothing() {
        CommandRun migrate = CommandRun.of("--quiet", "version", "--path", inst.arg(), "--to", "2.1.0");
        assertThat(migrate.exit()).as(migrate.err()).isZero();

        assertThat(findings()).isEmpty();
    }

    // schema

    @Test
    void aConfigThatDoesNotParse() throws IOException {
        inst.write("config/server.toml", "bind_address = \n");

        assertThat(findings()).containsExactly("schema error serve.1.0.0.config-schema config/server.toml");
    }

    @Test
    void aPluginTomlThatDoesNotParseInTheWordsTheMigrationWouldStopWith() throws IOException {
        inst.write("config/timeouts.toml", "[server]\nrequest_timeout_seconds = \n");

        JsonNode document = validate();

        assertThat(ServeFixture.findings(document))
                .containsExactly("schema error engine.schema.config-syntax config/timeouts.toml");
        assertThat(document.at("/findings/schema/0/location").asText()).isEqualTo("line 2");
        String message = document.at("/findings/schema/0/message").asText();
        assertThat(message).startsWith("not valid TOML: ");
        CommandRun migrate = CommandRun.of("version", "--path", inst.arg(), "--to", "2.0.0");
        assertThat(migrate.exit()).isNotZero();
        assertThat(migrate.err()).contains("config/timeouts.toml:2: " + message);
    }

    @Test
    void aJsonConfigFileThatDoesNotParse() throws IOException {
        inst.write("config/extra.json", "{\n  \"a\": [1,\n}\n");

        JsonNode document = validate();

        assertThat(ServeFixture.findings(document)).containsExactly("schema error engine.schema.config-syntax config/extra.json");
        assertThat(document.at("/findings/schema/0/message").asText()).startsWith("not valid JSON: ");
    }

    @Test
    void aConfigWithoutARequiredKey() throws IOException {
        inst.write("config/server.toml", ServeFixture.CONFIG.replace("http_port = 8080\n", ""));

        assertThat(findings()).containsExactly("schema error serve.1.0.0.config-schema config/server.toml");
    }

    @Test
    void aRecordWithoutItsSchemaVersion() throws IOException {
        inst.write("data/requests.jsonl", ServeFixture.RECORDS.replace(",\"schema_version\":1}\n{\"id\":\"req-2\"",
                "}\n{\"id\":\"req-2\""));

        JsonNode document = validate();
        assertThat(ServeFixture.findings(document)).containsExactly("schema error serve.1.0.0.data-schema data/requests.jsonl");
        assertThat(document.at("/findings/schema/0/location").asText()).isEqualTo("line 1");
        assertThat(document.at("/findings/schema/0/message").asText()).contains("schema_version");
    }

    @Test
    void aVersionFileNamingAnUnknownVersion() throws IOException {
        inst.write("VERSION", "9.9.9\n");

        JsonNode document = validate();
        assertThat(ServeFixture.findings(document)).containsExactly("schema error engine.schema.known-version VERSION");
        assertThat(document.at("/findings/schema/0/message").asText()).contains("9.9.9").contains("2.1.0");
    }

    @Test
    void metadataListingAFileThatIsNotThere() throws IOException {
        inst.addListing(MODEL, "tokenizer.json", 10, "0".repeat(64));

        JsonNode document = validate();
        assertThat(ServeFixture.findings(document))
                .containsExactly("integrity error serve.1.0.0.model-integrity " + MODEL + "/metadata.json");
        assertThat(document.at("/findings/integrity/0/message").asText()).isEqualTo("tokenizer.json is listed but missing");
    }

    @Test
    void metadataNotListingAFileThatIsThere() throws IOException {
        inst.write(MODEL + "/tokenizer.json", "{}\n");

        JsonNode document = validate();
        assertThat(ServeFixture.findings(document))
                .containsExactly("integrity error serve.1.0.0.model-integrity " + MODEL + "/metadata.json");
        assertThat(document.at("/findings/integrity/0/message").asText()).isEqualTo("tokenizer.json is present but not listed");
    }

    // integrity

    @Test
    void aFileOfAnotherSizeThanRecorded() throws IOException {
        inst.write(MODEL + "/config.json", "{\"architecture\": \"llama\", \"hidden_size\": 6400}\n");

        JsonNode document = validate();
        assertThat(ServeFixture.findings(document))
                .containsExactly("integrity error serve.1.0.0.model-integrity " + MODEL + "/metadata.json");
        assertThat(document.at("/findings/integrity/0/message").asText()).startsWith("config.json has size");
    }

    @Test
    void aFileOfTheRecordedSizeButAnotherHash() throws IOException {
        inst.write(MODEL + "/config.json", "{\"architecture\": \"llamb\", \"hidden_size\": 64}\n");

        JsonNode document = validate();
        assertThat(ServeFixture.findings(document))
                .containsExactly("integrity error serve.1.0.0.model-integrity " + MODEL + "/metadata.json");
        assertThat(document.at("/findings/integrity/0/message").asText()).isEqualTo("config.json does not match its listed SHA-256");
    }

    // security

    @ParameterizedTest
    @ValueSource(strings = {"../../../outside.bin", "/etc/passwd"})
    void metadataListingAPathOutsideTheInstallation(String listed) throws IOException {
        inst.addListing(MODEL, listed, 10, "0".repeat(64));

        JsonNode document = validate();
        // the serve rule also misses the file in the model folder: two findings, one each category
        assertThat(ServeFixture.findings(document)).containsExactly(
                "integrity error serve.1.0.0.model-integrity " + MODEL + "/metadata.json",
                "security error engine.security.path-escape " + MODEL + "/metadata.json");
        assertThat(document.at("/findings/security/0/location").asText()).isEqualTo("key files[2].path");
        assertThat(document.at("/findings/security/0/message").asText()).contains(listed);
    }

    @Test
    void aSymbolicLinkPointingOutsideTheInstallation() throws IOException {
        Files.createDirectories(work.resolve("elsewhere"));
        Files.createSymbolicLink(inst.resolve("shared"), Path.of("../elsewhere"));

        assertThat(findings()).containsExactly("security error engine.security.symlink-escape shared");
    }

    @Test
    void aSymbolicLinkInsideTheInstallationIsFine() throws IOException {
        Files.createSymbolicLink(inst.resolve("current-model"), Path.of(MODEL));

        assertThat(findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {MODEL + "/model.safetensors", "data/requests.jsonl"})
    void anExecutableModelOrDataFile(String file) throws IOException {
        inst.chmod(file, "rwxr-xr-x");

        assertThat(findings()).containsExactly("security warning engine.security.executable " + file);
    }

    @Test
    void aWorldWritableFile() throws IOException {
        inst.chmod("config/server.toml", "rw-rw-rw-");

        assertThat(findings()).containsExactly("security warning engine.security.world-writable config/server.toml");
    }

    @Test
    void aPlainHttpSourceInTheConfig() throws IOException {
        inst.write("config/server.toml", ServeFixture.CONFIG + "\n[sources]\nregistry = \"http://models.example.org/v1\"\n"
                + "health = \"http://localhost:8080/health\"\n");

        JsonNode document = validate();
        assertThat(ServeFixture.findings(document)).containsExactly("security warning engine.security.plain-http config/server.toml");
        assertThat(document.at("/findings/security/0/location").asText()).isEqualTo("line 12");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api_key", "token", "password"})
    void aSecretInClearInTheConfig(String key) throws IOException {
        inst.write("config/server.toml", ServeFixture.CONFIG + "\n[auth]\n" + key + " = \"s3cr3t-value\"\napi_token = \"${API_TOKEN}\"\n");

        JsonNode document = validate();
        assertThat(ServeFixture.findings(document))
                .containsExactly("security warning engine.security.secret-in-config config/server.toml");
        assertThat(document.at("/findings/security/0/location").asText()).isEqualTo("line 12");
        assertThat(document.toString()).doesNotContain("s3cr3t-value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bin", "pt"})
    void pickleWeightsWithASafetensorsTwin(String extension) throws IOException {
        inst.write(MODEL + "/model." + extension, DemoInstallation.weights("pickle", 512)).seal(MODEL);

        assertThat(findings()).containsExactly("security warning engine.security.pickle-weights " + MODEL + "/model." + extension);
    }

    // performance

    @Test
    void pickleWeightsWithoutASafetensorsTwin() throws IOException {
        inst.write("models/bert/pytorch_model.bin", DemoInstallation.weights("bert", 512)).seal("models/bert");

        JsonNode document = validate();
        assertThat(ServeFixture.findings(document)).containsExactly(
                "security warning engine.security.pickle-weights models/bert/pytorch_model.bin",
                "performance info engine.performance.no-safetensors models/bert/pytorch_model.bin");
        assertThat(document.at("/findings/performance/0/remedy").asText()).contains("model.safetensors");
    }

    @Test
    void aFolderOfVeryManySmallFiles() throws IOException {
        for (int i = 0; i < 1000; i++) {
            inst.write("assets/icons/icon-" + i + ".svg", "<svg/>\n");
        }

        assertThat(findings()).containsExactly("performance info engine.performance.many-small-files assets/icons");
    }

    @Test
    void aDataFileOverTheSplitSize() throws IOException {
        Path settings = work.resolve("migration_config.toml");
        Files.writeString(settings, "[validation]\nsplit_file_bytes = 200\n");

        CommandRun run = CommandRun.of("--json", "--migration-config", settings.toString(), "validate", "--path", inst.arg());
        assertThat(ServeFixture.findings(run.json()))
                .containsExactly("performance info engine.performance.large-data-file data/requests.jsonl");
        assertThat(run.exit()).isZero();
    }

    // compatibility

    @ParameterizedTest
    @ValueSource(strings = {"CON", "nul.txt", "aux.tar.gz", "notes.", "notes ", "a<b.txt", "a>b.txt", "a:b.txt", "a\"b.txt",
        "a|b.txt", "a?b.txt", "a*b.txt", "a\\b.txt", "tab\there.txt"})
    void aNameWindowsCannotHold(String name) throws IOException {
        inst.write(name, "x\n");

        assertThat(findings()).containsExactly("compatibility warning engine.compatibility.windows-name " + name);
    }

    @Test
    void aPathOverTwoHundredSixtyCharacters() throws IOException {
        String file = "deep/" + "a".repeat(150) + "/" + "b".repeat(120) + ".txt";
        inst.write(file, "x\n");

        assertThat(findings()).containsExactly("compatibility warning engine.compatibility.long-path " + file);
    }

    @Test
    void twoNamesThatDifferOnlyByCase() throws IOException {
        inst.write("README.txt", "x\n").write("readme.txt", "y\n");

        JsonNode document = validate();
        assertThat(ServeFixture.findings(document))
                .containsExactly("compatibility warning engine.compatibility.case-collision readme.txt");
        assertThat(document.at("/findings/compatibility/0/message").asText()).contains("README.txt");
    }

    @Test
    void aNameThatIsNotValidUtf8() throws IOException, InterruptedException {
        assumeTrue(inst.createRawName(new byte[] {'n', 'o', 't', 'e', 's', '-', (byte) 0xff, '.', 't', 'x', 't'}),
                "this system cannot create a file whose name is not UTF-8");

        assertThat(findings()).containsExactly("compatibility warning engine.compatibility.non-utf8-name notes-\uFFFD.txt");
    }

    // every finding names the file, what is wrong and what to do

    @Test
    void everyFindingHasAPathAMessageAndARemedy() throws IOException {
        inst.chmod("config/server.toml", "rw-rw-rw-").write("CON", "x\n").write(MODEL + "/model.pt", new byte[] {1})
                .addListing(MODEL, "../../x", 1, "0".repeat(64));
        Files.createSymbolicLink(inst.resolve("out"), Path.of("/"));

        JsonNode document = validate();
        List<JsonNode> all = new java.util.ArrayList<>();
        document.get("findings").forEach(list -> list.forEach(all::add));
        assertThat(all).hasSizeGreaterThanOrEqualTo(6);
        assertThat(all).allSatisfy(f -> {
            assertThat(f.get("path").asText()).isNotEmpty();
            assertThat(f.get("message").asText()).isNotBlank();
            assertThat(f.get("remedy").asText()).isNotBlank().endsWith(".");
        });
        assertThat(document.get("valid").asBoolean()).isFalse();
    }

    @Test
    void findingsAreGroupedByCategoryInText() throws IOException {
        inst.chmod("config/server.toml", "rw-rw-rw-").write("CON", "x\n");

        CommandRun run = CommandRun.of("validate", "--path", inst.arg());

        assertThat(run.exit()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                "validate serve 1.0.0: 0 errors, 2 warnings, 0 notes: valid",
                "security:",
                "  warning config/server.toml: file is writable by every user (mode rw-rw-rw-)",
                "          fix: Take the write permission from other users: chmod o-w config/server.toml. (engine.security.world-writable)",
                "compatibility:",
                "  warning CON: name 'CON' is reserved (CON); Windows cannot create or copy it",
                "          fix: Rename it to a name without that. (engine.compatibility.windows-name)");
    }

    @Test
    void anEditedListingIsReportedOnce() throws IOException {
        inst.editListing(MODEL, Map.of("size", 1));

        assertThat(findings()).containsExactly("integrity error serve.1.0.0.model-integrity " + MODEL + "/metadata.json");
    }
}
