package dev.verpath.engine.validate;

import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.rules.Finding;
import dev.verpath.rules.FlagDescriptor;
import dev.verpath.rules.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether warnings count as errors. Strict validation is asked for by {@code --strict}, by the setting
 * {@code validation.strict}, or, for one product's installations, by the flag
 * {@code <PRODUCT>_STRICT_VALIDATION} when a loaded rule set declares it (the WAN plugin's
 * {@code WAN_STRICT_VALIDATION} for {@code wan} installations).
 */
public final class Strictness {


    private Strictness() {
    }

    /**
     * @param option   the {@code --strict} option
     * @param settings the effective settings
     * @param registry the loaded rules (for the product's flag)
     * @param product  the product validated
     * @return true when warnings count as errors
     */
    public static boolean of(boolean option, EngineSettings settings, RuleRegistry registry, String product) {
        if (option || settings.strictValidation()) {
            return true;
        }
        String name = flagName(product);
        Optional<FlagDescriptor> flag = registry.flags().stream().filter(f -> f.name().equals(name)).findFirst();
        return flag.map(f -> yes(settings.flag(f).value())).orElse(false);
    }

    /**
     * @param product a product name
     * @return the name of its strict-validation flag, e.g. {@code WAN_STRICT_VALIDATION}
     */
    public static String flagName(String product) {
        return product.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_STRICT_VALIDATION";
    }

    private static boolean yes(String value) {
        return FlagDescriptor.isTrue(value);
    }

    /**
     * Turns every warning into an error.
     *
     * @param findings the findings
     * @return the findings, warnings now errors, in the same order
     */
    public static List<Finding> apply(List<Finding> findings) {
        return findings.stream().map(f -> f.severity() != Severity.WARNING ? f : new Finding(f.ruleId(), f.category(),
                Severity.ERROR, f.path(), f.location(), f.message(), f.remedy())).toList();
    }
}
