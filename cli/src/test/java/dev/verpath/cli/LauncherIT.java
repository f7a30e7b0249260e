package dev.verpath.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LauncherIT {

    @Test
    void runsFromAnyFolderThroughASymlink(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("migrate"), Launcher.script());

        CommandRun run = Launcher.runScript(link, dir, "--version");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).matches("migrate \\S+ \\(rules API \\S+\\)\\R");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void runsWithATemporaryCacheNotTheUsers(@TempDir Path dir) {
        CommandRun run = Launcher.run(dir, "info", "--from", "0.1.0", "--to", "2.1.0");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Launcher.cache().resolve("verpath/graphs")).isDirectory();
        assertThat(System.getenv("XDG_CACHE_HOME")).as("the build gives the tests' own processes one too")
                .isNotBlank().doesNotStartWith(System.getProperty("user.home") + "/.cache");
    }

    @Test
    void versionAloneIsAnsweredBeforeTheCommandModelWithTheSameLine(@TempDir Path dir) {
        CommandRun alone = Launcher.run(dir, "--version");
        CommandRun shortName = Launcher.run(dir, "-V");
        CommandRun throughPicocli = Launcher.run(dir, "status", "--version");

        assertThat(alone.exit()).isZero();
        assertThat(alone.out()).isEqualTo(throughPicocli.out()).isEqualTo(shortName.out());
        assertThat(alone.err()).isEmpty();
    }

    @Test
    void anUnknownOptionExitsTwoWithOneLineOnStderr(@TempDir Path dir) {
        CommandRun run = Launcher.run(dir, "status", "--path", ".", "--frobnicate");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).last().isEqualTo("migrate: Unknown option: '--frobnicate'; try 'migrate status --help'");
    }

    @Test
    void helpDocumentsTheExitCodes(@TempDir Path dir) {
        CommandRun run = Launcher.run(dir, "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Exit codes:", "  3   another migration holds the installation's lock",
                "  5   the backup failed verification");
    }

    @Test
    void anInstallationOfLittleDataRunsOnTheQuickCompilerAndALargeOneOnBoth(@TempDir Path dir) throws Exception {
        Path small = Files.createDirectories(dir.resolve("small"));
        Files.writeString(small.resolve("VERSION"), "serve 2.1.0\n");
        Path large = Files.createDirectories(dir.resolve("large/models"));
        try (java.io.RandomAccessFile weights = new java.io.RandomAccessFile(large.resolve("w.bin").toFile(), "rw")) {
            weights.setLength(100L << 20); // sparse: 100 MiB to the launcher's walk, nothing on disk
        }
        java.util.Map<String, String> show = java.util.Map.of("MIGRATE_SHOW_JAVA", "1");

        CommandRun quick = Launcher.run(dir, show, "validate", "--path", small.toString());
        CommandRun both = Launcher.run(dir, show, "validate", "--path=" + large.getParent());
        CommandRun separate = Launcher.run(dir, show, "validate", "--path", small.toString(), "--models-path", large.toString());

        assertThat(quick.errLines()).filteredOn(l -> l.startsWith("launcher: java options:")).singleElement()
                .asString().contains("-XX:TieredStopAtLevel=1", "-Xmn48m");
        assertThat(both.errLines()).filteredOn(l -> l.startsWith("launcher: java options:")).singleElement()
                .asString().doesNotContain("TieredStopAtLevel").contains("-Xmn24m");
        assertThat(separate.errLines()).filteredOn(l -> l.startsWith("launcher: java options:")).singleElement()
                .asString().doesNotContain("TieredStopAtLevel").contains("-Xmn24m");
    }

    /**
     * A validate reads no byte of a file its caches hold: {@code .migrate/validated} (the start of the last validation
     * of every category) lets the launcher count only the files changed since, less the caches' racy window of 2 s,
     * while both caches are there.
     */
    @Test
    void aValidateOfALargeInstallationUnchangedSinceItsLastValidationRunsOnTheQuickCompiler(@TempDir Path dir)
            throws Exception {
        Path large = Files.createDirectories(dir.resolve("large"));
        Path weights = Files.createDirectories(large.resolve("models")).resolve("w.bin");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(weights.toFile(), "rw")) {
            file.setLength(100L << 20); // sparse: 100 MiB to the launcher's walk, nothing on disk
        }
        Instant changed = ((FileTime) Files.getAttribute(weights, "unix:ctime")).toInstant();
        Path stamp = Files.createDirectories(large.resolve(".migrate")).resolve("validated");
        Files.createFile(stamp);
        Path hashes = Files.createFile(large.resolve(".migrate/statcache"));
        Files.createFile(large.resolve(".migrate/recordcache"));

        assertThat(compilerOfValidate(stamp, changed.plusSeconds(10), "--path", large.toString())).isEqualTo("quick");
        assertThat(compilerOfValidate(stamp, changed.plusSeconds(10), "--path=" + large)).isEqualTo("quick");
        assertThat(compilerOfValidate(stamp, changed.plusSeconds(10), "--path", large.toString(), "--full")).isEqualTo("both");
        assertThat(compilerOfValidate(stamp, changed.plusSeconds(10), "--path", large.toString(), "--repair")).isEqualTo("both");
        assertThat(compilerOfValidate(stamp, changed.plusMillis(1500), "--path", large.toString())).isEqualTo("both");
        assertThat(compilerOfValidate(stamp, changed.minusSeconds(5), "--path", large.toString())).isEqualTo("both");
        Files.setLastModifiedTime(stamp, FileTime.from(changed.plusSeconds(10)));
        CommandRun other = Launcher.run(dir, java.util.Map.of("MIGRATE_SHOW_JAVA", "1"), "version", "--path",
                large.toString(), "--to", "2.1.0");
        assertThat(other.errLines()).filteredOn(l -> l.startsWith("launcher: java options:")).singleElement()
                .asString().doesNotContain("TieredStopAtLevel"); // only validate reads the caches instead of the files
        Files.delete(hashes); // the stamp vouches for the caches: without them every weight is hashed again
        assertThat(compilerOfValidate(stamp, changed.plusSeconds(10), "--path", large.toString())).isEqualTo("both");
        Files.createFile(hashes);
        Files.delete(stamp);
        assertThat(compilerOfValidate(stamp, null, "--path", large.toString())).isEqualTo("both");
    }

    /** @return "quick" or "both": the compilers the launcher chose for {@code validate ARGS} with the stamp at this time */
    private static String compilerOfValidate(Path stamp, Instant validated, String... args) throws Exception {
        if (validated != null) {
            Files.setLastModifiedTime(stamp, FileTime.from(validated));
        }
        String[] command = new String[args.length + 1];
        command[0] = "validate";
        System.arraycopy(args, 0, command, 1, args.length);
        CommandRun run = Launcher.run(stamp.getParent(), java.util.Map.of("MIGRATE_SHOW_JAVA", "1"), command);
        String options = run.errLines().stream().filter(l -> l.startsWith("launcher: java options:")).findFirst()
                .orElseThrow(() -> new AssertionError("no launcher line: " + run.err()));
        return options.contains("-XX:TieredStopAtLevel=1") ? "quick" : "both";
    }

    /**
     * Java 22 and later print a warning on stderr when a library loads native code (zstd-jni for the backup) unless
     * the application allows it: the jar's manifest does. Runs on a newer Java installed beside the one running the
     * tests (or named by {@code VERPATH_TEST_NEWER_JAVA}), and skips itself when there is none.
     */
    @Test
    void aMigrationWithABackupOnANewerJavaSaysNothingOnStderr(@TempDir Path dir) throws Exception {
        Optional<Path> newer = newerJava(22);
        assumeTrue(newer.isPresent(), "no Java 22 or later beside " + System.getProperty("java.home")
                + " (nor in VERPATH_TEST_NEWER_JAVA)");
        ServeFixture installation = ServeFixture.clean(dir.resolve("inst"));

        CommandRun run = Launcher.run(dir, java.util.Map.of("JAVA_HOME", newer.get().toString()),
                "--quiet", "version", "--path", installation.arg(), "--to", "2.1.0");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(installation.root().resolve(".migrate/backups")).isNotEmptyDirectory();
    }

    /** @return a Java runtime of at least the given feature version, beside this one or named by the environment */
    private static Optional<Path> newerJava(int feature) throws IOException {
        String named = System.getenv("VERPATH_TEST_NEWER_JAVA");
        List<Path> candidates = new ArrayList<>();
        if (named != null && !named.isBlank()) {
            candidates.add(Path.of(named));
        } else {
            Path beside = Path.of(System.getProperty("java.home")).toRealPath().getParent();
            try (Stream<Path> homes = Files.list(beside)) {
                homes.sorted().forEach(candidates::add);
            }
        }
        for (Path home : candidates) {
            Path release = home.resolve("release");
            if (Files.isExecutable(home.resolve("bin/java")) && Files.isRegularFile(release)) {
                Matcher version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
                if (version.find() && Integer.parseInt(version.group(1)) >= feature) {
                    return Optional.of(home);
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void jsonPrintsOneDocumentOnStdout(@TempDir Path dir) {
        CommandRun run = Launcher.run(dir, "plugins", "list", "--json");

        assertThat(run.exit()).isZero();
        assertThat(run.json().get("plugins").isArray()).isTrue();
    }
}
