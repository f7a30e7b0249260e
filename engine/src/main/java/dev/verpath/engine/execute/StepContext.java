package dev.verpath.engine.execute;

import dev.verpath.engine.workspace.TomlText;
import dev.verpath.rules.TomlDocument;
import java.io.IOException;
import java.util.function.Consumer;
import dev.verpath.rules.RuleContext;
import dev.verpath.rules.RuleReport;
import dev.verpath.rules.Workspace;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link RuleContext} one file rule gets during one step.
 *
 * @param workspace    the shadow workspace
 * @param report       the rule's view of the run report
 * @param product      the product
 * @param fromVersion  the step's source version
 * @param toVersion    the step's target version
 * @param lossyAllowed whether lossy steps are allowed
 * @param optimize     whether model optimization is on
 * @param flags        the effective flag values by name
 */
record StepContext(Workspace workspace, RuleReport report, String product, String fromVersion, String toVersion,
                   boolean lossyAllowed, boolean optimize, Map<String, String> flags) implements RuleContext {

    @Override
    public Optional<String> flag(String name) {
        return Optional.ofNullable(flags.get(name));
    }

    @Override
    public void editToml(String path, Consumer<TomlDocument> change) throws IOException {
        String before = workspace.readString(path);
        TomlText document = new TomlText(path, before);
        change.accept(document);
        if (!document.text().equals(before)) {
            workspace.writeString(path, document.text());
        }
    }
}
