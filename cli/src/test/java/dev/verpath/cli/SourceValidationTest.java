package dev.verpath.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate version} validates its source before it writes anything: errors stop it before the backup,
 * but for errors in files the migration rewrites, which the validation after each step checks instead.
 */
class SourceValidationTest {

    @TempDir
    Path work;

    private ServeFixture inst;

    @BeforeEach
    void install() throws IOException {
        inst = ServeFixture.clean(work.resolve("inst"));
    }

    /** A record without schema_version: the 1.0.0 -> 2.0.0 data rule gives it one (and rewrites the file). */
    private void breakARecord() throws IOException {
        inst.write("data/requests.jsonl", ServeFixture.RECORDS.replace(",\"schema_version\":1}\n{\"id\":\"req-2\"",
                "}\n{\"id\":\"req-2\""));
    }

    /** A link out of the installation: an error in a path no rule touches. */
    private void linkOutside() throws IOException {
        Files.createDirectories(work.resolve("elsewhere"));
        Files.createSymbolicLink(inst.resolve("shared"), Path.of("../elsewhere"));
    }

    @Test
    void anErrorInTheSourceStopsTheRunBeforeTheBackup() throws IOException {
        linkOutside();
        SortedMap<String, String> before = DemoInstallation.checksums(inst.root());

        CommandRun run = CommandRun.of("version", "--path", inst.arg(), "--to", "2.0.0");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("migrate: shared: symbolic link points outside the installation, to ../elsewhere "
                + "(validation engine.security.symlink-escape of the source at 1.0.0); nothing was changed;");
        assertThat(DemoInstallation.checksums(inst.root())).isEqualTo(before);
        assertThat(Files.readString(inst.resolve("VERSION"))).isEqualTo("1.0.0\n");
        assertThat(inst.resolve(".migrate/backups")).doesNotExist();
    }

    @Test
    void aRecordThatDoesNotMatchTheSourceIsAWarningOfTheRecordPassNotAStop() throws IOException {
        breakARecord();

        CommandRun run = CommandRun.of("version", "--path", inst.arg(), "--to", "2.0.0");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("data/requests.jsonl: line 1: the record did not match 1.0.0 before the migration: "
                + "field schema_version is missing (expected 1)");
        assertThat(Files.readString(inst.resolve("VERSION"))).isEqualTo("2.0.0\n");
    }

    @Test
    void aDryRunChecksTheSourceToo() throws IOException {
        linkOutside();

        CommandRun run = CommandRun.of("version", "--path", inst.arg(), "--to", "2.0.0", "--dry-run");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("of the source at 1.0.0");
    }

    @Test
    void warningsAreShownAndTheRunGoesOn() throws IOException {
        inst.chmod("config/server.toml", "rw-rw-rw-");

        CommandRun run = CommandRun.of("version", "--path", inst.arg(), "--to", "2.0.0");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("validating the source at 1.0.0")
                .contains("  warning: config/server.toml: file is writable by every user (mode rw-rw-rw-) "
                        + "(engine.security.world-writable)");
        assertThat(Files.readString(inst.resolve("VERSION"))).isEqualTo("2.0.0\n");
    }

    @Test
    void underStrictValidationAWarningStopsTheRun() throws IOException {
        inst.write("README.txt", "mine\n").chmod("README.txt", "rw-rw-rw-");
        Path settings = work.resolve("strict.toml");
        Files.writeString(settings, "[validation]\nstrict = true\n");

        CommandRun run = CommandRun.of("--migration-config", settings.toString(), "version", "--path", inst.arg(), "--to", "2.0.0");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("migrate: README.txt: file is writable by every user (mode rw-rw-rw-) (validation "
                + "engine.security.world-writable of the source at 1.0.0)");
        assertThat(Files.readString(inst.resolve("VERSION"))).isEqualTo("1.0.0\n");
    }

    @Test
    void theSourceCheckCanBeSwitchedOff() throws IOException {
        linkOutside();
        Path settings = work.resolve("lenient.toml");
        Files.writeString(settings, "[validation]\nbefore_migration = false\n");

        CommandRun run = CommandRun.of("--migration-config", settings.toString(), "version", "--path", inst.arg(), "--to", "2.0.0");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("validating the source");
    }
}
