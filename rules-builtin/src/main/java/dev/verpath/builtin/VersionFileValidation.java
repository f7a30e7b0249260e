package dev.verpath.builtin;

import dev.verpath.rules.Finding;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationContext;
import dev.verpath.rules.ValidationDescriptor;
import dev.verpath.rules.ValidationRule;
import java.io.IOException;
import java.util.List;

/**
 * The {@code VERSION} file exists and its first line names the version, as {@code <version>} or
 * {@code serve <version>} (surrounding white space aside). Immutable and thread-safe.
 */
public final class VersionFileValidation implements ValidationRule {

    private final ValidationDescriptor descriptor;

    private VersionFileValidation(String version) {
        this.descriptor = new ValidationDescriptor("serve." + version + ".version-file", "Version file " + version,
                "Checks that the VERSION file names version " + version + ".", ServeLayout.PRODUCT, version,
                ValidationCategory.SCHEMA, Severity.ERROR);
    }

    /** @return the validation of every version */
    public static List<VersionFileValidation> all() {
        return ServeLayout.VERSIONS.stream().map(VersionFileValidation::new).toList();
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
        String path = ServeLayout.VERSION_FILE;
        String remedy = "Write \"" + context.version() + "\" and a newline into " + path + ".";
        if (!context.workspace().isFile(path)) {
            return List.of(Finding.of(descriptor, path, null, "the VERSION file is missing", remedy));
        }
        String first = context.workspace().readString(path).lines().findFirst().orElse("").strip();
        String[] words = first.split("\\s+");
        String named = words.length == 2 && words[0].equals(ServeLayout.PRODUCT) ? words[1] : first;
        if (!named.equals(context.version())) {
            return List.of(Finding.of(descriptor, path, "line 1", "VERSION names " + (named.isEmpty() ? "nothing" : named)
                    + ", not " + context.version(), remedy));
        }
        return List.of();
    }
}
