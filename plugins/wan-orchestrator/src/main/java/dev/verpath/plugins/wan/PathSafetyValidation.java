package dev.verpath.plugins.wan;

import dev.verpath.rules.Finding;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationContext;
import dev.verpath.rules.ValidationDescriptor;
import dev.verpath.rules.ValidationRule;
import dev.verpath.rules.Workspace;
import dev.verpath.rules.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * At 2.0.0, no path leaves its model folder: the manifest's model ids are single folder names, its file
 * paths are relative without {@code ..}, empty segments, backslashes or drive letters, and no symbolic link
 * inside a model folder points outside it. Immutable and thread-safe.
 */
public final class PathSafetyValidation implements ValidationRule {

    /** The rule id. */
    public static final String ID = "wan.2.0.0.path-safety";

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:");
    private static final String REMEDY = "Remove the entry or link, or migrate from 1.0.0 again so the manifest lists "
            + "only the files inside the model folder.";

    private final ValidationDescriptor descriptor = new ValidationDescriptor(ID, "Model path safety",
            "Checks that every model id of config/models.toml names one folder, that every file path is relative and "
                    + "stays inside its model folder, and that no symbolic link in a model folder points outside it.",
            WanLayout.PRODUCT, WanLayout.V2_0_0, ValidationCategory.SECURITY, Severity.ERROR);

    @Override
    public ValidationDescriptor descriptor() {
        return descriptor;
    }

    /**
     * @param name a model id
     * @return whether it can be one folder name
     */
    static boolean safeSegment(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && !name.contains("/") && !name.contains("\\")
                && !DRIVE.matcher(name).find();
    }

    /**
     * @param path a file path of the manifest
     * @return whether it is relative and stays inside the model folder
     */
    static boolean safePath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || DRIVE.matcher(path).find()) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
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
            if (!safeSegment(id)) {
                findings.add(Finding.of(descriptor, WanLayout.MANIFEST, Manifest.location(id, ""), "model id '" + id
                        + "' would not name one folder under models/wan22", REMEDY));
                continue;
            }
            List<JsonValue> files = manifest.get().files(id);
            for (int i = 0; i < files.size(); i++) {
                Optional<String> path = files.get(i).asObject().flatMap(f -> f.get("path")).flatMap(JsonValue::asText);
                if (path.isPresent() && !safePath(path.get())) {
                    findings.add(Finding.of(descriptor, WanLayout.MANIFEST, Manifest.location(id, "files[" + i + "]"),
                            "path '" + path.get() + "' leaves the model folder", REMEDY));
                }
            }
            Optional<String> folder = ModelFolders.located(workspace, context::readJson, id);
            if (folder.isPresent()) {
                checkLinks(workspace, folder.get(), folder.get(), findings);
            }
        }
        return findings;
    }

    private void checkLinks(Workspace workspace, String modelFolder, String folder, List<Finding> findings)
            throws IOException {
        for (String name : workspace.children(folder)) {
            String path = folder + "/" + name;
            Optional<String> target = workspace.symlinkTarget(path);
            if (target.isPresent()) {
                if (!staysInside(modelFolder, folder, target.get())) {
                    findings.add(Finding.of(descriptor, path, null, "symbolic link to '" + target.get()
                            + "' points outside the model folder " + modelFolder, REMEDY));
                }
            } else if (workspace.isDirectory(path)) {
                checkLinks(workspace, modelFolder, path, findings);
            }
        }
    }

    private static boolean staysInside(String modelFolder, String linkFolder, String target) {
        if (target.startsWith("/") || target.contains("\\") || DRIVE.matcher(target).find()) {
            return false;
        }
        List<String> parts = new ArrayList<>(List.of(linkFolder.split("/")));
        int floor = modelFolder.split("/").length;
        for (String segment : target.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.size() <= floor) {
                    return false;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(segment);
            }
        }
        return true;
    }
}
