package dev.verpath.plugins.availability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.rules.Finding;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationContext;
import dev.verpath.rules.ValidationDescriptor;
import dev.verpath.rules.ValidationRule;
import dev.verpath.rules.Workspace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
            checkFile(workspace, file, findings);
        }
        for (String metadata : workspace.files(AvailabilityLayout.MODELS + "/**" + AvailabilityLayout.METADATA_SUFFIX)) {
            if (!modelFiles.contains(ModelMetadata.modelFileOf(metadata))) {
                findings.add(Finding.of(descriptor, metadata, null, "describes " + ModelMetadata.modelFileOf(metadata)
                        + ", which is missing", "Delete the metadata file, or restore the model file from a backup."));
            }
        }
        return findings;
    }

    private void checkFile(Workspace workspace, String file, List<Finding> findings) throws IOException {
        String path = ModelMetadata.metadataPath(file);
        if (!workspace.isFile(path)) {
            findings.add(Finding.of(descriptor, path, null, "missing: " + file + " has no metadata", REMEDY));
            return;
        }
        ObjectNode actual;
        try {
            actual = JsonText.parseObject(path, workspace.read(path));
        } catch (RuleFailure e) {
            findings.add(Finding.of(descriptor, path, e.location().orElse(null), e.getMessage(), REMEDY));
            return;
        }
        ObjectNode expected = ModelMetadata.describe(workspace, file);
        for (String key : KEYS) {
            JsonNode value = actual.get(key);
            if (value == null || !value.equals(expected.get(key)) && !sameNumber(value, expected.get(key))) {
                findings.add(Finding.of(descriptor, path, "key " + key, key + " is "
                        + (value == null ? "missing" : value.toString()) + " but " + file + " has " + expected.get(key),
                        REMEDY));
            }
        }
    }

    private static boolean sameNumber(JsonNode a, JsonNode b) {
        return a.isIntegralNumber() && b.isIntegralNumber() && a.asLong() == b.asLong();
    }
}
