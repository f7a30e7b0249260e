package dev.verpath.engine.validate;

import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.SettingsLoader;
import dev.verpath.rules.Finding;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import dev.verpath.rules.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's validation scans follow the file roles a product declares, not fixed folders: a product with
 * {@code checkpoints/} weights, {@code records/} data and a config file without a config extension, and no
 * models or data folder.
 */
class RoleScansTest {

    /** The "lab" product: its files by role only. */
    static final class Lab implements RuleSet {
        @Override
        public String id() {
            return "lab";
        }

        @Override
        public List<Product> products() {
            return List.of(Product.of("lab", "A research installation.")
                    .other("checkpoints/scratch/**")
                    .weights("checkpoints/**/*.ckpt", "checkpoints/**/*.pth")
                    .config("lab.settings", "lab.toml")
                    .data("records/**/*.jsonl")
                    .build());
        }

        @Override
        public List<MigrationRule> rules() {
            return List.of();
        }
    }

    @TempDir
    Path root;

    private List<String> findings(String check) throws IOException {
        Files.writeString(root.resolve("VERSION"), "lab 1.0.0\n");
        InstallationValidation validation = new InstallationValidation(RuleRegistry.ofBuiltIns(new Lab()),
                new SettingsLoader(Map.of()).load(Optional.empty(), Map.of("validation.split_file_bytes", "10")),
                Clock.systemUTC());
        ValidationReport report = validation.validate(ValidationRequest.of(root, Optional.empty(), Set.of(), false, false,
                false), line -> { });
        return report.findings().stream().filter(f -> f.ruleId().equals(check)).map(Finding::path).sorted().toList();
    }

    private void write(String path, String text) throws IOException {
        Files.createDirectories(root.resolve(path).getParent() == null ? root : root.resolve(path).getParent());
        Files.writeString(root.resolve(path), text);
    }

    @Test
    void pickleChecksLookAtTheDeclaredWeightsWhereverTheyAre() throws IOException {
        write("checkpoints/run1/net.ckpt", "pickle");
        write("checkpoints/run1/net.pth", "pickle");
        write("checkpoints/scratch/tmp.ckpt", "not a weight: carved out");
        write("tools/helper.pt", "not declared");

        assertThat(findings("engine.security.pickle-weights")).containsExactly("checkpoints/run1/net.ckpt",
                "checkpoints/run1/net.pth");
        assertThat(findings("engine.performance.no-safetensors")).containsExactly("checkpoints/run1/net.ckpt",
                "checkpoints/run1/net.pth");
    }

    @Test
    void dataChecksLookAtTheDeclaredDataFiles() throws IOException {
        write("records/2024/a.jsonl", "{\"id\": 1, \"text\": \"long enough\"}\n");
        write("notes/b.jsonl", "{\"id\": 1, \"text\": \"long enough\"}\n");
        Files.setPosixFilePermissions(root.resolve("records/2024/a.jsonl"), PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(findings("engine.performance.large-data-file")).containsExactly("records/2024/a.jsonl");
        assertThat(findings("engine.security.executable")).containsExactly("records/2024/a.jsonl");
    }

    @Test
    void secretChecksReadTheDeclaredConfigFilesWhateverTheirName() throws IOException {
        write("lab.settings", "api_key = \"sk-live-123\"\n");
        write("notes.txt", "api_key = \"sk-live-456\"\n");

        assertThat(findings("engine.security.secret-in-config")).containsExactly("lab.settings");
    }
}
