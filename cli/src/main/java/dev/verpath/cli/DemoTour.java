package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.model.FileChange;
import dev.verpath.engine.model.PlanRequest;
import dev.verpath.engine.model.RollbackResult;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.model.StatusReport;
import dev.verpath.engine.plan.MigrationPlan;
import dev.verpath.engine.validate.ValidationReport;
import dev.verpath.rules.MigrationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The narrated walk of {@code migrate demo}: plan, dry run, migration, validation, status, rollback, and
 * the proof that rollback restored every byte.
 */
final class DemoTour {

    private static final String TARGET = "2.1.0";
    private static final String SHOWN_DIFF = "config/server.toml";

    private final Invocation invocation;
    private final Output output;
    private final Path root;
    private final String name;

    DemoTour(Invocation invocation, Path root, String name) {
        this.invocation = invocation;
        this.output = invocation.output();
        this.root = root;
        this.name = name;
    }

    /**
     * Runs the tour.
     *
     * @return 0 when every byte came back
     */
    int run() {
        MigrationEngine engine = invocation.engine();
        ObjectNode document = Output.object();
        document.put("command", "demo");
        document.put("installation", name);
        int files = DemoInstallation.write(root);
        SortedMap<String, String> before = DemoInstallation.checksums(root);
        document.put("files", files);
        output.line("A sample serve " + DemoInstallation.VERSION + " installation: " + files + " files in " + name);

        section("1. The plan", "migrate info --path " + name + " --to " + TARGET);
        MigrationPlan plan = engine.plan(new PlanRequest(Optional.of(root), Optional.empty(), Optional.empty(),
                Optional.of(TARGET), false));
        indent(PlanView.text(plan, engine.registry(), true));
        document.set("plan", PlanView.json(plan, engine.registry()));

        section("2. A dry run: nothing is written", "migrate version --path " + name + " --to " + TARGET + " --dry-run");
        RunResult dry = engine.migrate(request(true), indented());
        for (FileChange change : dry.changes()) {
            output.line("   would be " + change.kind().label() + ": " + change.path());
        }
        dry.changes().stream().filter(c -> c.path().equals(SHOWN_DIFF)).findFirst().flatMap(FileChange::diff)
                .ifPresent(diff -> {
                    output.line("   the diff of " + SHOWN_DIFF + ":");
                    diff.lines().forEach(l -> output.line("   " + l));
                });
        document.set("dryRun", RunView.json(dry, engine.registry(), Scope.VERSION, false));

        section("3. Migrate to " + TARGET, "migrate version --path " + name + " --to " + TARGET);
        RunResult run = engine.migrate(request(false), indented());
        output.line("   " + run.plan().from() + " -> " + run.plan().to() + ": " + run.changes().size() + " files changed, "
                + run.warnings().size() + " warnings, backup " + run.backupId().orElse("none"));
        document.set("migration", RunView.json(run, engine.registry(), Scope.VERSION, false));

        section("4. Validate", "migrate validate --path " + name);
        ValidationReport report = engine.validate(root, Optional.empty());
        indent(ValidationView.text(report));
        document.set("validation", ValidationView.json(report));

        section("5. Status", "migrate status --path " + name);
        StatusReport status = engine.status(root);
        indent(StatusView.text(status, name));
        document.set("status", StatusView.json(status, name));

        section("6. Roll back", "migrate rollback --path " + name);
        RollbackResult back = engine.rollback(root, Optional.empty(), Optional.empty(), indented());
        output.line("   restored backup " + back.backupId() + ": " + back.entries() + " entries; version " + back.version());
        ObjectNode rollback = document.putObject("rollback");
        rollback.put("backupId", back.backupId());
        rollback.put("entries", back.entries());
        rollback.put("version", back.version());

        SortedMap<String, String> after = DemoInstallation.checksums(root);
        List<String> differing = before.keySet().stream().filter(p -> !before.get(p).equals(after.get(p))).toList();
        List<String> extra = after.keySet().stream().filter(p -> !before.containsKey(p)).toList();
        if (!differing.isEmpty() || !extra.isEmpty()) {
            throw new InputFailure(ErrorCode.RULE_FAILED, "demo: after rollback " + differing.size()
                    + " files differ from before " + differing + " and " + extra.size() + " are new " + extra
                    + "; keep the sample with --keep DIR to inspect it");
        }
        output.line("");
        output.line("every byte is back: " + before.size() + " files, identical (SHA-256, .migrate/ excluded)");
        document.put("identical", true);
        document.put("checkedFiles", before.size());
        new DemoPluginTour(engine, output, indented()).run(document);
        output.document(document);
        return ExitStatus.SUCCESS.code();
    }

    private RunRequest request(boolean dryRun) {
        return new RunRequest(Scope.VERSION, root, Optional.empty(), Optional.empty(), Optional.of(TARGET),
                dryRun, false, true, false);
    }

    private void section(String title, String command) {
        output.line("");
        output.line(title + "  ($ " + command + ")");
    }

    private void indent(List<String> lines) {
        lines.forEach(l -> output.line("   " + l));
    }

    /** The engine's progress lines, indented under the tour's headings. */
    private java.util.function.Consumer<String> indented() {
        java.util.function.Consumer<String> progress = output.progress();
        return line -> progress.accept("   " + line);
    }
}
