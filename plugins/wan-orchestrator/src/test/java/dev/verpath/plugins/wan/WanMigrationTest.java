package dev.verpath.plugins.wan;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.model.FileChange;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EffectiveSetting;
import dev.verpath.engine.settings.SettingsLoader;
import dev.verpath.testkit.InstallationTrees;
import dev.verpath.testkit.MigrationOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The wan 1.0.0 -> 2.0.0 edge through the real engine: the test kit turns the three-model fixture's before
 * folder into its after folder (files byte for byte, the legacy links by target), requires that a second run
 * changes nothing and that rollback restores the legacy installation; weight files are renamed, never copied.
 */
class WanMigrationTest {

    @TempDir
    Path temp;

    private Path install() {
        return Installations.install(temp.resolve("installation"));
    }

    private static Object inode(Path file) throws IOException {
        return Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void turnsTheLegacyLayoutIntoTheAfterFixtureWithItsLegacyLinks() {
        MigrationOutcome result = Installations.check(Map.of()).check(Installations.THREE_MODELS, temp.resolve("work")).orElseThrow();

        assertThat(result.warnings()).isEmpty();
        assertThat(Installations.THREE_MODELS.after().resolve("models/t2v-A14B/unet/config.json")).isRegularFile();
    }

    @Test
    void renamesWeightFilesSoTheyKeepTheirInodes() throws IOException {
        Path root = install();
        List<String> weights = List.of("t2v-A14B/unet/diffusion_pytorch_model-00001-of-00002.safetensors",
                "i2v-A14B/image_encoder/model.safetensors", "ti2v-5B/models_t5_umt5-xxl-enc-bf16.pth");
        Map<String, Object> inodes = new HashMap<>();
        for (String weight : weights) {
            inodes.put(weight, inode(root.resolve("models/" + weight)));
        }

        RunResult result = Installations.migrate(Installations.engine(), root, false);

        assertThat(inode(root.resolve("models/wan22/t2v-A14B@2.2.0/unet/"
                + "diffusion_pytorch_model-00001-of-00002.safetensors"))).isEqualTo(inodes.get(weights.get(0)));
        assertThat(inode(root.resolve("models/wan22/i2v-A14B@2.2.0/image_encoder/model.safetensors")))
                .isEqualTo(inodes.get(weights.get(1)));
        assertThat(inode(root.resolve("models/wan22/ti2v-5b@2.2.0/models_t5_umt5-xxl-enc-bf16.pth")))
                .isEqualTo(inodes.get(weights.get(2)));
        assertThat(result.changes()).filteredOn(c -> c.path().endsWith(".safetensors") || c.path().endsWith(".pth"))
                .allMatch(c -> c.kind() == FileChange.Kind.MOVED);
    }

    @Test
    void recordsTheRealSizeAndSha256OfAGeneratedWeightFile() throws IOException {
        Path root = install();
        byte[] weights = new byte[3 * 1024 * 1024 + 17];
        new Random(22).nextBytes(weights);
        Path big = root.resolve("models/t2v-A14B/unet/diffusion_pytorch_model.fp8.safetensors");
        Files.write(big, weights);
        String sha256 = InstallationTrees.sha256(big);

        Installations.migrate(Installations.engine(), root, false);

        String manifest = Files.readString(root.resolve("config/models.toml"));
        assertThat(manifest).contains("path = \"unet/diffusion_pytorch_model.fp8.safetensors\"\nsize = "
                + weights.length + "\nsha256 = \"" + sha256 + "\"\ncomponent = \"unet\"\n");
        assertThat(manifest).doesNotContain("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void writesTheSameManifestBytesForTheSameInstallation() throws IOException {
        Path first = Installations.install(temp.resolve("first"));
        Path second = Installations.install(temp.resolve("second"));

        Installations.migrate(Installations.engine(), first, false);
        Installations.migrate(Installations.engine(), second, false);

        assertThat(Files.readAllBytes(first.resolve("config/models.toml")))
                .isEqualTo(Files.readAllBytes(second.resolve("config/models.toml")));
    }

    @Test
    void aDryRunListsTheChangesAndWritesNothing() {
        Path root = install();
        Map<String, String> before = InstallationTrees.listing(root);

        RunResult result = Installations.migrate(Installations.engine(), root, true);

        assertThat(InstallationTrees.listing(root)).isEqualTo(before);
        assertThat(result.changes()).extracting(FileChange::path)
                .contains("config/models.toml", "models/t2v-A14B", "models/wan22/ti2v-5b@2.2.0/Wan2.2_VAE.pth");
    }

    @Test
    void leavesNoLegacyLinkWhenLegacyFallbackIsOff() {
        Path root = install();

        Installations.migrate(Installations.engine(Map.of("WAN_ENABLE_LEGACY_FALLBACK", "false")), root, false);

        assertThat(root.resolve("models/t2v-A14B")).doesNotExist();
        assertThat(root.resolve("models/wan22/t2v-A14B@2.2.0/README.md")).isRegularFile();
        assertThat(InstallationTrees.listing(root).values()).noneMatch(what -> what.startsWith("link "));
    }

    @Test
    void keepsConfigJsonUnlessToldToRemoveIt() throws IOException {
        Path kept = Installations.install(temp.resolve("kept"));
        Path removed = Installations.install(temp.resolve("removed"));

        Installations.migrate(Installations.engine(), kept, false);
        Installations.migrate(Installations.engine(Map.of("WAN_REMOVE_LEGACY_CONFIG", "true")), removed, false);

        assertThat(kept.resolve("config.json")).hasSameBinaryContentAs(Installations.THREE_MODELS.before().resolve("config.json"));
        assertThat(removed.resolve("config.json")).doesNotExist();
        assertThat(removed.resolve("config/models.toml")).hasSameBinaryContentAs(kept.resolve("config/models.toml"));
    }

    @Test
    void leavesFoldersInPlaceWhenPathMigrationIsOffAndStillValidates() throws IOException {
        Path root = install();
        MigrationEngine engine = Installations.engine(Map.of("WAN_ENABLE_PATH_MIGRATION", "false",
                "WAN_ENABLE_LEGACY_FALLBACK", "false"));

        RunResult result = Installations.migrate(engine, root, false);

        assertThat(root.resolve("models/t2v-A14B/README.md")).isRegularFile();
        assertThat(root.resolve("models/wan22")).doesNotExist();
        assertThat(root.resolve("config/models.toml"))
                .hasSameBinaryContentAs(Installations.THREE_MODELS.after().resolve("config/models.toml"));
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w.toString()).contains("WAN_ENABLE_PATH_MIGRATION"));
        assertThat(engine.validate(root, Optional.empty()).findings()).isEmpty();
    }

    @Test
    void theDryRunFlagMakesTheWholeRunADryRunAndSaysSo() throws IOException {
        Path root = install();
        Map<String, String> before = InstallationTrees.listing(root);
        List<String> notices = new java.util.ArrayList<>();

        RunResult result = Installations.engine(Map.of("WAN_DRY_RUN_MODE", "true")).migrate(new RunRequest(Scope.VERSION,
                root, Optional.empty(), Optional.empty(), Optional.of(WanLayout.V2_0_0), false, false, true, false),
                line -> { }, notices::add);

        assertThat(result.dryRun()).isTrue();
        assertThat(result.changes()).extracting(FileChange::path).contains("config/models.toml", "VERSION");
        assertThat(InstallationTrees.listing(root)).isEqualTo(before);
        assertThat(root.resolve(".migrate")).doesNotExist();
        assertThat(notices).containsExactly("WAN_DRY_RUN_MODE=true (environment) makes this a dry run, as --dry-run:"
                + " nothing is written");
    }

    @Test
    void warnsAboutAModelKeyNoWan22ModelHasAndAFolderThatIsMissing() throws IOException {
        Path root = install();
        Path config = root.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"ti2v_model\": \"ti2v-5B\"",
                "\"ti2v_model\": \"ti2v-5B-missing\", \"upscale_model\": \"upscaler\""));

        // the missing folder is a known risk of the edge (MissingModelRisk): blocked unless the operator accepts it
        assertThatThrownBy(() -> Installations.migrate(Installations.engine(), root, false))
                .hasMessageContaining("--accept-risk wan-legacy-model-missing");
        MigrationEngine accepting = MigrationEngine.create(RuleRegistry.ofBuiltIns(new WanRuleSet()), new SettingsLoader(
                Map.of()).load(Optional.empty(), Map.of("plan.accept_risks", MissingModelRisk.NAME)));
        RunResult result = Installations.migrate(accepting, root, false);

        assertThat(result.warnings()).hasSize(2);
        assertThat(result.warnings().toString()).contains("upscale_model names no WAN2.2 model")
                .contains("models/ti2v-5B-missing does not exist");
        assertThat(Files.readString(root.resolve("config/models.toml"))).doesNotContain("ti2v-5b@2.2.0");
        assertThat(root.resolve("models/ti2v-5B/Wan2.2_VAE.pth")).isRegularFile();
        assertThat(root.resolve("models/upscaler/model.bin")).isRegularFile();
    }

    @Test
    void takesTheVariantAndVramFromConfigJsonAndDefaultsWithoutThem() throws IOException {
        Path root = install();
        Files.writeString(root.resolve("config.json"), "{\"models\": {\"t2v_model\": \"t2v-A14B\"}}\n",
                StandardCharsets.UTF_8);

        Installations.migrate(Installations.engine(), root, false);

        String manifest = Files.readString(root.resolve("config/models.toml"));
        assertThat(manifest).contains("default_variant = \"fp16\"", "precision = \"fp16\"", "base_vram_gb = 12.0")
                .doesNotContain("i2v-A14B@2.2.0");
        assertThat(root.resolve("models/i2v-A14B")).isDirectory();
    }

    @Test
    void movesTheGuidesFolderNamesWhenOnlyTheModelsFolderIsMigrated() throws IOException {
        Path root = install();

        Installations.engine().migrate(new RunRequest(Scope.MODELS, root.resolve("models"), Optional.empty(),
                Optional.empty(), Optional.of(WanLayout.V2_0_0), false, false, true, false), line -> { });

        assertThat(root.resolve("models/wan22/ti2v-5b@2.2.0/Wan2.2_VAE.pth")).isRegularFile();
        assertThat(Files.readSymbolicLink(root.resolve("models/ti2v-5B"))).isEqualTo(Path.of("wan22/ti2v-5b@2.2.0"));
        assertThat(root.resolve("config/models.toml")).doesNotExist();
        assertThat(root.resolve("config.json")).isRegularFile();
    }

    @Test
    void showsItsFlagsWithTheirDefaultsAmongTheEffectiveSettings() {
        MigrationEngine engine = Installations.engine(Map.of("WAN_DRY_RUN_MODE", "true"));

        assertThat(engine.settings().effective(engine.registry().flags()))
                .extracting(EffectiveSetting::key, EffectiveSetting::value, EffectiveSetting::source)
                .contains(tuple("WAN_ENABLE_LEGACY_FALLBACK", "true", "default"),
                        tuple("WAN_ENABLE_PATH_MIGRATION", "true", "default"),
                        tuple("WAN_STRICT_VALIDATION", "false", "default"),
                        tuple("WAN_ENABLE_INTEGRITY_CHECKS", "true", "default"),
                        tuple("WAN_DRY_RUN_MODE", "true", "environment"),
                        tuple("WAN_REMOVE_LEGACY_CONFIG", "false", "default"));
    }
}
