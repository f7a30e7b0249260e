package dev.verpath.engine.validate;

import dev.verpath.engine.edit.EditedJson;
import dev.verpath.engine.edit.TomlText;
import dev.verpath.rules.Finding;
import dev.verpath.rules.RuleFailure;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's check that every TOML and JSON configuration file of an installation parses: the product's config file
 * and the other {@code .toml} and {@code .json} files {@link ConfigFiles} names. Each is read by the reader a rule's
 * {@code editToml}/{@code editJson} uses ({@link TomlText}, {@link EditedJson}), so a file that would stop a migration
 * is a finding on its line, in the words the migration would fail with. Stateless.
 */
final class ConfigSyntax {

    /** The check's descriptor. */
    static final ValidationDescriptor DESCRIPTOR = TreeCheck.describe("engine.schema.config-syntax", "Config files parse",
            "Checks that every TOML and JSON configuration file parses, as a migration reads it.",
            ValidationCategory.SCHEMA, Severity.ERROR);

    private ConfigSyntax() {
    }

    /** @return the check */
    static TreeCheck check() {
        return TreeCheck.of(DESCRIPTOR, ConfigSyntax::findings);
    }

    private static List<Finding> findings(TreeScan tree, ValidationDescriptor d) throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (TreeScan.Entry file : ConfigFiles.of(tree)) {
            String extension = SecurityChecks.extension(file.name());
            if (!extension.equals("toml") && !extension.equals("json")) {
                continue;
            }
            String text = new String(Files.readAllBytes(file.real()), StandardCharsets.UTF_8);
            try {
                if (extension.equals("toml")) {
                    new TomlText(file.path(), text);
                } else {
                    EditedJson.requireSyntax(file.path(), text);
                }
            } catch (RuleFailure e) {
                findings.add(Finding.of(d, file.path(), e.location().orElse(null), e.getMessage(), "Correct the "
                        + extension.toUpperCase(java.util.Locale.ROOT) + " syntax at that line."));
            }
        }
        return findings;
    }
}
