package dev.verpath.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.model.FileChange;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.model.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The last part of {@code migrate demo}: a team's rule plugin at work. When the wan orchestrator plugin is
 * loaded, a small legacy wan 1.0.0 installation is migrated to the orchestrator layout (a folder renamed, a
 * legacy link left behind, a manifest with real checksums) and rolled back.
 */
final class DemoPluginTour {

    private static final String PRODUCT = "wan";

    private final MigrationEngine engine;
    private final Output output;
    private final Consumer<String> progress;

    DemoPluginTour(MigrationEngine engine, Output output, Consumer<String> progress) {
        this.engine = engine;
        this.output = output;
        this.progress = progress;
    }

    /**
     * Runs the part, or says why it is skipped.
     *
     * @param document the demo's JSON document, which gains a {@code plugin} object
     */
    void run(ObjectNode document) {
        output.line("");
        if (engine.registry().product(PRODUCT).isEmpty()) {
            output.line("7. A team's plugin: skipped, the wan-orchestrator plugin is not loaded (see 'migrate plugins list')");
            document.putObject("plugin").put("skipped", true);
            return;
        }
        Path root = null;
        try {
            root = Files.createTempDirectory("migrate-demo-wan");
            write(root);
            output.line("7. A team's plugin: a legacy wan 1.0.0 installation moves to the orchestrator layout"
                    + "  ($ migrate version --path <wan> --to 2.0.0)");
            RunResult run = engine.migrate(new RunRequest(Scope.VERSION, root, Optional.empty(), Optional.empty(),
                    Optional.of("2.0.0"), false, false, true, false), progress);
            for (FileChange change : run.changes()) {
                if (change.kind() != FileChange.Kind.MOVED) {
                    output.line("   " + change.kind().label() + ": " + change.path() + change.from().map(f -> " -> " + f).orElse(""));
                }
            }
            long moved = run.changes().stream().filter(c -> c.kind() == FileChange.Kind.MOVED).count();
            output.line("   moved by rename (no byte copied): " + moved + " model files into models/wan22/");
            output.line("   models/t2v-A14B now links to " + Files.readSymbolicLink(root.resolve("models/t2v-A14B")));
            engine.rollback(root, Optional.empty(), Optional.empty(), progress);
            output.line("   rolled back: models/t2v-A14B is a folder again: " + Files.isDirectory(root.resolve("models/t2v-A14B"),
                    java.nio.file.LinkOption.NOFOLLOW_LINKS));
            ObjectNode plugin = document.putObject("plugin");
            plugin.put("product", PRODUCT);
            plugin.put("changes", run.changes().size());
            plugin.put("moved", moved);
        } catch (IOException e) {
            throw new UncheckedIOException("demo: the wan sample failed", e);
        } finally {
            if (root != null) {
                DemoCommand.delete(root);
            }
        }
    }

    /** Writes the small legacy wan 1.0.0 installation into an empty folder. */
    static void write(Path root) throws IOException {
        Files.writeString(root.resolve("VERSION"), "wan 1.0.0\n");
        Files.writeString(root.resolve("config.json"), "{\n  \"system\": {\"default_quantization\": \"fp16\"},\n"
                + "  \"directories\": {\"models_directory\": \"models\", \"output_directory\": \"outputs\"},\n"
                + "  \"models\": {\"t2v_model\": \"t2v-A14B\"},\n"
                + "  \"optimization\": {\"default_quantization\": \"fp16\", \"max_vram_usage_gb\": 12}\n}\n");
        Path model = root.resolve("models/t2v-A14B");
        for (String part : new String[] {"unet/diffusion_pytorch_model-00001-of-00002.safetensors",
                "unet/diffusion_pytorch_model-00002-of-00002.safetensors", "vae/diffusion_pytorch_model.safetensors",
                "text_encoder/model.safetensors"}) {
            Path file = model.resolve(part);
            Files.createDirectories(file.getParent());
            Files.write(file, ("weights of " + part + "\n").repeat(64).getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(model.resolve("unet/diffusion_pytorch_model.safetensors.index.json"),
                "{\"weight_map\": {\"a\": \"diffusion_pytorch_model-00001-of-00002.safetensors\","
                        + " \"b\": \"diffusion_pytorch_model-00002-of-00002.safetensors\"}}\n");
    }
}
