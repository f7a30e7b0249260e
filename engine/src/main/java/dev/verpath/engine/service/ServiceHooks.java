package dev.verpath.engine.service;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.model.ServiceEvent;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.settings.HookPhase;
import dev.verpath.engine.settings.HookSettings;
import dev.verpath.rules.Product;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's hooks and health check around one command, as the command runs them: each phase's hook in the
 * installation's folder, with the run's {@link HookEnvironment}; one progress line per hook and per
 * health attempt; and a record of what ran ({@link #events()}), which the command's result reports.
 */
public final class ServiceHooks {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceHooks.class);

    private final HookSettings hooks;
    private final HookEnvironment environment;
    private final Consumer<String> progress;
    private final List<ServiceEvent> events;

    /**
     * @param hooks       the effective hooks and health check (the operator's over the product's)
     * @param environment what the hooks are told about the run
     * @param progress    receives one line per hook and per health attempt
     */
    public ServiceHooks(HookSettings hooks, HookEnvironment environment, Consumer<String> progress) {
        this(hooks, environment, progress, new ArrayList<>());
    }

    private ServiceHooks(HookSettings hooks, HookEnvironment environment, Consumer<String> progress, List<ServiceEvent> events) {
        this.hooks = hooks;
        this.environment = environment;
        this.progress = progress;
        this.events = events;
    }

    /**
     * The hooks and health check for a product: the operator's settings over what the product declares.
     *
     * @param settings the effective settings
     * @param registry the loaded rules
     * @param product  the product
     * @return the effective hooks
     */
    public static HookSettings settingsFor(EngineSettings settings, RuleRegistry registry, String product) {
        return settings.hooks().effective(registry.product(product).flatMap(Product::service));
    }

    /**
     * @param backupId the run's backup, once taken
     * @return these hooks, telling the hooks that run from now on about it (what ran so far is shared)
     */
    public ServiceHooks withBackup(Optional<String> backupId) {
        return backupId.map(id -> new ServiceHooks(hooks, environment.withBackup(id), progress, events)).orElse(this);
    }

    /**
     * @param phase a phase
     * @return whether a hook is set for it
     */
    public boolean has(HookPhase phase) {
        return hooks.command(phase).isPresent();
    }

    /** @return whether a commit is followed by a hook or a health check, which the journal then covers too */
    public boolean gated() {
        return has(HookPhase.AFTER_COMMIT) || hooks.health().isPresent();
    }

    /** @return whether a health check is set (and not switched off) */
    public boolean checksHealth() {
        return hooks.health().isPresent();
    }

    /** @return the hooks and checks that ran, one line each, in order */
    public List<ServiceEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /**
     * Records a check the command made between its hooks (the validation of a restored installation), as a progress
     * line and in {@link #events()}.
     *
     * @param event what was found
     */
    public void note(ServiceEvent event) {
        progress.accept(event.line());
        events.add(event);
    }

    /**
     * Runs a phase's hook, where its failure stops the command before any change.
     *
     * @param phase     {@code before_run} or {@code before_commit}
     * @param unchanged what the failure means for the installation, e.g. {@code nothing was changed}
     * @throws HookFailure when the hook fails or times out
     */
    public void require(HookPhase phase, String unchanged) {
        Optional<HookResult> result;
        try {
            result = run(phase);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputFailure(ErrorCode.RULE_FAILED, "the command was interrupted while its " + phase.key()
                    + " hook ran (the hook was stopped); " + unchanged);
        }
        if (result.isPresent() && !result.get().succeeded()) {
            throw new HookFailure(result.get(), unchanged + "; fix what it runs, or " + phase.settingKey()
                    + " in migration_config.toml (or --hook " + phase.key() + "=...), then run again");
        }
    }

    /**
     * Runs a phase's hook, where a failure is reported and the command goes on (or decides).
     *
     * @param phase the phase
     * @return how the hook ended, empty when none is set; a stop signal while it ran ends it and
     *         counts as a failure ({@link Thread#interrupted()} is then true again for the caller)
     */
    public Optional<HookResult> attempt(HookPhase phase) {
        try {
            return run(phase);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            HookResult stopped = new HookResult(phase.key(), hooks.command(phase).orElseThrow().text(), Optional.empty(),
                    Optional.of("stopped by a signal"), Duration.ZERO, true);
            events.add(new ServiceEvent(phase.key(), 0, "stopped", Optional.empty(), 0, stopped.lastLine(),
                    "hook " + phase.key() + " was stopped by a signal"));
            return Optional.of(stopped);
        }
    }

    /**
     * Starts a version (the phase's hook) and checks its health.
     *
     * @param start   the phase that starts it: {@code after_commit} or {@code after_rollback}
     * @param version the version that should now be serving
     * @return why it is not healthy (the hook's failure line, or the health check's verdict); empty when it is
     */
    public Optional<String> startAndCheck(HookPhase start, String version) {
        return attempt(start).filter(r -> !r.succeeded()).map(HookResult::failureLine)
                .or(() -> health(version).filter(h -> !h.healthy())
                        .map(h -> "the health check found " + version + " " + h.summary()));
    }

    /**
     * Waits for the health check, when one is set.
     *
     * @param version the version that should now be serving, for the progress lines
     * @return the report, empty when no check is set
     */
    public Optional<HealthReport> health(String version) {
        return hooks.health().map(check -> {
            progress.accept("checking the health of " + version + ": " + check.command().text());
            HealthReport report = HealthGate.await(check, environment, environment.path(), (attempt, of) -> {
                String line = "health attempt " + attempt.number() + "/" + of + ": " + attempt.describe();
                progress.accept("  " + line);
                events.add(new ServiceEvent(HealthGate.PHASE, attempt.number(), attempt.healthy() ? "healthy"
                        : attempt.timedOut() ? "timed-out" : "unhealthy", attempt.exitStatus(), attempt.took().toMillis(),
                        attempt.lastLine(), line));
            });
            events.add(ServiceEvent.of(HealthGate.PHASE, report.healthy() ? "healthy" : "unhealthy",
                    "health of " + version + ": " + report.summary()));
            return report;
        });
    }

    private Optional<HookResult> run(HookPhase phase) throws InterruptedException {
        if (!has(phase)) {
            return Optional.empty();
        }
        progress.accept("running the " + phase.key() + " hook: " + hooks.command(phase).orElseThrow().text());
        HookResult result = new HookRunner(hooks.timeout()).run(phase, hooks.command(phase).orElseThrow(), environment,
                environment.path());
        String line = result.succeeded() ? "hook " + phase.key() + ": done in " + result.took().toMillis() + " ms"
                : result.failureLine();
        events.add(new ServiceEvent(phase.key(), 0, result.succeeded() ? "ok" : result.timedOut() ? "timed-out"
                : result.notStarted() ? "not-started" : "failed", result.exitStatus(), result.took().toMillis(),
                result.lastLine(), line));
        if (!result.succeeded()) {
            LOG.warn(line);
            progress.accept("  " + line);
        }
        return Optional.of(result);
    }
}
