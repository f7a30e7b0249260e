package dev.verpath.engine.execute;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.model.ServiceEvent;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.service.UnhealthyFailure;
import dev.verpath.engine.settings.SettingsLoader;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import dev.verpath.rules.RuleSet;
import dev.verpath.rules.ServiceControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A product that declares how its service is stopped, started and checked ({@link ServiceControl}): a run uses what
 * it declares where the operator set nothing, and the operator's settings win phase by phase.
 */
class ProductServiceRunTest {

    @TempDir
    Path root;

    @TempDir
    Path outside;

    private final List<String> progress = new ArrayList<>();

    /** The toy rules, with a product whose service writes what it is asked to do into a log outside the installation. */
    private RuleSet declaring(List<String> health) {
        RuleSet toy = new ToyRulesAccess().ruleSet();
        Path log = outside.resolve("service.log");
        ServiceControl control = new ServiceControl(Optional.of(List.of("sh", "-c", "echo stop $VERPATH_TO >> " + log)),
                Optional.of(List.of("sh", "-c", "echo start $VERPATH_PHASE >> " + log)), Optional.of(health));
        return new RuleSet() {
            @Override
            public String id() {
                return toy.id();
            }

            @Override
            public List<Product> products() {
                return toy.products().stream().map(p -> new Product(p.name(), p.description(), p.roles(), p.configFile(),
                        p.dataFolder(), p.modelsFolder(), Optional.of(control))).toList();
            }

            @Override
            public List<MigrationRule> rules() {
                return toy.rules();
            }
        };
    }

    private RunResult migrate(RuleSet rules, Map<String, String> settings) {
        MigrationEngine engine = MigrationEngine.create(RuleRegistry.ofBuiltIns(rules),
                new SettingsLoader(Map.of()).load(Optional.empty(), settings));
        return engine.migrate(new RunRequest(Scope.VERSION, root, Optional.empty(), Optional.empty(), Optional.of("1.0.0"),
                false, false, true, false), progress::add);
    }

    private void install() throws IOException {
        Files.writeString(root.resolve("VERSION"), "toy 0.1.0\n");
        Files.writeString(root.resolve("app.conf"), "name = demo\n");
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("data/a.jsonl"), "{\"id\":1}\n");
    }

    @Test
    void whatTheProductDeclaresRunsWhereTheOperatorSetNothing() throws IOException {
        install();

        RunResult result = migrate(declaring(List.of("true")), Map.of());

        assertThat(Files.readAllLines(outside.resolve("service.log"))).containsExactly("stop 1.0.0", "start after_commit");
        assertThat(result.service()).extracting(ServiceEvent::phase).containsExactly("before_commit", "after_commit",
                "health", "health");
        assertThat(Files.readString(root.resolve("VERSION"))).contains("1.0.0");
    }

    @Test
    void theOperatorsSettingsWinPhaseByPhase() throws IOException {
        install();
        Path mine = outside.resolve("mine");

        RunResult result = migrate(declaring(List.of("false")), Map.of("hooks.after_commit",
                "[\"touch\",\"" + mine + "\"]", "health.command", "[\"true\"]"));

        assertThat(Files.readAllLines(outside.resolve("service.log"))).as("the product's stop still runs; its start does not")
                .containsExactly("stop 1.0.0");
        assertThat(mine).exists();
        assertThat(result.service()).filteredOn(e -> e.attempt() == 1).singleElement()
                .extracting(ServiceEvent::outcome).isEqualTo("healthy");
    }

    @Test
    void aDeclaredHealthCheckThatFailsUndoesTheRun() throws IOException {
        install();

        assertThatThrownBy(() -> migrate(declaring(List.of("false")), Map.of("health.retries", "2",
                "health.interval", "10ms")))
                .isInstanceOf(UnhealthyFailure.class)
                .hasMessageContaining("the health check found 1.0.0 unhealthy after 2 attempts");
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("toy 0.1.0\n");
        assertThat(Files.readAllLines(outside.resolve("service.log"))).as("stopped, started, stopped for the undo")
                .startsWith("stop 1.0.0", "start after_commit", "stop 1.0.0");
    }
}
