package dev.verpath.plugins.wan;

import dev.verpath.rules.Finding;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationContext;
import dev.verpath.rules.ValidationDescriptor;
import dev.verpath.rules.ValidationRule;
import dev.verpath.rules.json.JsonArray;
import dev.verpath.rules.json.JsonBoolean;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.json.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
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
            manifest = Manifest.read(context);
        } catch (RuleFailure e) {
            return List.of(Finding.of(descriptor, WanLayout.MANIFEST, e.location().orElse(null), e.getMessage(), REMEDY));
        }
        Optional<JsonValue> version = manifest.document().get("schema_version");
        if (!version.flatMap(JsonValue::asNumber).filter(ManifestSchemaValidation::isOne).isPresent()) {
            add(findings, "key schema_version", "schema_version is " + version.map(ManifestSchemaValidation::shown)
                    .orElse("missing") + " (expected 1)");
        }
        if (!manifest.hasModelsTable()) {
            add(findings, "key models", "there is no models table");
        } else if (manifest.modelIds().isEmpty()) {
            findings.add(new Finding(ID, descriptor.category(), Severity.WARNING, WanLayout.MANIFEST,
                    Optional.of("key models"), "the manifest lists no model", "Check that config.json names the model "
                    + "folders and that they exist, then migrate again."));
        }
        for (String id : manifest.modelIds()) {
            checkModel(findings, manifest, id);
        }
        return findings;
    }

    private void checkModel(List<Finding> findings, Manifest manifest, String id) {
        if (!manifest.isTable(id)) {
            add(findings, Manifest.location(id, ""), "the model is not a table");
            return;
        }
        requireText(findings, manifest, id, "description");
        requireText(findings, manifest, id, "version");
        String version = text(manifest.get(id, "version"));
        if (id.contains("@") && !version.isEmpty() && !id.endsWith("@" + version)) {
            add(findings, Manifest.location(id, "version"), "version " + version + " differs from the id's");
        }
        List<String> variants = strings(manifest.get(id, "variants"));
        if (variants.isEmpty()) {
            add(findings, Manifest.location(id, "variants"), "variants is missing or empty");
        }
        String defaultVariant = text(manifest.get(id, "default_variant"));
        if (!variants.contains(defaultVariant)) {
            add(findings, Manifest.location(id, "default_variant"), "default_variant '" + defaultVariant
                    + "' is not one of the variants " + variants);
        }
        for (String key : STRING_LISTS) {
            if (manifest.get(id, key).flatMap(JsonValue::asArray).isEmpty()) {
                add(findings, Manifest.location(id, key), key + " is missing or not a list");
            }
        }
        if (!manifest.hasTable(id, "defaults")) {
            add(findings, Manifest.location(id, "defaults"), "defaults is missing or not a table");
        }
        for (String key : VRAM_NUMBERS) {
            if (manifest.get(id, "vram_estimation." + key).flatMap(JsonValue::asNumber).isEmpty()) {
                add(findings, Manifest.location(id, "vram_estimation." + key), key + " is missing or not a number");
            }
        }
        if (strings(manifest.get(id, "sources.priority")).isEmpty()) {
            add(findings, Manifest.location(id, "sources.priority"), "sources.priority is missing or empty");
        }
        Optional<JsonArray> files = manifest.get(id, "files").flatMap(JsonValue::asArray);
        if (files.isEmpty() || files.get().items().isEmpty()) {
            add(findings, Manifest.location(id, "files"), "files is missing or empty");
            return;
        }
        for (int i = 0; i < files.get().items().size(); i++) {
            JsonObject file = files.get().items().get(i).asObject().orElse(JsonObject.EMPTY);
            checkFile(findings, Manifest.location(id, "files[" + i + "]"), file);
        }
    }

    private void checkFile(List<Finding> findings, String location, JsonObject file) {
        if (text(file.get("path")).isEmpty()) {
            add(findings, location, "path is missing");
        }
        if (!file.get("size").flatMap(JsonValue::asNumber).filter(n -> n.integral() && n.decimal().signum() >= 0)
                .isPresent()) {
            add(findings, location, "size is missing or not a whole number of bytes");
        }
        if (!SHA256.matcher(text(file.get("sha256"))).matches()) {
            add(findings, location, "sha256 is missing or not 64 lower-case hex digits");
        }
        if (file.get("shard_part").filter(v -> v.asNumber().filter(JsonNumber::integral).isEmpty()).isPresent()) {
            add(findings, location, "shard_part is not a whole number");
        }
        if (file.get("shard_index").filter(v -> !(v instanceof JsonBoolean)).isPresent()) {
            add(findings, location, "shard_index is not true or false");
        }
    }

    private void requireText(List<Finding> findings, Manifest manifest, String id, String key) {
        if (manifest.get(id, key).flatMap(JsonValue::asText).isEmpty()) {
            add(findings, Manifest.location(id, key), key + " is missing or not a string");
        }
    }

    private static boolean isOne(JsonNumber number) {
        return number.integral() && number.decimal().compareTo(BigDecimal.ONE) == 0;
    }

    /** A value as a message shows it: a string quoted, a number as spelled, else its kind. */
    private static String shown(JsonValue value) {
        return value.asText().map(t -> "\"" + t + "\"").or(() -> value.asNumber().map(JsonNumber::literal))
                .orElse(value.kind());
    }

    private static String text(Optional<JsonValue> value) {
        return value.flatMap(JsonValue::asText).orElse("");
    }

    private static List<String> strings(Optional<JsonValue> value) {
        List<String> out = new ArrayList<>();
        value.flatMap(JsonValue::asArray).ifPresent(array -> array.items()
                .forEach(item -> item.asText().ifPresent(out::add)));
        return out;
    }

    private void add(List<Finding> findings, String location, String message) {
        findings.add(Finding.of(descriptor, WanLayout.MANIFEST, location, message, REMEDY));
    }
}
