package dev.verpath.cli;

import static dev.verpath.cli.JsonSchemas.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The {@code --json} documents are a contract (docs/json-output.md): each command's document, in its success and
 * its main failure, conforms to the schema the jar ships, every command has one, and each schema is a valid
 * draft 2020-12 schema with an {@code $id}, a {@code schemaVersion} and no room for an unplanned top-level key.
 */
class JsonContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyCommandHasASchemaThatIsStrictAtTheTopAndVersioned() throws IOException {
        List<String> names = leafNames(MigrateCommand.commandLine(new MigrateCommand(Map.of())), "");
        assertThat(names).contains("version", "info", "backups-list", "plugins-list", "completion");
        List<String> all = new ArrayList<>(names);
        all.add("error");
        for (String name : all) {
            JsonNode schema = schemaFile(name);
            assertThat(schema.path("$id").asText()).as(name).isEqualTo(JsonSchemas.ID_PREFIX + name + ".schema.json");
            assertThat(schema.path("schemaVersion").asInt()).as(name).isEqualTo(1);
            assertThat(schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean())
                    .as("%s: additionalProperties false at the top", name).isTrue();
            assertThat(schema.path("required")).as(name).extracting(JsonNode::asText).contains("outcome", "schemaVersion");
            assertThat(schema.at("/properties/outcome/enum")).as("%s: outcome is an enum", name).isNotEmpty();
        }
    }

    @Test
    void eachSchemaIsAValidDraft2020Schema() throws IOException {
        List<String> names = new ArrayList<>(leafNames(MigrateCommand.commandLine(new MigrateCommand(Map.of())), ""));
        names.add("error");
        names.add("common");
        for (String name : names) {
            String text = JSON.writeValueAsString(schemaFile(name));
            assertThat(schemaFile(name).path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(JsonSchemas.metaSchema().validate(text, InputFormat.JSON)).as(name).isEmpty();
            assertThat(JsonSchemas.named(name)).as("%s loads with its references", name).isNotNull();
        }
    }

    @Test
    void aSchemaRefusesAnUnplannedKeyAndAWrongType() {
        String good = "{\"command\": \"graph\", \"outcome\": \"completed\", \"schemaVersion\": 1, \"products\": {}}";
        assertThat(JsonSchemas.named("graph").validate(good, InputFormat.JSON)).isEmpty();
        assertThat(JsonSchemas.named("graph").validate(good.replace("}}", "}, \"extra\": 1}"), InputFormat.JSON))
                .isNotEmpty();
        assertThat(JsonSchemas.named("graph").validate(good.replace("1,", "\"1\","), InputFormat.JSON)).isNotEmpty();
        assertThat(JsonSchemas.named("graph").validate(good.replace("completed", "done"), InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void aCancelledConfirmationConformsToTheSchemasOfTheCommandsThatAsk() {
        for (String command : List.of("rollback", "backups prune")) {
            com.fasterxml.jackson.databind.node.ObjectNode document = Output.object();
            document.put("command", command);
            String cancelled = Output.render(Output.withOutcome(document, Outcome.CANCELLED)); // as Output.cancelled
            String name = command.replace(' ', '-');
            assertConforms(new CommandRun(1, cancelled, ""), name);
            assertThat(JsonSchemas.named(name).validate(cancelled.replace("cancelled", "completed"), InputFormat.JSON))
                    .as("%s: a completed document has all its keys", name).isNotEmpty();
        }
    }

    @Test
    void aProductWithoutRequirementsHasAnEmptyList() {
        assertThat(run(0, "info", "--from", "0.1.0", "--to", "2.1.0").json().path("requirements").isArray()).isTrue();
    }

    @Test
    void aMigrationItsPlanAndItsChecksConformToTheirSchemas() throws IOException {
        Path inst = demo("inst");
        String path = inst.toString();

        assertConforms(run(0, "info", "--path", path, "--to", "2.1.0"), "info");
        assertConforms(run(0, "backups", "create", "--path", path, "config/server.toml"), "backups-create");
        CommandRun dry = run(0, "version", "--path", path, "--to", "2.1.0", "--dry-run");
        assertConforms(dry, "version");
        assertThat(dry.json().path("outcome").asText()).isEqualTo("dry-run");
        CommandRun migrated = run(0, "version", "--path", path, "--to", "2.1.0", "--yes", "--verbose");
        assertConforms(migrated, "version");
        assertThat(migrated.json().fieldNames()).toIterable().startsWith("command", "outcome", "schemaVersion");
        assertThat(migrated.json().path("schemaVersion").isInt()).isTrue();
        assertConforms(run(0, "validate", "--path", path), "validate");
        assertConforms(run(0, "status", "--path", path), "status");
        assertConforms(run(0, "backups", "list", "--path", path), "backups-list");
        assertConforms(run(0, "backups", "verify", "--path", path), "backups-verify");
        String share = dir.resolve("share").toString();
        assertConforms(run(0, "backups", "push", "--path", path, "--to", share), "backups-push");
        CommandRun remote = run(0, "backups", "list", "--path", path, "--remote", share);
        assertConforms(remote, "backups-list");
        assertThat(remote.json().at("/backups/0/where").asText()).startsWith(share + "/serve/");
        assertConforms(run(0, "backups", "pull", "--path", dir.resolve("copy").toString(), "--from", share), "backups-pull");
        assertConforms(run(0, "rollback", "--path", path, "--yes"), "rollback");
        assertConforms(run(0, "backups", "prune", "--path", path, "--yes"), "backups-prune");

        CommandRun invalid = run(1, "validate", "--path", path, "--version", "2.1.0");
        assertConforms(invalid, "validate");
        assertThat(invalid.json().path("outcome").asText()).isEqualTo("invalid");
    }

    @Test
    void theScopedMigrationsConformToTheirSchemas() throws IOException {
        Path inst = demo("inst");
        assertConforms(run(0, "config", "--config", inst.resolve("config/server.toml").toString(), "--from", "0.1.0",
                "--to", "1.0.0", "--yes"), "config");
        assertConforms(run(0, "data", "--data-path", inst.resolve("data").toString(), "--from", "0.1.0",
                "--to", "1.0.0", "--yes"), "data");
        assertConforms(run(0, "models", "--models-path", inst.resolve("models").toString(), "--from", "0.1.0",
                "--to", "1.0.0", "--yes"), "models");
    }

    @Test
    void theCommandsWithoutAnInstallationConformToTheirSchemas() {
        assertConforms(run(0, "graph"), "graph");
        assertConforms(run(0, "plugins", "list"), "plugins-list");
        assertConforms(run(0, "completion", "bash"), "completion");
        assertConforms(run(0, "demo", "--keep", dir.resolve("demo").toString()), "demo");
    }

    @Test
    void failuresPrintTheErrorDocument() throws IOException {
        Path inst = demo("inst");
        CommandRun noPath = run(2, "version", "--path", inst.toString(), "--to", "9.9.9", "--yes");
        assertConforms(noPath, "error");
        assertThat(noPath.json().at("/error/code").asText()).isEqualTo("NO_PATH");
        CommandRun usage = run(2, "info", "--frmo", "1");
        assertConforms(usage, "error");
        assertThat(usage.json().at("/error/suggestions/0").asText()).isEqualTo("--from");
        CommandRun nothingToRestore = CommandRun.of("--json", "rollback", "--path", inst.toString(), "--yes");
        assertThat(nothingToRestore.exit()).isNotZero();
        assertConforms(nothingToRestore, "error");
        run(0, "version", "--path", inst.toString(), "--to", "1.0.0", "--yes");
        CommandRun noTerminal = run(2, "rollback", "--path", inst.toString()); // nobody can confirm it, no --yes
        assertConforms(noTerminal, "error");
        assertThat(noTerminal.json().at("/error/code").asText()).isEqualTo("USAGE");
    }

    @Test
    void aCorruptBackupIsReportedByVerifyInItsSchema() throws IOException {
        Path inst = demo("inst");
        run(0, "version", "--path", inst.toString(), "--to", "1.0.0", "--yes");
        JsonNode listed = run(0, "backups", "list", "--path", inst.toString()).json();
        Path backup = inst.resolve(listed.at("/backups/0/folder").asText());
        try (var files = Files.walk(backup)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("manifest.json"))
                    .toList()) {
                Files.write(f, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
            }
        }
        CommandRun verify = run(5, "backups", "verify", "--path", inst.toString());
        assertConforms(verify, "backups-verify");
        assertThat(verify.json().path("outcome").asText()).isEqualTo("backup-corrupt");
        CommandRun rollback = run(5, "rollback", "--path", inst.toString(), "--yes");
        assertConforms(rollback, "error");
        assertThat(rollback.json().path("outcome").asText()).isEqualTo("backup-corrupt");
    }

    private Path demo(String name) {
        Path root = dir.resolve(name);
        DemoInstallation.write(root);
        return root;
    }

    private static CommandRun run(int exit, String... args) {
        String[] json = new String[args.length + 1];
        json[0] = "--json";
        System.arraycopy(args, 0, json, 1, args.length);
        CommandRun run = CommandRun.of(json);
        assertThat(run.exit()).as("exit of %s%n%s", String.join(" ", args), run.err()).isEqualTo(exit);
        return run;
    }

    /** The commands that run (not the groups), named as their schema files are: {@code backups-list}. */
    private static List<String> leafNames(CommandLine line, String prefix) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, CommandLine> sub : line.getSubcommands().entrySet()) {
            if (!sub.getValue().getCommandName().equals(sub.getKey())) {
                continue; // an alias
            }
            String name = prefix + sub.getKey();
            if (sub.getValue().getSubcommands().isEmpty()) {
                names.add(name);
            } else {
                names.addAll(leafNames(sub.getValue(), name + "-"));
            }
        }
        return names;
    }

    private static JsonNode schemaFile(String name) throws IOException {
        try (InputStream in = JsonContractTest.class.getClassLoader()
                .getResourceAsStream(JsonSchemas.FOLDER + name + ".schema.json")) {
            assertThat(in).as("%s%s.schema.json in the jar", JsonSchemas.FOLDER, name).isNotNull();
            return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
