package dev.verpath.builtin.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.builtin.ServeLayout;
import dev.verpath.rules.Finding;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationContext;
import dev.verpath.rules.ValidationDescriptor;
import dev.verpath.rules.ValidationRule;
import dev.verpath.rules.Workspace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every record file parses, one JSON object a line (blank lines allowed), and every record has the
 * shape of the version ({@link RecordSchemaCheck}). Reports at most {@value #MAX_PER_FILE} records
 * a file, then one finding counting the rest. Immutable and thread-safe.
 */
public final class DataSchemaValidation implements ValidationRule {

    static final int MAX_PER_FILE = 20;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String REMEDY = "Fix or remove the line, or restore the file from a backup and migrate again.";

    private final ValidationDescriptor descriptor;
    private final Optional<RecordSchemaCheck> check;

    private DataSchemaValidation(String version) {
        this.descriptor = new ValidationDescriptor("serve." + version + ".data-schema", "Data schema " + version,
                "Checks that every record file under data/ holds one JSON object a line and that every record "
                        + "has the shape of version " + version + ".",
                ServeLayout.PRODUCT, version, ValidationCategory.SCHEMA, Severity.ERROR);
        this.check = RecordSchemaCheck.of(version);
    }

    /** @return the validation of every version */
    public static List<DataSchemaValidation> all() {
        return ServeLayout.VERSIONS.stream().map(DataSchemaValidation::new).toList();
    }

    @Override
    public ValidationDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<Finding> check(ValidationContext context) throws IOException {
        Workspace workspace = context.workspace();
        List<Finding> findings = new ArrayList<>();
        for (String path : workspace.files(ServeLayout.DATA_GLOB)) {
            checkFile(workspace, path, findings);
        }
        return findings;
    }

    private void checkFile(Workspace workspace, String path, List<Finding> findings) throws IOException {
        int bad = 0;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(workspace.open(path), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                Optional<String> problem = problem(line);
                if (problem.isPresent()) {
                    if (++bad <= MAX_PER_FILE) {
                        findings.add(Finding.of(descriptor, path, "line " + number, problem.get(), REMEDY));
                    }
                }
            }
        }
        if (bad > MAX_PER_FILE) {
            findings.add(Finding.of(descriptor, path, null, (bad - MAX_PER_FILE) + " more records do not match version "
                    + descriptor.versions(), REMEDY));
        }
    }

    private Optional<String> problem(String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return Optional.of("not a JSON object: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (node == null || !node.isObject()) {
            return Optional.of("not a JSON object");
        }
        return check.flatMap(c -> c.check((ObjectNode) node));
    }
}
