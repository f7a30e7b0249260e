package dev.verpath.testkit;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.model.FileChange;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.model.RunWarning;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.plugin.LoadedRules;
import dev.verpath.engine.plugin.PluginStatus;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.plugin.RuleSetLoader;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.rules.Finding;
import dev.verpath.rules.FlagDescriptor;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.RuleSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.opentest4j.AssertionFailedError;

/**
 * Runs fixtures through the real engine: one call migrates a copy of {@code before/}, compares it with
 * {@code after/} (first differing file and line), runs the same steps again from a fresh copy of {@code before/}
 * (a dry run, then for real) and requires the same changes and bytes, migrates again at the target and requires that nothing
 * changes, rolls back and requires {@code before/} again. A failing case must fail with its text and leave
 * {@code before/} as it was. Immutable; each {@code with...} returns a new check.
 *
 * <pre>{@code
 * static List<Fixture> fixtures() { return Fixtures.inTestResources(""); }
 *
 * @ParameterizedTest(name = "{0}") @MethodSource("fixtures")
 * void migratesLikeTheFixtureSays(Fixture fixture, @TempDir Path work) {
 *     MigrationCheck.ofClassPath().check(fixture, work);
 * }
 * }</pre>
 */
public final class MigrationCheck {

    private final RuleRegistry registry;
    private final EngineSettings settings;
    private final Optional<String> product;

    private MigrationCheck(RuleRegistry registry, EngineSettings settings, Optional<String> product) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.product = product;
    }

    /** A check over the given rules, with the default settings. */
    static MigrationCheck of(RuleRegistry registry) {
        return new MigrationCheck(registry, EngineSettings.defaults(), Optional.empty());
    }

    /**
     * A check over the given rule sets, as if they were built in.
     *
     * @param ruleSets the rule sets (include the one that declares the product)
     * @return the check
     */
    public static MigrationCheck ofBuiltIns(RuleSet... ruleSets) {
        return of(RuleRegistry.ofBuiltIns(ruleSets));
    }

    /**
     * A check over every rule set on the class path, found the way the engine finds its built-ins (PF4J
     * extensions listed in {@code META-INF/extensions.idx}): a plugin's own rule sets in its tests, with the
     * built-in rules when {@code rules-builtin} is a test dependency.
     *
     * @return the check
     */
    public static MigrationCheck ofClassPath() {
        return ofClassPathAndPlugins();
    }

    /**
     * A check over the class path's rule sets and the plugin archives in the folders, loaded through PF4J as
     * {@code migrate} loads them. Every archive must load.
     *
     * @param folders plugin folders
     * @return the check
     * @throws AssertionFailedError naming a refused plugin and why
     */
    public static MigrationCheck ofClassPathAndPlugins(Path... folders) {
        LoadedRules loaded = new RuleSetLoader(Optional.empty(), Map.of()).load(List.of(folders));
        for (PluginStatus status : loaded.refused()) {
            throw new AssertionFailedError("plugin " + status.archive() + " was refused: " + status.refusal().orElseThrow());
        }
        return of(loaded.registry());
    }

    /**
     * @param name  a flag a rule set declares (see {@code FlagDescriptor})
     * @param value its value for every migration of this check, as if set in the migration config
     * @return a check with this flag set
     */
    public MigrationCheck withFlag(String name, String value) {
        return new MigrationCheck(registry, settings.withFlags(Map.of(name, value)), product);
    }

    /**
     * @param name the product of fixtures whose VERSION names none and whose case.properties gives none
     * @return a check with this default product
     */
    public MigrationCheck withProduct(String name) {
        return new MigrationCheck(registry, settings, Optional.of(name));
    }

    /** The engine the check runs. */
    private MigrationEngine engine() {
        return MigrationEngine.create(registry, settings);
    }

    /** The rules the check runs, for the kit's own checks of a plugin archive. */
    RuleRegistry registry() {
        return registry;
    }

    /**
     * The versions of a product, in version order, as the rule sets of this check declare them by their edges.
     *
     * @param productName a product
     * @return its versions, empty for an unknown product
     */
    public List<String> versions(String productName) {
        return engine().graph().versions(productName);
    }

    /** @return the flags the rule sets of this check declare, in the order they declare them */
    public List<FlagDescriptor> flags() {
        return registry.flags();
    }

    /**
     * Runs every validation of the check's rule sets that covers a version on an installation, as
     * {@code migrate validate --version} does, and gives what they found.
     *
     * @param installation the installation's folder
     * @param version      the version it should be at
     * @return the findings, errors first
     */
    public List<Finding> validate(Path installation, String version) {
        return engine().validate(installation, Optional.of(version)).findings();
    }

    /**
     * Migrates an installation to a version (from the version its VERSION file records), for a test of more than a
     * fixture says; a failure is thrown as the engine throws it.
     *
     * @param installation the installation's folder
     * @param to           the target version
     * @param dryRun       true to change nothing and only report
     * @return what the migration did
     */
    public MigrationOutcome migrate(Path installation, String to, boolean dryRun) {
        return outcome(migrate(installation, FixtureOptions.none(), Optional.empty(), to, dryRun));
    }

    /**
     * Runs a fixture and checks everything it states (see the class comment).
     *
     * @param fixture the fixture
     * @param work    an empty (or missing) folder to migrate in, e.g. a {@code @TempDir}
     * @return the result of the migration, or empty for a case that must fail
     * @throws AssertionFailedError naming what differs
     */
    public Optional<MigrationOutcome> check(Fixture fixture, Path work) {
        prepare(fixture.before(), work);
        FixtureOptions options = fixture.options();
        if (options.failure().isPresent()) {
            expectFailure(fixture, work, options.failure().get());
            return Optional.empty();
        }
        RunResult result = migrate(work, options, Optional.of(fixture.from()), fixture.to());
        if (Boolean.getBoolean("fixtures.bless") && !Files.exists(fixture.after())) {
            bless(fixture, work);
        }
        InstallationTrees.assertSame(fixture.after(), work, "after migrating " + fixture);
        expectReported(fixture, result, work);
        expectSameAgainFromBefore(fixture.toString(), fixture.before(), fixture.after(), work, options,
                Optional.of(fixture.from()), fixture.to(), result);
        expectNoOpAtTargetAndRollback(fixture.toString(), fixture.before(), fixture.after(), work, options, fixture.to());
        return Optional.of(outcome(result));
    }

    /**
     * Migrates a copy of {@code before} from one version to another and checks it like a fixture without
     * {@code case.properties}: same as {@code after}, nothing to do at the target, rollback restores it.
     *
     * @param before the installation before
     * @param after  the installation expected after
     * @param from   the version migrated from
     * @param to     the version migrated to
     * @param work   an empty (or missing) folder to migrate in
     * @return the result of the migration
     * @throws AssertionFailedError naming what differs
     */
    public MigrationOutcome check(Path before, Path after, String from, String to, Path work) {
        prepare(before, work);
        RunResult result = migrate(work, FixtureOptions.none(), Optional.of(from), to);
        InstallationTrees.assertSame(after, work, "after migrating " + from + " -> " + to);
        expectSameAgainFromBefore(from + " -> " + to, before, after, work, FixtureOptions.none(), Optional.of(from), to, result);
        expectNoOpAtTargetAndRollback(from + " -> " + to, before, after, work, FixtureOptions.none(), to);
        return outcome(result);
    }

    private static MigrationOutcome outcome(RunResult result) {
        return new MigrationOutcome(result.changes().stream().map(c -> c.kind() + " " + c.path()).toList(),
                result.warnings().stream().map(RunWarning::message).toList(), result.counters());
    }

    private void expectFailure(Fixture fixture, Path work, String text) {
        try {
            RunResult unexpected = migrate(work, fixture.options(), Optional.of(fixture.from()), fixture.to());
            throw new AssertionFailedError(fixture + ": the migration should fail with '" + text + "' but changed "
                    + unexpected.changes().size() + " file(s)");
        } catch (MigrationException e) {
            if (!e.getMessage().contains(text)) {
                throw new AssertionFailedError(fixture + ": the migration failed, but not with '" + text + "': "
                        + e.getMessage(), text, e.getMessage());
            }
        }
        InstallationTrees.assertSame(fixture.before(), work, "after the failed migration of " + fixture);
    }

    /**
     * The same steps run again from a fresh copy of {@code before}, a dry run first and then for real, give what the
     * first run gave: the dry run changes nothing and announces the same changes, the real run writes the same bytes.
     * A rule that keeps state between runs, or writes the time, a random id or a hash order, fails here.
     */
    private void expectSameAgainFromBefore(String name, Path before, Path after, Path work, FixtureOptions options,
                                           Optional<String> from, String to, RunResult first) {
        Path again = work.resolveSibling(work.getFileName() + "-again");
        prepare(before, again);
        try {
            RunResult dry = migrate(again, options, from, to, true);
            InstallationTrees.assertSame(before, again, "after a dry run of " + name);
            RunResult real = migrate(again, options, from, to, false);
            InstallationTrees.assertSame(after, again, "after migrating " + name + " a second time from before/");
            List<String> announced = dry.changes().stream().map(c -> c.kind() + " " + c.path()).toList();
            List<String> made = real.changes().stream().map(c -> c.kind() + " " + c.path()).toList();
            List<String> firstMade = first.changes().stream().map(c -> c.kind() + " " + c.path()).toList();
            if (!announced.equals(made) || !made.equals(firstMade)) {
                throw new AssertionFailedError(name + ": the dry run, the first run and a second run from before/ change"
                        + " different files", firstMade, announced.equals(made) ? made : announced);
            }
        } finally {
            InstallationTrees.delete(again);
        }
    }

    /** Migrating again at the target plans nothing and changes nothing; rollback restores {@code before}. */
    private void expectNoOpAtTargetAndRollback(String name, Path before, Path after, Path work, FixtureOptions options, String to) {
        RunResult again = migrate(work, options, Optional.empty(), to);
        if (!again.plan().steps().isEmpty() || !again.changes().isEmpty()) {
            throw new AssertionFailedError(name + ": migrating again at " + to + " is not a no-op: " + again.plan().steps().size()
                    + " step(s), changes " + again.changes().stream().map(FileChange::path).collect(Collectors.joining(", ")));
        }
        InstallationTrees.assertSame(after, work, "after migrating " + name + " again at " + to);
        engine().rollback(work, Optional.empty(), Optional.empty(), line -> { });
        InstallationTrees.assertSame(before, work, "after rolling back " + name);
    }

    private RunResult migrate(Path work, FixtureOptions options, Optional<String> from, String to) {
        return migrate(work, options, from, to, false);
    }

    private RunResult migrate(Path work, FixtureOptions options, Optional<String> from, String to, boolean dryRun) {
        Optional<String> productName = options.product().or(() -> product);
        RunRequest request = new RunRequest(Scope.VERSION, work, productName.filter(p -> !namedInVersion(work)), from,
                Optional.of(to), dryRun, options.allowLossy(), true, options.optimize());
        MigrationEngine engine = options.flags().isEmpty() ? engine()
                : MigrationEngine.create(registry, settings.withFlags(options.flags()));
        return engine.migrate(request, line -> { });
    }

    private static boolean namedInVersion(Path work) {
        try {
            Path version = work.resolve("VERSION");
            return Files.isRegularFile(version) && Files.readString(version).strip().lines().findFirst()
                    .map(l -> l.trim().split("\\s+").length == 2).orElse(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void expectReported(Fixture fixture, RunResult result, Path work) {
        FixtureOptions options = fixture.options();
        for (String warning : options.warnings()) {
            if (result.warnings().stream().map(RunWarning::message).noneMatch(m -> m.contains(warning))) {
                throw new AssertionFailedError(fixture + ": no warning contains '" + warning + "'", warning,
                        result.warnings().stream().map(RunWarning::message).collect(Collectors.joining("\n")));
            }
        }
        options.counters().forEach((name, value) -> {
            Long actual = result.counters().get(name);
            if (!value.equals(actual)) {
                throw new AssertionFailedError(fixture + ": counter " + name + " is " + actual + ", expected " + value, value, actual);
            }
        });
        for (List<String> pair : options.sameFiles()) {
            try {
                if (!Files.isSameFile(work.resolve(pair.get(0)), work.resolve(pair.get(1)))) {
                    throw new AssertionFailedError(fixture + ": " + pair.get(0) + " and " + pair.get(1) + " are not the same file");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void prepare(Path before, Path work) {
        if (!Files.isDirectory(before)) {
            throw new IllegalArgumentException(before + ": no such fixture folder");
        }
        try {
            if (Files.isDirectory(work)) {
                try (Stream<Path> entries = Files.list(work)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException(work + ": the work folder must be empty");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        InstallationTrees.copy(before, work);
    }

    /**
     * Writes a missing {@code after/} from what the engine produced, into the fixture folder and into its
     * source folder ({@code -Dfixtures.bless=true}); read every blessed file before committing it.
     */
    private static void bless(Fixture fixture, Path work) {
        List<Path> missing = Stream.concat(Stream.of(fixture.after()), fixture.source().map(s -> s.resolve("after")).stream())
                .distinct().filter(target -> !Files.exists(target)).toList();
        if (missing.isEmpty()) {
            return;
        }
        Path staged = work.resolveSibling(work.getFileName() + ".bless");
        try {
            AtomicFiles.deleteTree(staged);
            InstallationTrees.copy(work, staged);
            AtomicFiles.deleteTree(staged.resolve(".migrate"));
            missing.forEach(target -> InstallationTrees.copy(staged, target));
            AtomicFiles.deleteTree(staged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
