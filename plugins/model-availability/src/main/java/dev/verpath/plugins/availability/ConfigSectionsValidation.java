package dev.verpath.plugins.availability;

import dev.verpath.rules.Finding;
import dev.verpath.rules.JsonDocument;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationContext;
import dev.verpath.rules.ValidationDescriptor;
import dev.verpath.rules.ValidationRule;
import dev.verpath.rules.Workspace;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * At 2.0.0, {@code config/enhanced_model_config.json} is a JSON object with every section of the guide's
 * example (storage, downloads, health_monitoring, fallback, features), each with every key of the example,
 * of the example's type. Immutable and thread-safe.
 */
public final class ConfigSectionsValidation implements ValidationRule {

    /** The rule id. */
    public static final String ID = "model-availability.2.0.0.config-sections";

    private static final String REMEDY = "Add the key with the value of the migration guide's example, or migrate "
            + "again from 1.0.0.";

    private final ValidationDescriptor descriptor = new ValidationDescriptor(ID, "Enhanced configuration sections",
            "Checks that config/enhanced_model_config.json parses and has the sections storage, downloads, "
                    + "health_monitoring, fallback and features, each with every key of the migration guide's example "
                    + "and a value of the same type.",
            AvailabilityLayout.PRODUCT, AvailabilityLayout.V2_0_0, ValidationCategory.SCHEMA, Severity.ERROR);

    @Override
    public ValidationDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<Finding> check(ValidationContext context) throws IOException {
        Workspace workspace = context.workspace();
        String path = AvailabilityLayout.ENHANCED_CONFIG;
        if (!workspace.isFile(path)) {
            return List.of(Finding.of(descriptor, path, null, "missing: the enhanced system reads its settings from it",
                    "Migrate from 1.0.0 so it is written from config.json."));
        }
        JsonDocument config;
        try {
            config = context.readJson(path);
        } catch (RuleFailure e) {
            return List.of(Finding.of(descriptor, path, e.location().orElse(null), e.getMessage(), REMEDY));
        }
        List<Finding> findings = new ArrayList<>();
        for (String section : EnhancedConfig.SECTIONS) {
            Optional<JsonValue> actual = config.get(section);
            if (actual.isEmpty() || !(actual.get() instanceof JsonObject)) {
                findings.add(Finding.of(descriptor, path, "key " + section, "section " + section
                        + (actual.isEmpty() ? " is missing" : " is not an object"), REMEDY));
                continue;
            }
            JsonObject example = (JsonObject) EnhancedConfig.DEFAULTS.get(section).orElseThrow();
            for (JsonObject.Member key : example.members()) {
                Optional<JsonValue> value = ((JsonObject) actual.get()).get(key.name());
                String location = "key " + section + "." + key.name();
                if (value.isEmpty()) {
                    findings.add(Finding.of(descriptor, path, location, section + "." + key.name() + " is missing", REMEDY));
                } else if (!EnhancedConfig.sameType(key.value(), value.get())) {
                    findings.add(Finding.of(descriptor, path, location, section + "." + key.name() + " is "
                            + EnhancedConfig.text(value.get()) + ", not a " + EnhancedConfig.typeName(key.value()), REMEDY));
                }
            }
        }
        return findings;
    }
}
