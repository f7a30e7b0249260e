package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.plan.MachineRequirements;
import dev.verpath.engine.model.PlanRequest;
import dev.verpath.engine.model.ReuseForecast;
import dev.verpath.engine.plan.MigrationPlan;
import dev.verpath.engine.release.IntoEstimate;
import dev.verpath.engine.service.ServiceHooks;
import dev.verpath.engine.settings.EffectiveSetting;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code migrate info}: prints the plan, with an estimate when an installation is named. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the plan: each step with its rules and breaking changes, lossy steps marked, the "
                + "alternatives, and for an installation the time and disk space it needs (backup included) and "
                + "whether the free space suffices. With --verbose: every effective setting and its source.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private InstallationPath.ForPlan installation;

    @Option(names = "--from", paramLabel = "V", description = "The source version.")
    private String from;

    @Option(names = "--to", paramLabel = "V", description = "The target version (default: the newest reachable without lossy steps).")
    private String to;

    @Option(names = "--product", paramLabel = "P", description = "The product (default: the installation's, else serve).")
    private String product;

    @Option(names = "--allow-lossy", description = "Allow steps that cannot keep every piece of information.")
    private boolean allowLossy;

    @Option(names = "--into", paramLabel = "DEST", description = "With --path: what 'version --into DEST' would cost"
            + " (files hard-linked or copied, the space DEST's file system needs; no backup).")
    private Path into;

    @Override
    public Integer call() {
        Optional<Path> path = installation.path();
        if (path.isEmpty() && from == null) {
            throw new ParameterException(spec.commandLine(), "Give --path DIR, or --from V (with --to V)");
        }
        if (into != null && path.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--into DEST needs --path DIR: the installation built into DEST");
        }
        Invocation invocation = Invocation.of(spec);
        MigrationEngine engine = invocation.engine();
        Output output = invocation.output();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long planningStarted = System.nanoTime();
        long planningCpuStarted = threads.getCurrentThreadCpuTime();
        MigrationPlan plan = engine.plan(new PlanRequest(path, Optional.ofNullable(product),
                Optional.ofNullable(from), Optional.ofNullable(to), allowLossy));
        long planningNanos = System.nanoTime() - planningStarted;
        long planningCpuNanos = threads.getCurrentThreadCpuTime() - planningCpuStarted;
        Optional<IntoEstimate> side = Optional.ofNullable(into).map(dest -> IntoView.estimate(plan, path.get(), dest));
        PlanView.text(plan, engine.registry(), side.isEmpty()).forEach(output::line);
        side.ifPresent(e -> IntoView.text(e).forEach(output::line));
        if (side.isEmpty() && plan.estimate().isPresent() && !engine.settings().backupWeights().equals("copy")) {
            output.line("  backup of weight files: " + (engine.settings().backupWeights().equals("link") ? "hard links"
                    : "clones where the file system can make them, else hard links") + "; a hard link protects against the"
                    + " migration, not against later in-place writes ([backup] weights = copy keeps copies)");
        }
        List<MachineRequirements.Result> needs = MachineRequirements.check(MachineRequirements.of(engine.registry(),
                plan.product()), path.orElse(Path.of("")).toAbsolutePath(), plan.estimate().map(e -> e.diskNeeded()).orElse(0L));
        RequirementsView.text(plan.product(), needs).forEach(output::line);
        Optional<ReuseForecast> reuse = path.filter(p -> side.isEmpty()).map(p -> engine.reuse(p, plan));
        reuse.ifPresent(r -> ReuseView.text(r).forEach(output::line));
        List<String> hooks = ServiceHooks.settingsFor(engine.settings(), engine.registry(), plan.product()).lines();
        if (!hooks.isEmpty()) {
            output.line("hooks and health check around the run (info runs none):");
            hooks.forEach(h -> output.line("  " + h));
        }
        List<EffectiveSetting> settings = engine.settings().effective(engine.registry().flags());
        if (output.verbose() && !PlanView.recordFields(plan).isEmpty()) {
            output.line("record fields the steps read and write:");
            PlanView.recordFields(plan).forEach(output::line);
        }
        if (output.verbose()) {
            output.line(String.format(Locale.ROOT, "planning: %.1f ms, %.1f ms of CPU (the product's version graph, the path"
                    + " and the alternatives; rule loading not included)", planningNanos / 1e6, planningCpuNanos / 1e6));
            output.line("effective settings:");
            Table table = new Table("setting", "value", "from");
            settings.forEach(s -> table.row(s.key(), s.value().isEmpty() ? "(unset)" : s.value(), s.source()));
            table.lines("  ").forEach(output::line);
        }
        ObjectNode document = Output.object();
        document.put("command", "info");
        document.set("plan", PlanView.json(plan, engine.registry()));
        side.ifPresent(e -> document.set("into", IntoView.json(e)));
        hooks.forEach(document.putArray("hooks")::add);
        RequirementsView.json(needs, document.putArray("requirements"));
        reuse.ifPresent(r -> ReuseView.json(r, document.putObject("reuse")));
        // in JSON always: a script reads the effective settings without parsing a table
        ArrayNode list = document.putArray("settings");
        settings.forEach(s -> list.addObject().put("key", s.key()).put("value", s.value()).put("source", s.source()));
        output.document(document);
        return ExitStatus.SUCCESS.code();
    }
}
