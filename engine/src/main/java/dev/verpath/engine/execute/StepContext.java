package dev.verpath.engine.execute;

import dev.verpath.engine.edit.EditedJson;
import dev.verpath.engine.edit.TomlText;
import dev.verpath.engine.edit.TomlWriter;
import dev.verpath.rules.JsonDocument;
import dev.verpath.rules.RuleContext;
import dev.verpath.rules.RuleReport;
import dev.verpath.rules.TomlDocument;
import dev.verpath.rules.Workspace;
import dev.verpath.rules.json.JsonObject;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

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
 * @param logger       the rule's logger: a plugin's rules get one tagged with the plugin id ({@link
 *                     dev.verpath.engine.log.PluginLogger})
 */
record StepContext(Workspace workspace, RuleReport report, String product, String fromVersion, String toVersion,
                   boolean lossyAllowed, boolean optimize, Map<String, String> flags, org.slf4j.Logger logger)
        implements RuleContext {

    @Override
    public Optional<String> flag(String name) {
        return Optional.ofNullable(flags.get(name));
    }

    @Override
    public void editToml(String path, Consumer<TomlDocument> change) throws IOException {
        edit(path, text -> new TomlText(path, text), change, TomlText::text);
    }

    @Override
    public void editJson(String path, Consumer<JsonDocument> change) throws IOException {
        edit(path, text -> new EditedJson(path, text), change, EditedJson::text);
    }

    /** Reads a file into a document, lets the rule change it, and writes it back only when its text changed. */
    private <D> void edit(String path, Function<String, D> open, Consumer<? super D> change, Function<D, String> text)
            throws IOException {
        String before = workspace.readString(path);
        D document = open.apply(before);
        change.accept(document);
        String after = text.apply(document);
        if (!after.equals(before)) {
            workspace.writeString(path, after);
        }
    }

    @Override
    public JsonDocument readJson(String path) throws IOException {
        return new EditedJson(path, workspace.readString(path));
    }

    @Override
    public void writeJson(String path, JsonObject object) throws IOException {
        workspace.writeString(path, EditedJson.written(object));
    }

    @Override
    public void writeToml(String path, JsonObject document) throws IOException {
        workspace.writeString(path, TomlWriter.written(document));
    }
}
