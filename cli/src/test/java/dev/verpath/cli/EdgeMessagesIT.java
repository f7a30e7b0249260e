package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static dev.verpath.testsupport.RuleSetSource.serveEdgeJar;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code migrate} says at the edges, through the real launcher in a subprocess: each defect a user found
 * (issue 11), one test each. Every failed run here also passes {@link MessageShape}'s check.
 */
class EdgeMessagesIT {

    @TempDir
    Path work;

    private Path installation() {
        Path root = work.resolve("inst");
        DemoInstallation.write(root);
        return root;
    }

    @Test
    void validateAndVersionReadARecordWithInvalidUtf8TheSameWay() throws IOException {
        Path root = installation();
        Path records = root.resolve("data/requests.jsonl");
        long lines = Files.readAllLines(records).size();
        byte[] bad = "{\"id\":\"\u00ff\",\"model\":\"m\",\"ts\":1}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(records, bad, java.nio.file.StandardOpenOption.APPEND);

        CommandRun validate = Launcher.run(work, "validate", "--path", root.toString());
        CommandRun version = Launcher.run(work, "version", "--path", root.toString(), "--to", "1.0.0", "--yes");

        assertThat(validate.exit()).as(validate.out()).isEqualTo(1);
        assertThat(validate.out()).contains("data/requests.jsonl:" + (lines + 1) + ": not a JSON object: Invalid UTF-8");
        assertThat(version.exit()).isEqualTo(1);
        assertThat(version.err()).contains("data/requests.jsonl:" + (lines + 1) + ": not a JSON object: Invalid UTF-8");
    }

    @Test
    void aTruncatedRecordIsNamedByLineWithoutTheParsersLocation() throws IOException {
        Path root = installation();
        Files.writeString(root.resolve("data/requests.jsonl"), "{\"id\":\"x\",\"model\":\"m\"",
                java.nio.file.StandardOpenOption.APPEND);

        CommandRun validate = Launcher.run(work, "validate", "--path", root.toString());
        CommandRun version = Launcher.run(work, "version", "--path", root.toString(), "--to", "1.0.0");

        assertThat(validate.out()).contains("not a JSON object: Unexpected end-of-input: expected close marker for Object\n");
        assertThat(version.err()).contains("not a JSON object: Unexpected end-of-input: expected close marker for Object (")
                .doesNotContain("Source", "REDACTED", "column");
    }

    @Test
    void aDuplicateTomlKeyIsReportedOnItsOwnLine() throws IOException {
        Path config = Files.writeString(work.resolve("dup.toml"), "host = \"a\"\nport = 1\nhost = \"b\"\n\nmodel_dir = \"m\"\n");
        Path settings = Files.writeString(work.resolve("settings.toml"), "[backup]\nkeep_last = 2\nkeep_last = 3\n");

        CommandRun run = Launcher.run(work, "config", "--config", config.toString(), "--from", "0.1.0", "--to", "1.0.0");
        CommandRun loaded = Launcher.run(work, "--migration-config", settings.toString(), "graph");

        assertThat(run.err()).contains(config + ":3: not valid TOML: host previously defined at line 1");
        assertThat(loaded.exit()).isEqualTo(2);
        assertThat(loaded.err()).contains(settings + ":3: not valid TOML (Duplicate key)");
    }

    @Test
    void aSubCommandNamesTheUsersFileNotItsMountName() throws IOException {
        Path root = installation();
        Path json = Files.writeString(work.resolve("server.json"), "host = 1\nhost = 2\n");
        Path data = Files.writeString(root.resolve("data/extra.jsonl"), "{\"id\":\"a\"}\nnot json\n");

        CommandRun config = Launcher.run(work, "config", "--config", json.toString(), "--from", "0.1.0", "--to", "1.0.0");
        CommandRun records = Launcher.run(work, "data", "--data-path", data.toString(), "--from", "0.1.0", "--to", "1.0.0");

        assertThat(config.err()).contains("migrate: " + json + ":2: ").doesNotContain("config/server.toml");
        assertThat(records.err()).contains("migrate: " + data + ":2: not a JSON object");
    }

    @Test
    void anUnknownTargetIsAUsageError() {
        Path root = installation();

        CommandRun info = Launcher.run(work, "info", "--from", "0.1.0", "--to", "9.9.9");
        CommandRun version = Launcher.run(work, "version", "--path", root.toString(), "--to", "9.9.9");

        assertThat(info.exit()).isEqualTo(2);
        assertThat(version.exit()).isEqualTo(2);
        assertThat(version.err()).contains("unknown version 9.9.9 of serve; known versions: 0.1.0, 1.0.0, 2.0.0, 2.1.0; give"
                + " one of them with --to");
        assertThat(root.resolve(".migrate")).doesNotExist();
    }

    @Test
    void aBadSettingIsReportedAgainstTheFileItIsIn() throws IOException {
        Path bad = Files.writeString(work.resolve("bad3.toml"), "# ours\n[backup]\nweights = \"foo\"\n");
        Path keep = Files.writeString(work.resolve("bad4.toml"), "[backup]\nkeep_last = \"x\"\n");
        Path flag = Files.writeString(work.resolve("bad5.toml"), "global.rollback_on_failure = \"maybe\"\n");

        CommandRun weights = Launcher.run(work, "--migration-config", bad.toString(), "info", "--from", "0.1.0", "--to", "1.0.0");
        CommandRun keepLast = Launcher.run(work, "--migration-config", keep.toString(), "info", "--from", "0.1.0", "--to", "1.0.0");
        CommandRun bool = Launcher.run(work, "--migration-config", flag.toString(), "graph");
        CommandRun env = Launcher.run(work, Map.of("MIGRATE_PLUGINS_DIR", work.resolve("none").toString()), "graph");

        assertThat(weights.exit()).isEqualTo(2);
        assertThat(weights.err()).contains("migrate: " + bad + ":3: backup.weights = 'foo': expected auto, link or copy")
                .doesNotContain("migration_config.toml:");
        assertThat(keepLast.err()).contains(keep + ":2: backup.keep_last = 'x': expected a whole number above 0");
        assertThat(bool.err()).contains(flag + ":1: global.rollback_on_failure = 'maybe': expected true or false");
        assertThat(env.err()).contains(work.resolve("none") + ": no such folder (the plugins folder given by $MIGRATE_PLUGINS_DIR)");
    }

    @Test
    void theGuidesEnvironmentVariableIsNamedAsTheSource() {
        CommandRun run = Launcher.run(work, Map.of("TRUSTFORMERS_BACKUP_DIR", work.resolve("b").toString()),
                "info", "--verbose", "--from", "0.1.0", "--to", "1.0.0");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("backup\\.dir +" + Pattern.quote(work.resolve("b").toString())
                + " +environment TRUSTFORMERS_BACKUP_DIR");
    }

    @Test
    void theUndoHintOfADataRunWithABackupFolderWorksAsPrinted() throws IOException {
        Path root = installation();
        Path backups = work.resolve("my backups");
        SortedMap<String, String> before = TreeSignature.of(root);

        CommandRun run = Launcher.run(work, "--backup-dir", backups.toString(), "data", "--data-path",
                root.resolve("data").toString(), "--from", "0.1.0", "--to", "1.0.0");
        assertThat(run.exit()).as(run.err()).isZero();
        Matcher hint = Pattern.compile("\\(undo with: migrate (rollback .*)\\)").matcher(run.out());
        assertThat(hint.find()).as(run.out()).isTrue();
        assertThat(hint.group(1)).doesNotContain("<installation>").contains("--path " + root, "--backup-dir '" + backups + "'");

        CommandRun undo = Launcher.run(work, shellWords(hint.group(1) + " --yes"));

        assertThat(undo.exit()).as(undo.err()).isZero();
        assertThat(TreeSignature.of(root)).isEqualTo(before);
    }

    @Test
    void rollbackWithOnlyABackupPathRestoresTheInstallationItsManifestNames() {
        Path root = installation();
        SortedMap<String, String> before = TreeSignature.of(root);
        CommandRun migrated = Launcher.run(work, "--json", "version", "--path", root.toString(), "--to", "1.0.0");
        String id = migrated.json().path("backupId").asText();

        CommandRun run = Launcher.run(work, "rollback", "--backup-path", root.resolve(".migrate/backups/" + id).toString(), "--yes");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("restored backup " + id);
        assertThat(TreeSignature.of(root)).isEqualTo(before);
    }

    @Test
    void aUsageErrorIsOneLineOnATerminalAndOneDocumentUnderJson() {
        CommandRun plain = Launcher.run(work, "info", "--frmo", "0.1.0");
        CommandRun json = Launcher.run(work, "--json", "info", "--bogus");

        assertThat(plain.exit()).isEqualTo(2);
        assertThat(plain.errLines()).containsExactly("migrate: Unknown options: '--frmo', '0.1.0'; did you mean --from?; try"
                + " 'migrate info --help'");
        assertThat(json.exit()).isEqualTo(2);
        JsonNode error = json.json().get("error");
        assertThat(error.get("code").asText()).isEqualTo("USAGE");
        assertThat(error.get("exitCode").asInt()).isEqualTo(2);
        assertThat(error.get("message").asText()).isEqualTo("Unknown option: '--bogus'");
        assertThat(json.errLines()).hasSize(1);
    }

    @Test
    void backupsListCountsAnArchivesBytes() throws IOException {
        Path root = installation();
        Path settings = Files.writeString(work.resolve("archive.toml"), "[backup]\nmode = \"archive\"\n");
        assertThat(Launcher.run(work, "--migration-config", settings.toString(), "version", "--path", root.toString(),
                "--to", "1.0.0").exit()).isZero();

        CommandRun list = Launcher.run(work, "--json", "backups", "list", "--path", root.toString());

        JsonNode backup = list.json().get("backups").get(0);
        Path folder = root.resolve(".migrate/backups").resolve(backup.get("id").asText());
        long archiveBytes;
        try (var files = Files.list(folder)) {
            archiveBytes = files.filter(f -> f.getFileName().toString().startsWith("files.tar")).mapToLong(f -> f.toFile().length()).sum();
        }
        assertThat(archiveBytes).isPositive();
        assertThat(backup.get("sizeOnDisk").asLong()).isGreaterThanOrEqualTo(archiveBytes);
    }

    @Test
    void aRefusedPluginIsNamedWhenTheCommandFailsForLackOfIt() throws IOException {
        Path plugins = work.resolve("plugins");
        serveEdgeJar(plugins, "future", ">=9.0.0 <10.0.0", "2.1.0", "2.1.1");

        CommandRun run = Launcher.run(work, "--plugins-dir", "plugins", "info", "--from", "2.1.0", "--to", "2.1.1");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines().get(run.errLines().size() - 1)).startsWith("migrate: unknown version 2.1.1 of serve")
                .contains("plugin future.jar (future) was not loaded: ", "9.0.0");
    }

    /** Splits a command as a POSIX shell would for the hint's words: bare words and single-quoted ones. */
    private static String[] shellWords(String line) {
        java.util.List<String> words = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|(\\S+)").matcher(line);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return words.toArray(String[]::new);
    }
}
