package dev.verpath.engine.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine's own checks, which apply to every product and every version on top of the product's
 * validation rules: schema, security, performance and compatibility checks of the files as they are on disk (see
 * docs/validation.md for the list with ids and severities). They run on {@code migrate validate} and on the
 * source before {@code migrate version}; the {@link #content() content checks} also run on the files each migration
 * step wrote, before the commit ({@link StepOutputChecks}).
 */
public final class EngineChecks {

    private EngineChecks() {
    }

    /**
     * @param thresholds the limits of the performance checks
     * @return every engine check: config syntax, then security, performance, compatibility
     */
    public static List<TreeCheck> all(Thresholds thresholds) {
        List<TreeCheck> checks = new ArrayList<>();
        checks.add(ConfigSyntax.check());
        checks.addAll(SecurityChecks.all());
        checks.addAll(PerformanceChecks.all(thresholds));
        checks.addAll(CompatibilityChecks.all());
        return List.copyOf(checks);
    }

    /**
     * The checks of what files hold, which apply to a file whatever wrote it: config syntax, paths that leave the
     * installation, plain {@code http://} sources, secrets in clear.
     *
     * @return those checks
     */
    public static List<TreeCheck> content() {
        List<TreeCheck> checks = new ArrayList<>();
        checks.add(ConfigSyntax.check());
        checks.addAll(SecurityChecks.content());
        return List.copyOf(checks);
    }
}
