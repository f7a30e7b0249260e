package dev.verpath.engine.restore;

import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.service.ServiceHooks;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.settings.HookSettings;
import dev.verpath.engine.validate.InstallationValidation;
import dev.verpath.engine.validate.ValidationReport;
import dev.verpath.engine.validate.ValidationRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What a rollback does around its restore on a node with a service, as the TrustformeRS guide's rollback process has
 * it (stop, restore, validate, restart): the operator's hooks and health check for the backup's product (over what the
 * product declares), and the product's validation rules run on the restored installation before the service starts.
 * Immutable.
 *
 * @param hooks      the hooks and health check for a product, empty when none is set
 * @param validation the product's validation of an installation, empty when its rules are not loaded
 */
public record RestoreChecks(Function<String, Optional<HookSettings>> hooks,
                            BiFunction<String, Path, Optional<ValidationReport>> validation) {

    /** No hooks and no validation: a plain restore. */
    public static final RestoreChecks NONE = new RestoreChecks(product -> Optional.empty(), (product, root) -> Optional.empty());

    /** Checks that nothing is null. */
    public RestoreChecks {
        Objects.requireNonNull(hooks, "hooks");
        Objects.requireNonNull(validation, "validation");
    }

    /**
     * The checks of an engine: the effective hooks, and the rules of the products it has loaded.
     *
     * @param registry the loaded rules
     * @param settings the effective settings
     * @param clock    the clock
     * @param listener told how the validation's hashing goes
     * @return the checks
     */
    public static RestoreChecks of(RuleRegistry registry, EngineSettings settings, Clock clock, ProgressListener listener) {
        return new RestoreChecks(product -> Optional.of(ServiceHooks.settingsFor(settings, registry, product)),
                (product, root) -> registry.product(product).map(p ->
                new InstallationValidation(registry, settings, clock, listener).validate(
                        ValidationRequest.rulesOnly(root, Optional.empty()), line -> { })));
    }
}
