package dev.verpath.rules;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A config rule that is a list of {@link TomlEdit}s on one TOML file: the short way to write one. The file is
 * changed in place, comments and everything the edits do not touch kept; a missing file is left missing.
 *
 * <pre>{@code
 * new TomlEdits(descriptor, "config/gateway.toml", List.of(TomlEdit.rename("timeout", "request_timeout_ms")))
 * }</pre>
 *
 * @param descriptor what the rule is
 * @param file       the TOML file, relative to the installation
 * @param edits      the edits, in order
 */
public record TomlEdits(RuleDescriptor descriptor, String file, List<TomlEdit> edits) implements FileRule {

    /** Checks the parts and copies the edits. */
    public TomlEdits {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(file, "file");
        edits = List.copyOf(edits);
    }

    @Override
    public void apply(RuleContext context) throws IOException {
        if (!context.workspace().isFile(file)) {
            return;
        }
        context.editToml(file, document -> edits.forEach(edit -> edit.applyTo(document, file, context.report())));
    }
}
