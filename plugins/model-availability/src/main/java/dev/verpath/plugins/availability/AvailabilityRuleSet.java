package dev.verpath.plugins.availability;

import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import dev.verpath.rules.RuleSet;
import dev.verpath.rules.ValidationRule;
import java.util.List;
import org.pf4j.Extension;

/**
 * The rules of the {@code model-availability} product: the edge 1.0.0 (the basic model management system)
 * to 2.0.0 (the enhanced model availability system) and the validation rules of 2.0.0. Found by PF4J as an
 * extension of the plugin. Immutable; every method returns the same lists on every call.
 *
 * <p>Rule ids: {@code model-availability.2.0.0.config} and {@code model-availability.2.0.0.model}; validation
 * ids {@code model-availability.2.0.0.config-sections} and {@code model-availability.2.0.0.model-metadata}.
 */
@Extension
public final class AvailabilityRuleSet implements RuleSet {

    /** The id of this rule set. */
    public static final String ID = "model-availability";

    private static final Product PRODUCT = new Product(AvailabilityLayout.PRODUCT,
            "A model management service that downloads, checks and serves models, in its basic or enhanced form.",
            AvailabilityLayout.LEGACY_CONFIG, AvailabilityLayout.DATA, AvailabilityLayout.MODELS);

    private final List<MigrationRule> rules = List.of(new EnhancedConfigRule(), new ModelMetadataRule());
    private final List<ValidationRule> validations = List.of(new ConfigSectionsValidation(),
            new ModelMetadataValidation());

    /** Builds the rules; PF4J calls this. */
    public AvailabilityRuleSet() {
        // every list is built with the fields
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Product> products() {
        return List.of(PRODUCT);
    }

    @Override
    public List<MigrationRule> rules() {
        return rules;
    }

    @Override
    public List<ValidationRule> validations() {
        return validations;
    }
}
