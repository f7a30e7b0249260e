package dev.verpath.builtin.data;

import dev.verpath.builtin.ServeLayout;
import dev.verpath.rules.Finding;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationContext;
import dev.verpath.rules.ValidationDescriptor;
import dev.verpath.rules.ValidationRule;
import dev.verpath.rules.Workspace;
import java.io.IOException;
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
            checkFile(context, path, findings);
        }
        return findings;
    }

    /** Each line as the record pipeline reads it, so a line migration refuses is a finding here, and only that. */
    private void checkFile(ValidationContext context, String path, List<Finding> findings) throws IOException {
        int[] bad = {0};
        context.readRecords(path, line -> {
            Optional<String> problem = line.problem().or(() -> check.flatMap(c -> c.check(line.record().orElseThrow())));
            if (problem.isPresent() && ++bad[0] <= MAX_PER_FILE) {
                findings.add(Finding.of(descriptor, path, "line " + line.line(), problem.get(), REMEDY));
            }
        });
        if (bad[0] > MAX_PER_FILE) {
            findings.add(Finding.of(descriptor, path, null, (bad[0] - MAX_PER_FILE) + " more records do not match version "
                    + descriptor.versions(), REMEDY));
        }
    }
}
