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
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * At 2.0.0, every model file has a {@code <file>.metadata.json} beside it whose path, size, SHA-256 and
 * format match the file (the workspace hashes each file once a run), and no metadata file describes a file
 * that is not there. Immutable and thread-safe.
 */
public final class ModelMetadataValidation implements ValidationRule {

    /** The rule id. */
    public static final String ID = "model-availability.2.0.0.model-metadata";

    private static final String REMEDY = "Restore the model file from a backup, or migrate again from 1.0.0 so its "
            + "metadata is written from it.";
    private static final List<String> KEYS = List.of("path", "size", "sha256", "format");

    private final ValidationDescriptor descriptor = new ValidationDescriptor(ID, "Model metadata integrity",
            "Checks that every file under models/ has a <file>.metadata.json whose path, size, SHA-256 and format "
                    + "match the file, and that no metadata file is left without its model file.",
            AvailabilityLayout.PRODUCT, AvailabilityLayout.V2_0_0, ValidationCategory.INTEGRITY, Severity.ERROR);

    @Override
    public ValidationDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<Finding> check(ValidationContext context) throws IOException {
        Workspace workspace = context.workspace();
        List<Finding> findings = new ArrayList<>();
        Set<String> modelFiles = new TreeSet<>(ModelMetadata.modelFiles(workspace));
        for (String file : modelFiles) {
            checkFile(context, file, findings);
        }
        for (String metadata : workspace.files(AvailabilityLayout.MODELS + "/**" + AvailabilityLayout.METADATA_SUFFIX)) {
            if (!modelFiles.contains(ModelMetadata.modelFileOf(metadata))) {
                findings.add(Finding.of(descriptor, metadata, null, "describes " + ModelMetadata.modelFileOf(metadata)
                        + ", which is missing", "Delete the metadata file, or restore the model file from a backup."));
            }
        }
        return findings;
    }

    private void checkFile(ValidationContext context, String file, List<Finding> findings) throws IOException {
        Workspace workspace = context.workspace();
        String path = ModelMetadata.metadataPath(file);
        if (!workspace.isFile(path)) {
            findings.add(Finding.of(descriptor, path, null, "missing: " + file + " has no metadata", REMEDY));
            return;
        }
        JsonDocument actual;
        try {
            actual = context.readJson(path);
        } catch (RuleFailure e) {
            findings.add(Finding.of(descriptor, path, e.location().orElse(null), e.getMessage(), REMEDY));
            return;
        }
        JsonObject expected = ModelMetadata.describe(workspace, file);
        for (String key : KEYS) {
            Optional<JsonValue> value = actual.get(key);
            JsonValue wanted = expected.get(key).orElseThrow();
            if (value.isEmpty() || !value.get().equals(wanted) && !sameNumber(value.get(), wanted)) {
                findings.add(Finding.of(descriptor, path, "key " + key, key + " is "
                        + value.map(EnhancedConfig::text).orElse("missing") + " but " + file + " has "
                        + EnhancedConfig.text(wanted), REMEDY));
            }
        }
    }

    private static boolean sameNumber(JsonValue a, JsonValue b) {
        return a instanceof JsonNumber x && b instanceof JsonNumber y && x.decimal().compareTo(y.decimal()) == 0;
    }
}
