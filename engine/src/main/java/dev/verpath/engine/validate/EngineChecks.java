package dev.verpath.engine.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine's own checks, which apply to every product and every version on top of the product's
 * validation rules: security, performance and compatibility checks of the files as they are on disk (see
 * docs/validation.md for the list with ids and severities). They run on {@code migrate validate} and on the
 * source before {@code migrate version}; after each migration step only the product's rules run.
 */
public final class EngineChecks {

    private EngineChecks() {
    }

    /**
     * @param thresholds the limits of the performance checks
     * @return every engine check, security first, then performance, then compatibility
     */
    public static List<TreeCheck> all(Thresholds thresholds) {
        List<TreeCheck> checks = new ArrayList<>();
        checks.addAll(SecurityChecks.all());
        checks.addAll(PerformanceChecks.all(thresholds));
        checks.addAll(CompatibilityChecks.all());
        return List.copyOf(checks);
    }
}
