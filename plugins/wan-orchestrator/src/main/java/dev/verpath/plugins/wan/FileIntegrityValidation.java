package dev.verpath.plugins.wan;

import dev.verpath.rules.Finding;
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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * At 2.0.0, every file {@code config/models.toml} lists is a file of its model's folder with the listed size
 * and SHA-256 (the workspace hashes each file once a run); a file of the folder the manifest does not list
 * is a warning. A model's folder is {@code models/wan22/<model id>/}, or the legacy folder config.json names
 * when path migration was off. Paths that would leave the folder are left to {@link PathSafetyValidation}.
 * Immutable and thread-safe.
 */
public final class FileIntegrityValidation implements ValidationRule {

    /** The rule id. */
    public static final String ID = "wan.2.0.0.file-integrity";

    private static final String REMEDY = "Restore the model's files from a backup or download them again, then "
            + "migrate from 1.0.0 so the manifest is written from them.";

    private final ValidationDescriptor descriptor = new ValidationDescriptor(ID, "Model file integrity",
            "Checks that every file config/models.toml lists exists in its model folder with the listed size and "
                    + "SHA-256, and warns about files of a model folder the manifest does not list.",
            WanLayout.PRODUCT, WanLayout.V2_0_0, ValidationCategory.INTEGRITY, Severity.ERROR);

    @Override
    public ValidationDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<Finding> check(ValidationContext context) throws IOException {
        Workspace workspace = context.workspace();
        Optional<Manifest> manifest = Manifest.readIfValid(context);
        if (manifest.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (String id : manifest.get().modelIds()) {
            if (!PathSafetyValidation.safeSegment(id)) {
                continue;
            }
            Optional<String> folder = ModelFolders.located(workspace, context::readJson, id);
            if (folder.isEmpty()) {
                findings.add(Finding.of(descriptor, WanLayout.modelFolder(id), null, "the model folder of "
                        + id + " is missing", REMEDY));
                continue;
            }
            checkFiles(workspace, folder.get(), id, manifest.get().files(id), findings);
        }
        return findings;
    }

    private void checkFiles(Workspace workspace, String folder, String id, List<JsonValue> files, List<Finding> findings)
            throws IOException {
        TreeSet<String> listed = new TreeSet<>();
        for (int i = 0; i < files.size(); i++) {
            JsonObject entry = files.get(i).asObject().orElse(JsonObject.EMPTY);
            String relative = entry.get("path").flatMap(JsonValue::asText).orElse("");
            if (!PathSafetyValidation.safePath(relative)) {
                continue;
            }
            listed.add(relative);
            String path = folder + "/" + relative;
            String location = Manifest.location(id, "files[" + i + "]");
            Optional<JsonNumber> size = entry.get("size").flatMap(JsonValue::asNumber);
            if (!workspace.isFile(path)) {
                findings.add(Finding.of(descriptor, path, null, "listed in " + WanLayout.MANIFEST + " (" + location
                        + ") but missing", REMEDY));
                continue;
            }
            long actual = workspace.size(path);
            if (!size.map(n -> n.decimal().compareTo(BigDecimal.valueOf(actual)) == 0).orElse(false)) {
                findings.add(Finding.of(descriptor, path, null, "has size " + actual + " but " + WanLayout.MANIFEST
                        + " lists " + size.map(JsonNumber::literal).orElse("no size"), REMEDY));
            } else if (!workspace.sha256(path).equals(entry.get("sha256").flatMap(JsonValue::asText).orElse(""))) {
                findings.add(Finding.of(descriptor, path, null, "does not match the SHA-256 " + WanLayout.MANIFEST
                        + " lists", REMEDY));
            }
        }
        for (String present : FolderFiles.under(workspace, folder)) {
            if (!listed.contains(present)) {
                findings.add(new Finding(ID, descriptor.category(), Severity.WARNING, folder + "/" + present,
                        Optional.empty(), "is in the model folder but not listed in " + WanLayout.MANIFEST,
                        "Migrate from 1.0.0 again to list it, or remove it if it does not belong to the model."));
            }
        }
    }
}
