package dev.verpath.plugins.wan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verpath.rules.Finding;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationContext;
import dev.verpath.rules.ValidationDescriptor;
import dev.verpath.rules.ValidationRule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * At 2.0.0, {@code config/models.toml} parses, has {@code schema_version = 1}, and every model table has the
 * keys the orchestrator reads, of the right types: variants with the default among them, sources, and files
 * each with a path, a size and a 64-digit SHA-256. Immutable and thread-safe.
 */
public final class ManifestSchemaValidation implements ValidationRule {

    /** The rule id. */
    public static final String ID = "wan.2.0.0.manifest-schema";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String REMEDY = "Migrate again from 1.0.0 so the manifest is written from config.json, or fix "
            + "the key by hand.";
    private static final List<String> STRING_LISTS = List.of("resolution_caps", "required_components",
            "optional_components");
    private static final List<String> VRAM_NUMBERS = List.of("params_billion", "base_vram_gb", "per_frame_vram_mb");

    private final ValidationDescriptor descriptor = new ValidationDescriptor(ID, "Model manifest schema",
            "Checks that config/models.toml parses as TOML, has schema_version 1, and that every model table has a "
                    + "description, a version equal to its id's, variants containing its default variant, component "
                    + "lists, defaults, a VRAM estimation, sources, and files each with a path, a size and a SHA-256.",
            WanLayout.PRODUCT, WanLayout.V2_0_0, ValidationCategory.SCHEMA, Severity.ERROR);

    @Override
    public ValidationDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<Finding> check(ValidationContext context) throws IOException {
        List<Finding> findings = new ArrayList<>();
        Manifest manifest;
        try {
            manifest = Manifest.read(context.workspace());
        } catch (RuleFailure e) {
            return List.of(Finding.of(descriptor, WanLayout.MANIFEST, e.location().orElse(null), e.getMessage(), REMEDY));
        }
        JsonNode version = manifest.root().path("schema_version");
        if (!version.isIntegralNumber() || version.asLong() != 1) {
            add(findings, "key schema_version", "schema_version is " + (version.isMissingNode() ? "missing" : version)
                    + " (expected 1)");
        }
        if (!manifest.root().path("models").isObject()) {
            add(findings, "key models", "there is no models table");
        } else if (manifest.models().isEmpty()) {
            findings.add(new Finding(ID, descriptor.category(), Severity.WARNING, WanLayout.MANIFEST,
                    Optional.of("key models"), "the manifest lists no model", "Check that config.json names the model "
                    + "folders and that they exist, then migrate again."));
        }
        for (Map.Entry<String, JsonNode> model : manifest.models().entrySet()) {
            checkModel(findings, model.getKey(), model.getValue());
        }
        return findings;
    }

    private void checkModel(List<Finding> findings, String id, JsonNode model) {
        if (!model.isObject()) {
            add(findings, Manifest.location(id, ""), "the model is not a table");
            return;
        }
        requireText(findings, id, model, "description");
        requireText(findings, id, model, "version");
        String version = model.path("version").asText();
        if (id.contains("@") && !version.isEmpty() && !id.endsWith("@" + version)) {
            add(findings, Manifest.location(id, "version"), "version " + version + " differs from the id's");
        }
        List<String> variants = strings(model.path("variants"));
        if (variants.isEmpty()) {
            add(findings, Manifest.location(id, "variants"), "variants is missing or empty");
        }
        String defaultVariant = model.path("default_variant").asText("");
        if (!variants.contains(defaultVariant)) {
            add(findings, Manifest.location(id, "default_variant"), "default_variant '" + defaultVariant
                    + "' is not one of the variants " + variants);
        }
        for (String key : STRING_LISTS) {
            if (!model.path(key).isArray()) {
                add(findings, Manifest.location(id, key), key + " is missing or not a list");
            }
        }
        if (!model.path("defaults").isObject()) {
            add(findings, Manifest.location(id, "defaults"), "defaults is missing or not a table");
        }
        JsonNode vram = model.path("vram_estimation");
        for (String key : VRAM_NUMBERS) {
            if (!vram.path(key).isNumber()) {
                add(findings, Manifest.location(id, "vram_estimation." + key), key + " is missing or not a number");
            }
        }
        if (strings(model.path("sources").path("priority")).isEmpty()) {
            add(findings, Manifest.location(id, "sources.priority"), "sources.priority is missing or empty");
        }
        JsonNode files = model.path("files");
        if (!files.isArray() || files.isEmpty()) {
            add(findings, Manifest.location(id, "files"), "files is missing or empty");
            return;
        }
        for (int i = 0; i < files.size(); i++) {
            checkFile(findings, Manifest.location(id, "files[" + i + "]"), files.get(i));
        }
    }

    private void checkFile(List<Finding> findings, String location, JsonNode file) {
        if (!file.path("path").isTextual() || file.path("path").asText().isEmpty()) {
            add(findings, location, "path is missing");
        }
        if (!file.path("size").isIntegralNumber() || file.path("size").asLong() < 0) {
            add(findings, location, "size is missing or not a whole number of bytes");
        }
        if (!SHA256.matcher(file.path("sha256").asText("")).matches()) {
            add(findings, location, "sha256 is missing or not 64 lower-case hex digits");
        }
        if (file.has("shard_part") && !file.get("shard_part").isIntegralNumber()) {
            add(findings, location, "shard_part is not a whole number");
        }
        if (file.has("shard_index") && !file.get("shard_index").isBoolean()) {
            add(findings, location, "shard_index is not true or false");
        }
    }

    private void requireText(List<Finding> findings, String id, JsonNode model, String key) {
        if (!model.path(key).isTextual()) {
            add(findings, Manifest.location(id, key), key + " is missing or not a string");
        }
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> {
                if (item.isTextual()) {
                    out.add(item.asText());
                }
            });
        }
        return out;
    }

    private void add(List<Finding> findings, String location, String message) {
        findings.add(Finding.of(descriptor, WanLayout.MANIFEST, location, message, REMEDY));
    }
}
