package dev.verpath.cli;

import dev.verpath.testsupport.HostProgram;
import dev.verpath.testsupport.TmpfsDisk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release archive that {@code mvn package} makes (target/verpath-VERSION.tar.gz), unpacked and run as an operator
 * would: with a PATH that holds only java, bash and coreutils (no Maven, no source tree), and from a read-only copy.
 */
class ReleaseArchiveIT {

    /** The programs the launcher may call: bash and coreutils (nothing of Maven, find or sed). */
    private static final List<String> TOOLS = List.of("bash", "env", "dirname", "readlink", "cat", "cksum", "cut",
            "mkdir", "wc", "tr", "mv", "rm", "head", "ls", "printf", "touch", "sort");

    @TempDir
    private Path work;

    private Path release;

    @BeforeEach
    void unpackTheArchive() throws IOException {
        Path archive;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            archive = files.filter(p -> p.getFileName().toString().matches("verpath-.+\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/verpath-*.tar.gz: mvn package makes it"));
        }
        Path unpacked = Files.createDirectories(work.resolve("unpacked"));
        HostProgram tar = HostProgram.run("tar", "-xzf", archive.toAbsolutePath().toString(), "-C", unpacked.toString());
        assertThat(tar.exit()).as(tar.output()).isZero();
        String name = archive.getFileName().toString().replace(".tar.gz", "");
        release = unpacked.resolve(name);
    }

    @Test
    void holdsTheLauncherJarPluginsConfigCompletionManPagesDocsAndLicense() {
        assertThat(release.resolve("bin/migrate")).isExecutable();
        assertThat(release.resolve("lib/migrate.jar")).isRegularFile();
        assertThat(release.resolve("plugins")).isDirectoryContaining("glob:**/wan-orchestrator-*.jar");
        assertThat(release.resolve("migration_config.toml")).isRegularFile();
        assertThat(release.resolve("completion/migrate.bash")).content().contains("complete -F _complete_migrate");
        assertThat(release.resolve("completion/migrate.zsh")).content().contains("bashcompinit");
        assertThat(release.resolve("man/man1/migrate-version.1")).content().startsWith(".TH \"MIGRATE\\-VERSION\"");
        assertThat(release.resolve("docs/user-guide.md")).isRegularFile();
        assertThat(release.resolve("schema/version.schema.json")).content().contains("\"schemaVersion\"");
        assertThat(release.resolve("deploy/ansible/rollout.yml")).isRegularFile();
        assertThat(release.resolve("deploy/kubernetes/migrate-job.yaml")).isRegularFile();
        assertThat(release.resolve("LICENSE")).content().contains("Apache License");
        assertThat(release.resolve("NOTICE")).content().contains("picocli");
    }

    @Test
    void runsTheDemoWithOnlyJavaAndCoreutilsOnThePath() throws IOException {
        Map<String, String> env = bareEnvironment();
        assertThat(HostProgram.run("bash", "-c", "PATH=" + env.get("PATH") + " command -v mvn").exit()).isNotZero();

        CommandRun run = Launcher.runScript(release.resolve("bin/migrate"), work, env, "demo");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("every byte is back: \\d+ files, identical")
                .contains("7. A team's plugin: a legacy wan 1.0.0 installation moves");
        assertThat(run.err()).doesNotContain("building");
        try (Stream<Path> cache = Files.walk(work.resolve("home/.cache/verpath"))) {
            assertThat(cache.map(p -> p.getFileName().toString())).as("the class-data archive, in the user's cache")
                    .anyMatch(n -> n.matches("migrate-\\d+\\.(jsa|aot)"));
        }
    }

    @Test
    void theFirstCommandMakesItsClassDataArchiveWithoutTheUsersSettingsOrHooks() throws IOException {
        // the archive is made by a demo run: it must never read the migration_config.toml of the folder it starts in
        Path marker = work.resolve("hook-ran");
        Path folder = Files.createDirectories(work.resolve("node"));
        Files.writeString(folder.resolve("migration_config.toml"), "[hooks]\nbefore_run = ['touch', '" + marker + "']\n"
                + "before_commit = ['touch', '" + marker + "']\n");

        CommandRun run = Launcher.runScript(release.resolve("bin/migrate"), folder, bareEnvironment(), "graph");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(marker).as("no hook of the user's ran while the archive was made").doesNotExist();
        try (Stream<Path> cache = Files.walk(work.resolve("home/.cache/verpath"))) {
            assertThat(cache.map(p -> p.getFileName().toString())).as("the class-data archive, in the user's cache")
                    .anyMatch(n -> n.matches("migrate-\\d+\\.(jsa|aot)"));
        }
    }

    @Test
    void runsFromAReadOnlyInstallFolder() throws IOException {
        Path opt = work.resolve("opt");
        TmpfsDisk disk = HostProgram.isRoot() ? TmpfsDisk.mount(opt, "64m", "a read-only install folder") : null;
        try {
            Launcher.copy(release, opt.resolve("verpath"));
            readOnly(opt);

            CommandRun version = Launcher.runScript(opt.resolve("verpath/bin/migrate"), work, bareEnvironment(), "--version");
            CommandRun plugins = Launcher.runScript(opt.resolve("verpath/bin/migrate"), work, bareEnvironment(),
                    "plugins", "list", "--json");

            assertThat(version.exit()).as(version.err()).isZero();
            assertThat(version.out()).matches("migrate \\S+ \\(rules API \\S+\\)\\R");
            assertThat(version.err()).isEmpty();
            assertThat(plugins.exit()).as(plugins.err()).isZero();
            assertThat(plugins.json().get("plugins").toString()).contains("wan-orchestrator");
        } finally {
            if (disk != null) {
                disk.close();
            }
        }
    }

    /** Root ignores file modes: the tmpfs is remounted read-only then; anyone else gets no write bits. */
    private static void readOnly(Path opt) {
        HostProgram made = HostProgram.isRoot()
                ? HostProgram.run("mount", "-o", "remount,ro", opt.toString())
                : HostProgram.run("chmod", "-R", "a-w", opt.toString());
        assertThat(made.exit()).as(made.output()).isZero();
        if (HostProgram.isRoot()) {
            assertThat(HostProgram.run("touch", opt.resolve("verpath/probe").toString()).exit()).isNotZero();
        }
    }

    /** PATH with java, bash and coreutils alone (links in a folder of their own), and a HOME of the test's. */
    private Map<String, String> bareEnvironment() throws IOException {
        Path bin = work.resolve("bare-bin");
        if (!Files.isDirectory(bin)) {
            Files.createDirectories(bin);
            Files.createSymbolicLink(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
            for (String tool : TOOLS) {
                Stream.of("/usr/bin/", "/bin/").map(dir -> Path.of(dir + tool)).filter(Files::isExecutable).findFirst()
                        .ifPresent(target -> link(bin.resolve(tool), target));
            }
        }
        Files.createDirectories(work.resolve("home"));
        return Map.of("PATH", bin.toString(), "HOME", work.resolve("home").toString(), "JAVA_HOME", "",
                "XDG_CACHE_HOME", "");
    }

    private static void link(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
