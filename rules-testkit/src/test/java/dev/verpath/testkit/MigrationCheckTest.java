package dev.verpath.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationCheckTest {

    @TempDir
    Path dir;

    private Path fixtures;
    private Path work;
    private final MigrationCheck toy = MigrationCheck.ofBuiltIns(new ToyRules());

    @BeforeEach
    void folders() {
        fixtures = dir.resolve("fixtures");
        work = dir.resolve("work");
    }

    private Path write(String path, String text) throws IOException {
        Path file = fixtures.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private void toyCase(String name, String config, String afterConfig) throws IOException {
        write("step-1.0.0-to-2.0.0/" + name + "/before/VERSION", "toy 1.0.0\n");
        write("step-1.0.0-to-2.0.0/" + name + "/before/app.conf", config);
        if (afterConfig != null) {
            write("step-1.0.0-to-2.0.0/" + name + "/after/VERSION", "toy 2.0.0\n");
            write("step-1.0.0-to-2.0.0/" + name + "/after/app.conf", afterConfig);
            Files.createSymbolicLink(fixtures.resolve("step-1.0.0-to-2.0.0/" + name + "/after/app.link"), Path.of("app.conf"));
        }
    }

    private Fixture only() {
        List<Fixture> all = Fixtures.in(fixtures);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void passesAFixtureThatMatchesAndRollsBack() throws IOException {
        toyCase("basic", "name = a\n", "name = a\nversion = 2\n");
        write("step-1.0.0-to-2.0.0/basic/case.properties", "counter.lines=1\nwarning=warns once\n");

        assertThat(toy.check(only(), work)).hasValueSatisfying(r -> assertThat(r.counters()).containsEntry("lines", 1L));

        assertThat(work.resolve("app.conf")).hasContent("name = a");
        assertThat(work.resolve("app.link")).doesNotExist();
    }

    @Test
    void namesTheFirstDifferingFileAndLine() throws IOException {
        toyCase("wrong", "name = a\n", "name = a\nversion = 3\n");

        assertThatThrownBy(() -> toy.check(only(), work))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("after migrating step-1.0.0-to-2.0.0/wrong: app.conf differs at line 2\n"
                        + "  expected: version = 3\n  actual:   version = 2");
    }

    @Test
    void namesAFileTheMigrationDidNotWrite() throws IOException {
        toyCase("missing", "name = a\n", "name = a\nversion = 2\n");
        write("step-1.0.0-to-2.0.0/missing/after/extra.conf", "x\n");

        assertThatThrownBy(() -> toy.check(only(), work))
                .hasMessage("after migrating step-1.0.0-to-2.0.0/missing: missing file extra.conf");
    }

    @Test
    void namesALinkTheFixtureDoesNotExpect() throws IOException {
        toyCase("link", "name = a\n", "name = a\nversion = 2\n");
        Files.delete(fixtures.resolve("step-1.0.0-to-2.0.0/link/after/app.link"));

        assertThatThrownBy(() -> toy.check(only(), work))
                .hasMessage("after migrating step-1.0.0-to-2.0.0/link: unexpected link app.link");
    }

    @Test
    void aFailingCaseMustFailWithItsTextAndChangeNothing() throws IOException {
        toyCase("fails", "fail = yes\n", null);
        write("step-1.0.0-to-2.0.0/fails/case.properties", "failure=app.conf:1: the config asks to fail (rule toy.config)\n");

        assertThat(toy.check(only(), work)).isEmpty();

        assertThat(work.resolve("app.conf")).hasContent("fail = yes");
    }

    @Test
    void aFailingCaseWithAnotherTextIsReported() throws IOException {
        toyCase("fails", "fail = yes\n", null);
        write("step-1.0.0-to-2.0.0/fails/case.properties", "failure=something else\n");

        assertThatThrownBy(() -> toy.check(only(), work))
                .hasMessageStartingWith("step-1.0.0-to-2.0.0/fails: the migration failed, but not with 'something else': ");
    }

    @Test
    void aCaseExpectedToFailThatMigratesIsReported() throws IOException {
        toyCase("passes", "name = a\n", null);
        write("step-1.0.0-to-2.0.0/passes/case.properties", "failure=anything\n");

        assertThatThrownBy(() -> toy.check(only(), work))
                .hasMessage("step-1.0.0-to-2.0.0/passes: the migration should fail with 'anything' but changed 3 file(s)");
    }

    @Test
    void aCounterWithAnotherValueIsReported() throws IOException {
        toyCase("counted", "name = a\n", "name = a\nversion = 2\n");
        write("step-1.0.0-to-2.0.0/counted/case.properties", "counter.lines=7\n");

        assertThatThrownBy(() -> toy.check(only(), work))
                .hasMessage("step-1.0.0-to-2.0.0/counted: counter lines is 1, expected 7");
    }

    @Test
    void refusesAnUnknownCaseKey() throws IOException {
        toyCase("typo", "name = a\n", "name = a\nversion = 2\n");
        write("step-1.0.0-to-2.0.0/typo/case.properties", "alowLossy=true\n");

        assertThatThrownBy(() -> Fixtures.in(fixtures)).hasMessageContaining("unknown key alowLossy");
    }

    @Test
    void checksBeforeAndAfterFoldersWithoutAFixtureLayout() throws IOException {
        Path before = write("a/VERSION", "toy 1.0.0\n").getParent();
        write("a/app.conf", "name = a\n");
        Path after = write("b/VERSION", "toy 2.0.0\n").getParent();
        write("b/app.conf", "name = a\nversion = 2\n");
        Files.createSymbolicLink(after.resolve("app.link"), Path.of("app.conf"));

        assertThat(toy.check(before, after, "1.0.0", "2.0.0", work).changes()).isNotEmpty();
    }

    @Test
    void refusesAWorkFolderThatIsNotEmpty() throws IOException {
        toyCase("basic", "name = a\n", "name = a\nversion = 2\n");
        Files.createDirectories(work);
        Files.writeString(work.resolve("left-over"), "x");

        assertThatThrownBy(() -> toy.check(only(), work)).hasMessageContaining("the work folder must be empty");
    }

    @Test
    void loadsPluginFoldersAndFailsNamingARefusedArchive() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));

        // the kit's class path holds no rule set (the example plugin's test finds the built-ins on its own)
        assertThat(MigrationCheck.ofClassPathAndPlugins(plugins).registry().ruleSets()).isEmpty();

        Files.writeString(plugins.resolve("junk.jar"), "not a jar");
        assertThatThrownBy(() -> MigrationCheck.ofClassPathAndPlugins(plugins))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("junk.jar was refused: it has no plugin descriptor");
    }

    /** A rule with a counter: each run writes a different file, as a rule that keeps state or writes the time does. */
    static final class CountingRules implements dev.verpath.rules.RuleSet {
        private final java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public String id() {
            return "counting";
        }

        @Override
        public List<dev.verpath.rules.Product> products() {
            return List.of(new dev.verpath.rules.Product("tally", "A counting toy.", "app.conf", "data", "models"));
        }

        @Override
        public List<dev.verpath.rules.MigrationRule> rules() {
            return List.of(new dev.verpath.rules.FileRule() {
                @Override
                public dev.verpath.rules.RuleDescriptor descriptor() {
                    return dev.verpath.rules.RuleDescriptor.of("tally.2.0.0.config", dev.verpath.rules.RuleKind.CONFIG)
                            .named("Count the runs", "Writes how many times it ran.")
                            .edge("tally", "1.0.0", "2.0.0").paths("app.conf").build();
                }

                @Override
                public void apply(dev.verpath.rules.RuleContext context) throws IOException {
                    context.workspace().writeString("app.conf", "run " + runs.incrementAndGet() + "\n");
                }
            });
        }
    }

    @Test
    void aRuleThatGivesOtherBytesWhenRunAgainFromBeforeFailsTheCheck() throws IOException {
        write("step-1.0.0-to-2.0.0/counts/before/VERSION", "tally 1.0.0\n");
        write("step-1.0.0-to-2.0.0/counts/before/app.conf", "x\n");
        write("step-1.0.0-to-2.0.0/counts/after/VERSION", "tally 2.0.0\n");
        write("step-1.0.0-to-2.0.0/counts/after/app.conf", "run 1\n");

        assertThatThrownBy(() -> MigrationCheck.ofBuiltIns(new CountingRules()).check(only(), work))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("after migrating step-1.0.0-to-2.0.0/counts a second time from before/");
        assertThat(dir.resolve("work-again")).doesNotExist();
    }
}
