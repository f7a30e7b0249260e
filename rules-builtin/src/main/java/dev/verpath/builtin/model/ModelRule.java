package dev.verpath.builtin.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.rules.FileRule;
import dev.verpath.rules.RuleContext;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.Workspace;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * A model rule of the {@code serve} product: writes the {@code metadata.json} of every folder under
 * {@code models/}, and with {@code --optimize} first links identical weight files
 * ({@link WeightDedupe}). Weight files are never opened for writing. Immutable and thread-safe.
 *
 * <p>Optimization runs in every model rule of a run that has it on; after the first step there is
 * nothing left to link, but the workspace cannot tell that a path is already a link to its twin,
 * so the engine should ask for it on one step of a run only (the last).
 */
public final class ModelRule implements FileRule {

    /** What one model rule does to one folder's metadata. */
    @FunctionalInterface
    interface MetadataEdit {

        /**
         * @param folder  the model folder
         * @param current its metadata, when it has a {@code metadata.json}
         * @param context the step
         * @return the new metadata
         * @throws IOException when a file cannot be read
         */
        ObjectNode apply(ModelFolder folder, Optional<ObjectNode> current, RuleContext context) throws IOException;
    }

    private final RuleDescriptor descriptor;
    private final MetadataEdit edit;

    ModelRule(RuleDescriptor descriptor, MetadataEdit edit) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.edit = Objects.requireNonNull(edit, "edit");
    }

    @Override
    public RuleDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void apply(RuleContext context) throws IOException {
        Workspace workspace = context.workspace();
        if (context.optimize()) {
            WeightDedupe.run(workspace, context.report());
        }
        for (ModelFolder folder : ModelFolder.all(workspace)) {
            String path = folder.metadataPath();
            Optional<ObjectNode> current = workspace.isFile(path)
                    ? Optional.of(MetadataJson.parse(path, workspace.read(path)))
                    : Optional.empty();
            ObjectNode next = edit.apply(folder, current, context);
            workspace.write(path, MetadataJson.write(next));
        }
    }
}
