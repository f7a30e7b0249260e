package dev.verpath.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.RunRequest;
import dev.verpath.engine.RunResult;
import dev.verpath.engine.RunWarning;
import dev.verpath.engine.Scope;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One before/after fixture of the serve rules, run through the real engine.
 *
 * <p>A fixture is a folder {@code src/test/resources/<step>/<case>/} where {@code <step>} is
 * {@code step-<from>-to-<to>} or {@code path-<from>-to-<to>}. It holds {@code before/} (an installation)
 * and either {@code after/} (the installation expected after {@code migrate version --from <from> --to
 * <to>}) or, in {@code case.properties}, {@code failure=<text the error names>}. Optional keys of
 * {@code case.properties}: {@code allowLossy=true}, {@code optimize=true}, {@code warning=<text>} (a warning
 * that must be reported), {@code counter.<name>=<value>}, {@code sameFile=<path> <path>} (hard-linked).
 *
 * <p>{@link #check(Path)} copies {@code before/} into a work folder, migrates it (scope VERSION, not a dry
 * run, with a backup), compares every file but {@code .migrate/} with {@code after/} byte for byte, naming
 * the first differing file and line, then rolls back and checks that {@code before/} is restored. A
 * failing case must fail with the named text and leave {@code before/} untouched.
 */
final class FixtureRun {

    private static final Pattern STEP = Pattern.compile("(?:step|path)-(.+)-to-(.+)");

    private final Path folder;
    private final String name;
    private final String from;
    private final String to;
    private final Properties options;

    private FixtureRun(Path folder, String name, String from, String to, Properties options) {
        this.folder = folder;
        this.name = name;
        this.from = from;
        this.to = to;
        this.options = options;
    }

    /** @return every fixture on the test class path, sorted by name */
    static List<FixtureRun> all() {
        Path root = resourceRoot();
        List<FixtureRun> runs = new ArrayList<>();
        try (Stream<Path> steps = Files.list(root)) {
            for (Path step : steps.sorted().toList()) {
                Matcher matcher = STEP.matcher(step.getFileName().toString());
                if (!Files.isDirectory(step) || !matcher.matches()) {
                    continue;
                }
                try (Stream<Path> cases = Files.list(step)) {
                    for (Path folder : cases.filter(Files::isDirectory).sorted().toList()) {
                        runs.add(new FixtureRun(folder, step.getFileName() + "/" + folder.getFileName(),
                                matcher.group(1), matcher.group(2), properties(folder.resolve("case.properties"))));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return runs;
    }

    /**
     * One fixture by name.
     *
     * @param name {@code <step>/<case>}
     * @return the fixture
     */
    static FixtureRun named(String name) {
        return all().stream().filter(f -> f.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fixture " + name));
    }

    private static Path resourceRoot() {
        try {
            return Path.of(FixtureRun.class.getResource("/").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return properties;
    }

    /** @return {@code <step>/<case>} */
    @Override
    public String toString() {
        return name;
    }

    static MigrationEngine engine() {
        return MigrationEngine.create(RuleRegistry.ofBuiltIns(new ServeRuleSet()), EngineSettings.defaults());
    }

    /**
     * Migrates a copy of {@code before/} in the work folder.
     *
     * @param work an empty folder
     * @return what the engine reports
     * @throws IOException when copying fails
     */
    RunResult migrate(Path work) throws IOException {
        copyTree(folder.resolve("before"), work);
        RunRequest request = new RunRequest(Scope.VERSION, work, Optional.of(ServeLayout.PRODUCT), Optional.of(from),
                Optional.of(to), false, flag("allowLossy"), true, flag("optimize"));
        return engine().migrate(request, line -> { });
    }

    private boolean flag(String key) {
        return Boolean.parseBoolean(options.getProperty(key, "false"));
    }

    /**
     * Runs the fixture and checks everything it states.
     *
     * @param work an empty folder
     * @throws IOException when a file cannot be read
     */
    void check(Path work) throws IOException {
        String failure = options.getProperty("failure");
        if (failure != null) {
            assertThatThrownBy(() -> migrate(work))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining(failure);
            assertSameTree(folder.resolve("before"), work);
            return;
        }
        RunResult result = migrate(work);
        if (Boolean.getBoolean("fixtures.bless") && !Files.exists(folder.resolve("after"))) {
            bless(work);
        }
        assertSameTree(folder.resolve("after"), work);
        String warning = options.getProperty("warning");
        if (warning != null) {
            assertThat(result.warnings()).extracting(RunWarning::message).anySatisfy(m -> assertThat(m).contains(warning));
        }
        for (String key : options.stringPropertyNames()) {
            if (key.startsWith("counter.")) {
                assertThat(result.counters()).as(key)
                        .containsEntry(key.substring("counter.".length()), Long.parseLong(options.getProperty(key)));
            }
        }
        String sameFile = options.getProperty("sameFile");
        if (sameFile != null) {
            String[] paths = sameFile.trim().split("\\s+");
            assertThat(Files.isSameFile(work.resolve(paths[0]), work.resolve(paths[1]))).as(sameFile).isTrue();
        }
        engine().rollback(work, Optional.empty(), Optional.empty(), line -> { });
        assertSameTree(folder.resolve("before"), work);
    }

    /**
     * Fails naming the first file that is missing, extra or different, and the first differing line.
     * The engine's {@code .migrate/} folder is left out.
     *
     * @param expected the expected tree
     * @param actual   the tree to check
     * @throws IOException when a file cannot be read
     */
    static void assertSameTree(Path expected, Path actual) throws IOException {
        TreeSet<String> want = files(expected);
        TreeSet<String> have = files(actual);
        for (String path : want) {
            if (!have.contains(path)) {
                fail("missing file " + path);
            }
        }
        for (String path : have) {
            if (!want.contains(path)) {
                fail("unexpected file " + path);
            }
        }
        for (String path : want) {
            byte[] a = Files.readAllBytes(expected.resolve(path));
            byte[] b = Files.readAllBytes(actual.resolve(path));
            if (!Arrays.equals(a, b)) {
                fail(firstDifference(path, a, b));
            }
        }
    }

    private static String firstDifference(String path, byte[] expected, byte[] actual) {
        String[] want = new String(expected, StandardCharsets.UTF_8).split("\n", -1);
        String[] have = new String(actual, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.max(want.length, have.length); i++) {
            String w = i < want.length ? want[i] : "<end of file>";
            String h = i < have.length ? have[i] : "<end of file>";
            if (!w.equals(h)) {
                return path + " differs at line " + (i + 1) + ":\n  expected: " + w + "\n  actual:   " + h;
            }
        }
        return path + " differs (in bytes that are not text)";
    }

    private static TreeSet<String> files(Path root) throws IOException {
        TreeSet<String> files = new TreeSet<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".migrate/"))
                    .forEach(files::add);
        }
        return files;
    }

    /**
     * Writes a missing {@code after/} from the actual output, into the test resources of the module
     * (run with {@code -Dfixtures.bless=true}); every blessed file must then be read and checked by hand.
     */
    private void bless(Path work) throws IOException {
        for (Path target : List.of(folder.resolve("after"), Path.of("src/test/resources", name, "after"))) {
            for (String path : files(work)) {
                Path file = target.resolve(path);
                Files.createDirectories(file.getParent());
                Files.copy(work.resolve(path), file);
            }
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
