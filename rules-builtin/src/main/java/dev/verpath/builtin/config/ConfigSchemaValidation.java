package dev.verpath.builtin.config;

import dev.verpath.builtin.ServeLayout;
import dev.verpath.rules.Finding;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.Severity;
import dev.verpath.rules.TomlDocument;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationContext;
import dev.verpath.rules.ValidationDescriptor;
import dev.verpath.rules.ValidationRule;
import dev.verpath.rules.json.JsonBoolean;
import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonText;
import dev.verpath.rules.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code config/server.toml} parses and has the keys the version requires, each of the right type:
 * <ul>
 *   <li>0.1.0: {@code host} (string), {@code port} (integer);</li>
 *   <li>1.0.0: {@code bind_address}, {@code http_port}, {@code workers.count}, {@code workers.queue_size};</li>
 *   <li>2.0.0: {@code server.bind_address}, {@code server.http_port}, {@code server.api_prefix},
 *       {@code workers.count}, {@code workers.queue_size}, {@code logging.format};</li>
 *   <li>2.1.0: those of 2.0.0 and {@code streaming.enabled}, {@code streaming.chunk_size},
 *       {@code rate_limit.requests_per_minute}, {@code rate_limit.burst}.</li>
 * </ul>
 * Keys the formats make optional (the model path, batch size, log level) and unknown keys are not
 * required. Immutable and thread-safe.
 */
public final class ConfigSchemaValidation implements ValidationRule {

    private static final String STRING = "a string";
    private static final String INTEGER = "an integer";
    private static final String BOOLEAN = "a boolean";

    private final ValidationDescriptor descriptor;
    private final Map<String, String> required;

    private ConfigSchemaValidation(String version, Map<String, String> required) {
        this.descriptor = new ValidationDescriptor("serve." + version + ".config-schema", "Config schema " + version,
                "Checks that config/server.toml is valid TOML and has the keys version " + version
                        + " requires, each of the right type.",
                ServeLayout.PRODUCT, version, ValidationCategory.SCHEMA, Severity.ERROR);
        this.required = required;
    }

    /** @return the validation of every version */
    public static List<ConfigSchemaValidation> all() {
        Map<String, String> v010 = new LinkedHashMap<>();
        v010.put("host", STRING);
        v010.put("port", INTEGER);
        Map<String, String> v100 = new LinkedHashMap<>();
        v100.put("bind_address", STRING);
        v100.put("http_port", INTEGER);
        v100.put("workers.count", INTEGER);
        v100.put("workers.queue_size", INTEGER);
        Map<String, String> v200 = new LinkedHashMap<>();
        v200.put("server.bind_address", STRING);
        v200.put("server.http_port", INTEGER);
        v200.put("server.api_prefix", STRING);
        v200.put("workers.count", INTEGER);
        v200.put("workers.queue_size", INTEGER);
        v200.put("logging.format", STRING);
        Map<String, String> v210 = new LinkedHashMap<>(v200);
        v210.put("streaming.enabled", BOOLEAN);
        v210.put("streaming.chunk_size", INTEGER);
        v210.put("rate_limit.requests_per_minute", INTEGER);
        v210.put("rate_limit.burst", INTEGER);
        return List.of(new ConfigSchemaValidation(ServeLayout.V0_1_0, v010),
                new ConfigSchemaValidation(ServeLayout.V1_0_0, v100),
                new ConfigSchemaValidation(ServeLayout.V2_0_0, v200),
                new ConfigSchemaValidation(ServeLayout.V2_1_0, v210));
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
        String path = ServeLayout.CONFIG_FILE;
        if (!context.workspace().isFile(path)) {
            return List.of(Finding.of(descriptor, path, null, "the configuration file is missing",
                    "Restore " + path + " from a backup or write it for version " + context.version() + "."));
        }
        TomlDocument toml;
        try {
            toml = context.readToml(path);
        } catch (RuleFailure e) {
            return List.of(Finding.of(descriptor, path, e.location().orElse(null), e.getMessage(),
                    "Correct the TOML syntax at that line."));
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, String> key : required.entrySet()) {
            JsonValue value = toml.get(key.getKey()).orElse(null);
            if (value == null) {
                findings.add(Finding.of(descriptor, path, "key " + key.getKey(), "required key " + key.getKey()
                        + " is missing", "Add " + key.getKey() + " (" + key.getValue() + ") to the configuration."));
            } else if (!hasType(value, key.getValue())) {
                findings.add(Finding.of(descriptor, path, "key " + key.getKey(), "key " + key.getKey() + " is not "
                        + key.getValue(), "Set " + key.getKey() + " to " + key.getValue() + "."));
            }
        }
        return findings;
    }

    private static boolean hasType(JsonValue value, String type) {
        return switch (type) {
            case STRING -> value instanceof JsonText;
            case INTEGER -> value instanceof JsonNumber number && number.integral();
            default -> value instanceof JsonBoolean;
        };
    }
}
