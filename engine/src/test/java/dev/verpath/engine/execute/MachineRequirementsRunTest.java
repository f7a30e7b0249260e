package dev.verpath.engine.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.plan.MachineRequirements;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.SettingsLoader;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import dev.verpath.rules.ProductRequirement;
import dev.verpath.rules.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a product needs of the machine, checked on this one: a command found on the PATH or at an absolute path, or
 * missing; memory and disk beyond what this machine has, or well within it. A run that a requirement is not met for
 * is refused before it changes anything, naming the requirement, what was found and the product's reason; a run whose
 * requirements are met goes on.
 */
class MachineRequirementsRunTest {

    @TempDir
    Path root;

    private RuleSet requiring(ProductRequirement... requirements) {
        RuleSet toy = new ToyRulesAccess().ruleSet();
        return new RuleSet() {
            @Override
            public String id() {
                return toy.id();
            }

            @Override
            public List<Product> products() {
                return toy.products();
            }

            @Override
            public List<MigrationRule> rules() {
                return toy.rules();
            }

            @Override
            public List<ProductRequirement> requirements() {
                return List.of(requirements);
            }
        };
    }

    private List<MachineRequirements.Result> checked(ProductRequirement... requirements) {
        return MachineRequirements.check(MachineRequirements.of(RuleRegistry.ofBuiltIns(requiring(requirements)), "toy"),
                root, 0);
    }

    @Test
    void commandsAreFoundOnThePathOrAtTheirPath() throws IOException {
        Path tool = Files.createFile(root.resolve("tool"));
        tool.toFile().setExecutable(true);

        List<MachineRequirements.Result> results = checked(
                ProductRequirement.command("toy", "sh", "hooks run through the shell"),
                ProductRequirement.command("toy", "verpath-no-such-command", "the 1.0 step runs it"),
                ProductRequirement.command("toy", tool.toString(), "an absolute path"),
                ProductRequirement.command("toy", root.resolve("absent").toString(), "an absolute path that is not there"));

        assertThat(results).extracting(MachineRequirements.Result::status).containsExactly(MachineRequirements.Status.MET,
                MachineRequirements.Status.NOT_MET, MachineRequirements.Status.MET, MachineRequirements.Status.NOT_MET);
        assertThat(results.get(1).describe())
                .isEqualTo("command verpath-no-such-command (the 1.0 step runs it): not met, not on the PATH");
        assertThat(results.get(2).found()).isEqualTo(tool.toString());
        assertThat(results).allMatch(r -> r.origin().equals("built-in"));
    }

    @Test
    void memoryAndDiskAreComparedWithWhatThisMachineHas() {
        assumeTrue(Files.isReadable(Path.of("/proc/meminfo")), "needs Linux's /proc/meminfo to know the memory available");

        List<MachineRequirements.Result> results = checked(
                ProductRequirement.freeMemory("toy", 1L << 20, "a small cache"),
                ProductRequirement.freeMemory("toy", 1L << 60, "more than any machine has"),
                ProductRequirement.freeDisk("toy", 1, "a lock file"),
                ProductRequirement.freeDisk("toy", 1L << 60, "more than any disk has"),
                ProductRequirement.memory("toy", 1L << 20, "a small server"),
                ProductRequirement.memory("toy", 1L << 60, "more than any machine has installed"));

        assertThat(results).extracting(MachineRequirements.Result::status).containsExactly(MachineRequirements.Status.MET,
                MachineRequirements.Status.NOT_MET, MachineRequirements.Status.MET, MachineRequirements.Status.NOT_MET,
                MachineRequirements.Status.MET, MachineRequirements.Status.NOT_MET);
        assertThat(results.get(5).describe()).startsWith("memory 1.0 EiB (more than any machine has installed): not met, ")
                .endsWith(" installed");
        assertThat(results.get(1).describe()).startsWith("free memory 1.0 EiB (more than any machine has): not met, ")
                .endsWith(" available");
        assertThat(results.get(3).found()).endsWith("free on the disk of " + root);
    }

    @Test
    void aRunThatARequirementIsNotMetForIsRefusedBeforeItChangesAnything() throws IOException {
        install();
        String before = Files.readString(root.resolve("app.conf"));
        MigrationEngine engine = MigrationEngine.create(RuleRegistry.ofBuiltIns(requiring(
                        ProductRequirement.command("toy", "sh", "hooks run through the shell"),
                        ProductRequirement.command("toy", "verpath-no-such-command", "the 1.0 step runs it"))),
                new SettingsLoader(Map.of()).load(Optional.empty(), Map.of()));

        EnvironmentFailure failure = catchThrowableOfType(() -> engine.migrate(request(), line -> { }),
                EnvironmentFailure.class);

        assertThat(failure.getMessage()).isEqualTo("toy needs what this machine lacks: command verpath-no-such-command"
                + " (the 1.0 step runs it): not met, not on the PATH; free memory or disk, or install the command, and run"
                + " again; the installation is unchanged");
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("toy 0.1.0\n");
        assertThat(Files.readString(root.resolve("app.conf"))).isEqualTo(before);
    }

    @Test
    void aRunWhoseRequirementsAreMetGoesOn() throws IOException {
        install();
        MigrationEngine engine = MigrationEngine.create(RuleRegistry.ofBuiltIns(requiring(
                        ProductRequirement.command("toy", "sh", "hooks run through the shell"))),
                new SettingsLoader(Map.of()).load(Optional.empty(), Map.of()));

        engine.migrate(request(), line -> { });

        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("toy 1.0.0\n");
    }

    private RunRequest request() {
        return new RunRequest(Scope.VERSION, root, Optional.empty(), Optional.empty(), Optional.of("1.0.0"), false, false,
                true, false);
    }

    private void install() throws IOException {
        Files.writeString(root.resolve("VERSION"), "toy 0.1.0\n");
        Files.writeString(root.resolve("app.conf"), "name = demo\n");
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("data/a.jsonl"), "{\"id\":1}\n");
    }
}
