package dev.verpath.engine.execute;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.model.ServiceEvent;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.service.HookEnvironment;
import dev.verpath.engine.service.ServiceHooks;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.settings.HookPhase;
import dev.verpath.engine.settings.HookSettings;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The hooks around a whole run, under its lock: {@code before_run} before the scan (nothing is read before the
 * service has stopped writing), and {@code on_failure} when the run fails, whatever the failure. The hooks around the
 * commit are the executor's ({@link MigrationExecutor}, {@link StartPhase}).
 */
final class ServiceAround {

    private ServiceAround() {
    }

    /**
     * The hooks of a run: the operator's settings over what the product declares.
     *
     * @param run      the run, resolved
     * @param registry the rules (the product's declared service control)
     * @param settings the effective settings
     * @param progress receives one line per hook
     * @return the hooks, empty when none is set and no health check
     * @throws InputFailure when a health check or a hook after the commit is set but the run takes no backup: an
     *                      unhealthy result could not be undone
     */
    static Optional<ServiceHooks> of(ResolvedRun run, RuleRegistry registry, EngineSettings settings,
                                     Consumer<String> progress) {
        HookSettings hooks = effective(run, registry, settings);
        if (hooks.lines().isEmpty()) {
            return Optional.empty();
        }
        ServiceHooks services = new ServiceHooks(hooks, HookEnvironment.ofRun(run.plan().product(), run.plan().from(),
                run.plan().to(), run.installation().root(), Optional.empty()), progress);
        if (services.gated() && !run.backup().take() && !run.plan().steps().isEmpty()) {
            throw new InputFailure(ErrorCode.USAGE, "the run takes no backup (--no-backup or [backup] enabled = false), but "
                    + (services.checksHealth() ? "a health check" : "an after_commit hook")
                    + " follows the commit: an unhealthy result could not be undone; give --no-health (and no after_commit"
                    + " hook), or let the run take its backup");
        }
        return Optional.of(services);
    }

    /**
     * @param run      the run
     * @param registry the rules (the product's declared service control)
     * @param settings the effective settings
     * @return what would run around the run, one line each ({@link HookSettings#lines()}), for a dry run to list
     */
    static java.util.List<ServiceEvent> planned(ResolvedRun run, RuleRegistry registry, EngineSettings settings) {
        return effective(run, registry, settings).lines().stream()
                .map(line -> ServiceEvent.of(line.substring(0, line.indexOf(':')), "would-run", line)).toList();
    }

    private static HookSettings effective(ResolvedRun run, RuleRegistry registry, EngineSettings settings) {
        return ServiceHooks.settingsFor(settings, registry, run.plan().product());
    }

    /**
     * Runs the {@code before_run} hook, then the run; on any failure, the {@code on_failure} hook (its own failure is
     * reported, and the run's failure is what the command ends with).
     *
     * @param services the run's hooks, when any
     * @param work     the run itself
     * @return what the run did
     */
    static RunResult run(Optional<ServiceHooks> services, Supplier<RunResult> work) {
        if (services.isEmpty()) {
            return work.get();
        }
        try {
            services.get().require(HookPhase.BEFORE_RUN, "nothing was read or changed");
            return work.get();
        } catch (RuntimeException e) {
            boolean signalled = Thread.interrupted();
            services.get().attempt(HookPhase.ON_FAILURE);
            if (signalled) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
    }
}
