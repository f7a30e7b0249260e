package dev.verpath.builtin.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.builtin.ServeLayout;
import dev.verpath.rules.FileRule;
import dev.verpath.rules.RuleContext;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.Workspace;
import java.io.IOException;
import java.util.Objects;

/**
 * A config rule of the {@code serve} product: reads {@code config/server.toml}, edits the tree, and
 * writes it back in the layout {@link TomlLayout} describes. Unknown keys keep their place. An
 * installation without a config file is left alone (with a warning; validation reports it). A
 * file that is not valid TOML fails the step naming the line. Immutable and thread-safe.
 */
public final class ConfigRule implements FileRule {

    private final RuleDescriptor descriptor;
    private final ConfigEdit edit;

    ConfigRule(RuleDescriptor descriptor, ConfigEdit edit) {
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
        String path = ServeLayout.CONFIG_FILE;
        if (!workspace.isFile(path)) {
            context.report().warn(path, "no configuration file to migrate; create " + path + " for version "
                    + context.toVersion());
            return;
        }
        ObjectNode root = TomlReader.parse(path, workspace.readString(path));
        ConfigTree tree = new ConfigTree(path, root, message -> context.report().warn(path, message));
        edit.apply(tree, context.lossyAllowed());
        workspace.writeString(path, TomlLayout.write(root));
    }
}
