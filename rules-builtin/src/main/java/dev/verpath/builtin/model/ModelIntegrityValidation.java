package dev.verpath.builtin.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.builtin.ServeLayout;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * From 1.0.0 on, every {@code models/<name>/metadata.json} exists, parses, has the version's
 * {@code metadata_version}, and lists exactly the files present, each with its real size and SHA-256
 * (hashes come from the workspace, which computes each once a run). Immutable and thread-safe.
 */
public final class ModelIntegrityValidation implements ValidationRule {

    private static final String REMEDY = "Restore the model folder from a backup, or migrate its models again from "
            + "the previous version so metadata.json is written from the files.";

    private final ValidationDescriptor descriptor;
    private final int metadataVersion;

    private ModelIntegrityValidation(String version, int metadataVersion) {
        this.descriptor = new ValidationDescriptor("serve." + version + ".model-integrity", "Model integrity " + version,
                "Checks that every model folder has a metadata.json of metadata_version " + metadataVersion
                        + " that lists exactly the files present, with their sizes and SHA-256 checksums.",
                ServeLayout.PRODUCT, version, ValidationCategory.INTEGRITY, Severity.ERROR);
        this.metadataVersion = metadataVersion;
    }

    /** @return the validations of 1.0.0, 2.0.0 and 2.1.0 */
    public static List<ModelIntegrityValidation> all() {
        return List.of(new ModelIntegrityValidation(ServeLayout.V1_0_0, 1),
                new ModelIntegrityValidation(ServeLayout.V2_0_0, 2),
                new ModelIntegrityValidation(ServeLayout.V2_1_0, 3));
    }

    @Override
    public ValidationDescriptor descriptor() {
        return descriptor;
    }

    /** @return false: it reads no record file, so the steps around its version stay in one record pass */
    @Override
    public boolean readsRecordFiles() {
        return false;
    }

    @Override
    public List<Finding> check(ValidationContext context) throws IOException {
        Workspace workspace = context.workspace();
        List<Finding> findings = new ArrayList<>();
        for (ModelFolder folder : ModelFolder.all(workspace)) {
            checkFolder(workspace, folder, findings);
        }
        return findings;
    }

    private void checkFolder(Workspace workspace, ModelFolder folder, List<Finding> findings) throws IOException {
        String path = folder.metadataPath();
        if (!workspace.isFile(path)) {
            findings.add(Finding.of(descriptor, path, null, "metadata.json is missing", REMEDY));
            return;
        }
        ObjectNode metadata;
        try {
            metadata = MetadataJson.parse(path, workspace.read(path));
        } catch (RuleFailure e) {
            findings.add(Finding.of(descriptor, path, e.location().orElse(null), e.getMessage(), REMEDY));
            return;
        }
        JsonNode version = metadata.get("metadata_version");
        if (version == null || !version.isIntegralNumber() || version.asInt() != metadataVersion) {
            findings.add(Finding.of(descriptor, path, "key metadata_version", "metadata_version is "
                    + (version == null ? "missing" : version.toString()) + " (expected " + metadataVersion + ")", REMEDY));
        }
        JsonNode files = metadata.get("files");
        if (files == null || !files.isArray()) {
            findings.add(Finding.of(descriptor, path, "key files", "files is missing or not a list", REMEDY));
            return;
        }
        Map<String, JsonNode> listed = new TreeMap<>();
        for (JsonNode entry : files) {
            listed.put(entry.path("path").asText(), entry);
        }
        TreeSet<String> present = new TreeSet<>(folder.files(workspace));
        for (String file : present) {
            JsonNode entry = listed.get(file);
            String filePath = folder.folder() + "/" + file;
            if (entry == null) {
                findings.add(Finding.of(descriptor, path, "key files", file + " is present but not listed", REMEDY));
            } else if (entry.path("size").asLong(-1) != workspace.size(filePath)) {
                findings.add(Finding.of(descriptor, path, "key files", file + " has size " + workspace.size(filePath)
                        + " but is listed with " + entry.path("size"), REMEDY));
            } else if (!entry.path("sha256").asText().equals(workspace.sha256(filePath))) {
                findings.add(Finding.of(descriptor, path, "key files", file + " does not match its listed SHA-256",
                        REMEDY));
            }
        }
        for (String file : listed.keySet()) {
            if (!present.contains(file)) {
                findings.add(Finding.of(descriptor, path, "key files", file + " is listed but missing", REMEDY));
            }
        }
    }
}
