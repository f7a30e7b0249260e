package dev.verpath.plugins.wan;

import dev.verpath.rules.Finding;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationContext;
import dev.verpath.rules.ValidationDescriptor;
import dev.verpath.rules.ValidationRule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * At 2.0.0, every model id of {@code config/models.toml} has the form {@code name@semver}: a name of letters,
 * digits, {@code _} and {@code -} starting with a letter or digit, then a semantic version. Immutable and
 * thread-safe.
 */
public final class ModelIdValidation implements ValidationRule {

    /** The rule id. */
    public static final String ID = "wan.2.0.0.model-ids";

    /** {@code name@major.minor.patch}, with an optional pre-release and build as semantic versioning allows. */
    static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*@(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");

    private final ValidationDescriptor descriptor = new ValidationDescriptor(ID, "Model id format",
            "Checks that every model id of config/models.toml has the form name@semver, such as t2v-A14B@2.2.0, "
                    + "so the orchestrator can resolve it and it names one folder under models/wan22.",
            WanLayout.PRODUCT, WanLayout.V2_0_0, ValidationCategory.SCHEMA, Severity.ERROR);

    @Override
    public ValidationDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<Finding> check(ValidationContext context) throws IOException {
        Optional<Manifest> manifest = Manifest.readIfValid(context);
        List<Finding> findings = new ArrayList<>();
        manifest.ifPresent(m -> m.modelIds().stream()
                .filter(id -> !MODEL_ID.matcher(id).matches())
                .forEach(id -> findings.add(Finding.of(descriptor, WanLayout.MANIFEST, Manifest.location(id, ""),
                        "model id '" + id + "' is not of the form name@semver",
                        "Rename the model table to name@major.minor.patch, such as t2v-A14B@2.2.0, and its folder "
                                + "under models/wan22 with it."))));
        return findings;
    }
}
