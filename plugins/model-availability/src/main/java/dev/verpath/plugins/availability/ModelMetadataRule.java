package dev.verpath.plugins.availability;

import dev.verpath.rules.FileRule;
import dev.verpath.rules.RuleContext;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleKind;
import dev.verpath.rules.Workspace;
import java.io.IOException;
import java.util.List;

/**
 * The model rule of {@code model-availability} 1.0.0 to 2.0.0: writes {@code <file>.metadata.json} beside
 * every model file, replacing one that is there. Model files are only read. Stateless.
 */
public final class ModelMetadataRule implements FileRule {

    /** The rule id. */
    public static final String ID = "model-availability.2.0.0.model";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Write model metadata files",
            "Writes a metadata file <file>.metadata.json beside every file under models/, with the file's path under "
                    + "models/, its size, its SHA-256 and its format (safetensors, pytorch, gguf, onnx and so on, by "
                    + "extension). A metadata file already there is written again from the file.",
            AvailabilityLayout.PRODUCT, AvailabilityLayout.V1_0_0, AvailabilityLayout.V2_0_0, RuleKind.MODEL,
            List.of(), false, "1", List.of(AvailabilityLayout.MODELS + "/**"));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void apply(RuleContext context) throws IOException {
        Workspace workspace = context.workspace();
        long bytes = 0;
        List<String> files = ModelMetadata.modelFiles(workspace);
        for (String file : files) {
            context.writeJson(ModelMetadata.metadataPath(file), ModelMetadata.describe(workspace, file));
            bytes += workspace.size(file);
        }
        context.report().count("metadata_files", files.size());
        context.report().count("bytes_hashed", bytes);
    }
}
