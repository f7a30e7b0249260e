package dev.verpath.engine.validate;

import dev.verpath.rules.ValidationCategory;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code migrate validate} was asked to do. Immutable.
 *
 * @param root       the installation
 * @param version    the version to check against; empty: the recorded one
 * @param categories the categories to check; every category when empty
 * @param strict     warnings count as errors ({@code --strict})
 * @param full       hash every listed file, ignoring the stat cache ({@code --full})
 * @param repair     restore files whose hash differs from their record from a backup ({@code --repair})
 * @param engineChecks run the engine's own checks ({@link EngineChecks}, the known-version check) besides the
 *                   product's validation rules
 */
public record ValidationRequest(Path root, Optional<String> version, Set<ValidationCategory> categories,
                                boolean strict, boolean full, boolean repair, boolean engineChecks) {

    /** Checks that nothing is null and copies the set. */
    public ValidationRequest {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(version, "version");
        categories = categories.isEmpty() ? Set.copyOf(EnumSet.allOf(ValidationCategory.class)) : Set.copyOf(categories);
    }

    /**
     * What {@code migrate validate} asks for: the product's rules and the engine's checks.
     *
     * @param root       the installation
     * @param version    the version to check against, or empty
     * @param categories the categories; every category when empty
     * @param strict     {@code --strict}
     * @param full       {@code --full}
     * @param repair     {@code --repair}
     * @return the request
     */
    public static ValidationRequest of(Path root, Optional<String> version, Set<ValidationCategory> categories,
                                       boolean strict, boolean full, boolean repair) {
        return new ValidationRequest(root, version, categories, strict, full, repair, true);
    }

    /**
     * The product's validation rules alone, every category, the stat cache used: what a rule author's test
     * wants to see.
     *
     * @param root    the installation
     * @param version the version to check against, or empty
     * @return the request
     */
    public static ValidationRequest rulesOnly(Path root, Optional<String> version) {
        return new ValidationRequest(root, version, Set.of(), false, false, false, false);
    }

    /**
     * @param category a category
     * @return true when it is checked
     */
    public boolean checks(ValidationCategory category) {
        return categories.contains(category);
    }
}
