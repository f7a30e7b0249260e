package dev.verpath.builtin.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verpath.builtin.ServeLayout;
import dev.verpath.rules.Finding;
import dev.verpath.rules.RecordReader;
import dev.verpath.rules.json.JsonObject;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationContext;
import dev.verpath.rules.ValidationDescriptor;
import dev.verpath.rules.ValidationRule;
import dev.verpath.rules.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
        // bytes, split at '\n', parsed as bytes: the record pipeline reads a line the same way, so a line that
        // migration refuses (invalid UTF-8, say) is a finding here too
        try (InputStream in = workspace.open(path)) {
            byte[] chunk = new byte[1 << 16];
            ByteArrayOutputStream pending = new ByteArrayOutputStream(256);
            long number = 0;
            for (int n = in.read(chunk); n >= 0 || pending.size() > 0; n = n < 0 ? n : in.read(chunk)) {
                if (n < 0) {
                    bad += checkLine(path, ++number, pending.toByteArray(), bad, findings);
                    break;
                }
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == '\n') {
                        pending.write(chunk, from, i - from);
                        bad += checkLine(path, ++number, pending.toByteArray(), bad, findings);
                        pending.reset();
                        from = i + 1;
                    }
                }
                pending.write(chunk, from, n - from);
            }
        }
        if (bad > MAX_PER_FILE) {
            findings.add(Finding.of(descriptor, path, null, (bad - MAX_PER_FILE) + " more records do not match version "
                    + descriptor.versions(), REMEDY));
        }
    }

    /** @return 1 when the line is a bad record (reported while fewer than the cap are), else 0 */
    private int checkLine(String path, long number, byte[] bytes, int badSoFar, List<Finding> findings) {
        int start = number == 1 && startsWithBom(bytes) ? 3 : 0;
        if (isBlank(bytes, start)) {
            return 0;
        }
        Optional<String> problem = problem(bytes, start);
        if (problem.isEmpty()) {
            return 0;
        }
        if (badSoFar < MAX_PER_FILE) {
            findings.add(Finding.of(descriptor, path, "line " + number, problem.get(), REMEDY));
        }
        return 1;
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
    }

    private static boolean isBlank(byte[] bytes, int start) {
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && !(bytes[i] == '\r' && i == bytes.length - 1)) {
                return false;
            }
        }
        return true;
    }

    private Optional<String> problem(byte[] line, int start) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line, start, line.length - start);
        } catch (JsonProcessingException e) {
            return Optional.of("not a JSON object: " + JsonProblem.of(e));
        } catch (IOException e) {
            return Optional.of("not a JSON object: unreadable bytes");
        }
        if (node == null || !node.isObject()) {
            return Optional.of("not a JSON object");
        }
        return check.flatMap(c -> c.check(RecordReader.of((JsonObject) JsonTrees.value(node))));
    }
}
