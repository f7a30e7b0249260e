package dev.verpath.engine.settings;

import dev.verpath.rules.ServiceControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The hooks and the health check of a run: {@code [hooks]} (a command for each phase that has one, and the
 * {@code timeout} of each hook) and {@code [health]} ({@code command}, {@code retries}, {@code interval},
 * {@code timeout}). Without settings there is no hook and no health check. Immutable.
 *
 * @param commands       the command of each phase that has one
 * @param timeout        how long a hook may run before it is killed ({@code hooks.timeout}, default 60 s)
 * @param healthCommand  the health check's command, when there is one ({@code health.command})
 * @param healthRetries  the health check's attempts in all ({@code health.retries}, default 10)
 * @param healthInterval the pause between two attempts ({@code health.interval}, default 2 s)
 * @param healthTimeout  how long one attempt may take ({@code health.timeout}, default 10 s)
 * @param healthEnabled  false when the health check is skipped, a product's declared one too ({@code health.enabled},
 *                       {@code --no-health})
 */
public record HookSettings(Map<HookPhase, HookCommand> commands, Duration timeout, Optional<HookCommand> healthCommand,
                           int healthRetries, Duration healthInterval, Duration healthTimeout, boolean healthEnabled) {

    /** The keys whose value is a command (an array or {@code { shell = "..." }}), not a single value. */
    static final Set<String> COMMAND_KEYS = Stream.concat(Stream.of(HookPhase.values()).map(HookPhase::settingKey),
            Stream.of("health.command")).collect(Collectors.toUnmodifiableSet());

    /** Copies the map and checks that nothing is null. */
    public HookSettings {
        commands = Collections.unmodifiableMap(commands.isEmpty() ? new EnumMap<>(HookPhase.class) : new EnumMap<>(commands));
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(healthCommand, "healthCommand");
        Objects.requireNonNull(healthInterval, "healthInterval");
        Objects.requireNonNull(healthTimeout, "healthTimeout");
    }

    /**
     * The hook settings of the effective settings (checked when they were loaded: {@link SettingTypes}).
     *
     * @param settings the effective settings
     * @return the hooks and the health check they set
     */
    public static HookSettings of(EngineSettings settings) {
        Map<HookPhase, HookCommand> commands = new EnumMap<>(HookPhase.class);
        for (HookPhase phase : HookPhase.values()) {
            command(settings, phase.settingKey()).ifPresent(c -> commands.put(phase, c));
        }
        return new HookSettings(commands, duration(settings, "hooks.timeout"), command(settings, "health.command"),
                (int) settings.wholeNumber("health.retries", 10, 1, Integer.MAX_VALUE, "a whole number above 0"),
                duration(settings, "health.interval"), duration(settings, "health.timeout"),
                !settings.value("health.enabled").orElse("true").equals("false"));
    }

    private static Optional<HookCommand> command(EngineSettings settings, String key) {
        return settings.value(key).flatMap(HookCommand::fromSettingText);
    }

    private static Duration duration(EngineSettings settings, String key) {
        return settings.value(key).or(() -> SettingsLoader.defaultValue(key)).flatMap(SettingDuration::parse)
                .orElseThrow(() -> new IllegalStateException(key + " was checked on loading"));
    }

    /**
     * @param phase a phase
     * @return the command that runs in it, when one does
     */
    public Optional<HookCommand> command(HookPhase phase) {
        return Optional.ofNullable(commands.get(phase));
    }

    /** @return the health check, when a command is set; with the retries, interval and timeout of {@code [health]} */
    public Optional<HealthCheck> health() {
        return healthCommand.filter(c -> healthEnabled).map(c -> new HealthCheck(c, healthRetries, healthInterval, healthTimeout));
    }

    /**
     * These settings over a product's declared service control: the operator's command wins phase by phase; where
     * the operator set none, the product's {@code stop} runs as {@code before_commit}, its {@code start} as
     * {@code after_commit} and {@code after_rollback}, its {@code health} as the health command (with the
     * operator's retries, interval and timeout).
     *
     * @param service what the product declares, when it does
     * @return the merged settings; these are unchanged
     */
    public HookSettings effective(Optional<ServiceControl> service) {
        if (service.isEmpty()) {
            return this;
        }
        Map<HookPhase, HookCommand> merged = new EnumMap<>(HookPhase.class);
        service.get().stop().ifPresent(c -> merged.put(HookPhase.BEFORE_COMMIT, HookCommand.of(c)));
        service.get().start().ifPresent(c -> merged.put(HookPhase.AFTER_COMMIT, HookCommand.of(c)));
        service.get().start().ifPresent(c -> merged.put(HookPhase.AFTER_ROLLBACK, HookCommand.of(c)));
        merged.putAll(commands);
        return new HookSettings(merged, timeout, healthCommand.or(() -> service.get().health().map(HookCommand::of)),
                healthRetries, healthInterval, healthTimeout, healthEnabled);
    }

    /**
     * What would run, one line each, in run order, as {@code info} and a dry run list it: {@code before_commit:
     * systemctl stop serve}, then {@code health: curl ... (10 attempts, 2s apart, 10s each)}.
     *
     * @return the lines; empty when nothing would run
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        commands.forEach((phase, command) -> lines.add(phase.key() + ": " + command.text()
                + (command.shell() ? " (by /bin/sh -c)" : "") + " (timeout " + SettingDuration.text(timeout) + ")"));
        health().ifPresent(h -> lines.add("health: " + h.command().text() + " (" + h.retries() + " attempts, "
                + SettingDuration.text(h.interval()) + " apart, " + SettingDuration.text(h.timeout()) + " each)"));
        return List.copyOf(lines);
    }
}
