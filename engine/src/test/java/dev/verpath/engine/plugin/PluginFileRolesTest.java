package dev.verpath.engine.plugin;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.backup.BackupManifest;
import dev.verpath.engine.backup.BackupStore;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.rules.MigrationException;
import dev.verpath.testsupport.PluginArchive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A plugin, loaded from a real jar, whose product declares its files by role: {@code .ckpt} and {@code .h5} weights
 * (extensions the preview engine did not know), two config files and no models folder.
 */
class PluginFileRolesTest {

    @TempDir
    Path dir;

    /** The painter rule set: one config rule 1.0.0 -> 2.0.0 whose body the test gives. */
    private static String painter(String applyBody) {
        return "package test.painter;\n"
                + "import dev.verpath.rules.*;\nimport java.util.List;\n"
                + "public class Rules implements RuleSet {\n"
                + "  public String id() { return \"painter-rules\"; }\n"
                + "  public List<Product> products() {\n"
                + "    return List.of(Product.of(\"painter\", \"An image generator.\")\n"
                + "        .weights(\"models/**/*.ckpt\", \"models/**/*.h5\")\n"
                + "        .config(\"painter.toml\", \"styles.toml\")\n"
                + "        .data(\"records/**\")\n"
                + "        .configFile(\"painter.toml\").dataFolder(\"records\").build());\n"
                + "  }\n"
                + "  public List<MigrationRule> rules() { return List.of(new Rule()); }\n"
                + "  static final class Rule implements FileRule {\n"
                + "    public RuleDescriptor descriptor() {\n"
                + "      return new RuleDescriptor(\"painter.2.0.0.config\", \"Painter config\", \"Moves the painter config to"
                + " version 2.\", \"painter\", \"1.0.0\", \"2.0.0\", RuleKind.CONFIG, List.of(), false, \"1\","
                + " List.of(\"painter.toml\"));\n"
                + "    }\n"
                + "    public void apply(RuleContext context) throws java.io.IOException {\n" + applyBody + "\n    }\n"
                + "  }\n"
                + "}\n";
    }

    private MigrationEngine engine(String applyBody) throws IOException {
        Path plugins = dir.resolve("plugins");
        PluginArchive.named("painter").ruleSet("test.painter.Rules", painter(applyBody)).jar(plugins);
        LoadedRules rules = new RuleSetLoader(Optional.empty(), Map.of()).load(List.of(plugins));
        assertThat(rules.refused()).isEmpty();
        return MigrationEngine.create(rules.registry(), EngineSettings.defaults());
    }

    private Path installation() throws IOException {
        Path root = dir.resolve("painter");
        PluginArchive.write(root.resolve("VERSION"), "painter 1.0.0\n");
        PluginArchive.write(root.resolve("painter.toml"), "style = \"oil\"\n");
        PluginArchive.write(root.resolve("styles.toml"), "oil = 1\n");
        PluginArchive.write(root.resolve("records/r.jsonl"), "{\"id\":1}\n");
        PluginArchive.write(root.resolve("models/sd/unet.ckpt"), "ckpt weights");
        PluginArchive.write(root.resolve("models/sd/vae.h5"), "h5 weights");
        return root;
    }

    private static RunRequest toTwo(Scope scope, Path target) {
        return new RunRequest(scope, target, Optional.empty(), Optional.empty(), Optional.of("2.0.0"), false, false, true, false);
    }

    @Test
    void ckptAndH5WeightsAreKeptByLinkOrCloneAndNeverInTheArchive() throws IOException {
        MigrationEngine engine = engine("context.workspace().writeString(\"painter.toml\", \"style = \\\"oil\\\"\\nv = 2\\n\");");
        Path root = installation();

        engine.migrate(toTwo(Scope.VERSION, root), line -> { });

        Path backup = engine.backups(root).get(0).folder();
        Map<String, String> stored = BackupStore.read(backup).entries().stream().filter(e -> e.type().equals("file"))
                .collect(Collectors.toMap(BackupManifest.Entry::path, BackupManifest.Entry::stored));
        // a hard link, or a clone where the file system makes one (recorded as a copy: its own inode)
        assertThat(stored.get("models/sd/unet.ckpt")).isIn("hardlink", "copy");
        assertThat(stored.get("models/sd/vae.h5")).isIn("hardlink", "copy");
        assertThat(stored.get("painter.toml")).isEqualTo("archive");
        assertThat(archived(backup)).containsExactly("VERSION", "painter.toml", "records/r.jsonl", "styles.toml");
        assertThat(Files.readString(root.resolve("painter.toml"))).isEqualTo("style = \"oil\"\nv = 2\n");
    }

    @Test
    void aRuleThatWritesAWeightFileIsRefusedAndNothingChanges() throws IOException {
        MigrationEngine engine = engine("context.workspace().writeString(\"painter.toml\", \"v = 2\\n\");"
                + " context.workspace().writeString(\"models/sd/unet.ckpt\", \"rewritten\");");
        Path root = installation();
        SortedMap<String, String> before = signature(root);

        MigrationException e = catchThrowableOfType(MigrationException.class,
                () -> engine.migrate(toTwo(Scope.VERSION, root), line -> { }));

        assertThat(ErrorCode.of(e)).isEqualTo(ErrorCode.RULE_BUG);
        assertThat(e).hasMessageContaining("models/sd/unet.ckpt: a weight file is never opened for writing")
                .hasMessageContaining("the installation is unchanged");
        assertThat(signature(root)).isEqualTo(before);
    }

    @Test
    void aProductWithTwoConfigFilesAndNoModelsFolderMigratesItsConfigAndRefusesModelsPath() throws IOException {
        MigrationEngine engine = engine("context.workspace().writeString(\"painter.toml\", \"v = 2\\n\");");
        Path root = installation();
        Path loose = Files.createDirectories(dir.resolve("loose-models"));

        MigrationException refused = catchThrowableOfType(MigrationException.class,
                () -> engine.migrate(new RunRequest(Scope.MODELS, loose, Optional.of("painter"), Optional.of("1.0.0"),
                        Optional.of("2.0.0"), false, false, true, false), line -> { }));
        engine.migrate(toTwo(Scope.VERSION, root), line -> { });

        assertThat(ErrorCode.of(refused)).isEqualTo(ErrorCode.USAGE);
        assertThat(refused).hasMessage("product 'painter' declares no models folder, so 'migrate models --models-path' has"
                + " no place to put it; migrate the whole installation with 'migrate version'");
        assertThat(Files.readString(root.resolve("painter.toml"))).isEqualTo("v = 2\n");
        assertThat(Files.readString(root.resolve("VERSION"))).isEqualTo("painter 2.0.0\n");
    }

    private static List<String> archived(Path backup) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream file = Files.newInputStream(backup.resolve("files.tar.zst"));
             TarArchiveInputStream tar = new TarArchiveInputStream(new ZstdCompressorInputStream(file))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names.stream().sorted().toList();
    }

    private static SortedMap<String, String> signature(Path root) throws IOException {
        SortedMap<String, String> sig = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> !p.startsWith(root.resolve(".migrate")) && Files.isRegularFile(p)).toList()) {
                sig.put(root.relativize(p).toString(), HashCache.hash(p));
            }
        }
        return sig;
    }
}
