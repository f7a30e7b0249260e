package dev.verpath.engine.validate;

import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.settings.SettingsLoader;
import dev.verpath.rules.Finding;
import dev.verpath.rules.FlagDescriptor;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import dev.verpath.rules.RuleSet;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class StrictnessTest {

    /** A product "wan" whose rule set declares WAN_STRICT_VALIDATION, as the WAN plugin does. */
    static final class WanFlags implements RuleSet {
        @Override
        public String id() {
            return "wan-flags";
        }

        @Override
        public List<Product> products() {
            return List.of(new Product("wan", "A test product.", "config.json", "data", "models"),
                    new Product("other", "Another test product.", "config.json", "data", "models"));
        }

        @Override
        public List<MigrationRule> rules() {
            return List.of();
        }

        @Override
        public List<FlagDescriptor> flags() {
            return List.of(new FlagDescriptor("WAN_STRICT_VALIDATION", "false", "Treat validation warnings as errors."));
        }
    }

    private static final RuleRegistry WAN = RuleRegistry.ofBuiltIns(new WanFlags());

    private static EngineSettings env(Map<String, String> env) {
        return new SettingsLoader(env).load(Optional.empty(), Map.of());
    }

    @Test
    void theOptionMakesAnyProductStrict() {
        assertThat(Strictness.of(true, EngineSettings.defaults(), WAN, "other")).isTrue();
        assertThat(Strictness.of(false, EngineSettings.defaults(), WAN, "other")).isFalse();
        assertThat(Strictness.of(false, EngineSettings.defaults(), WAN, "wan")).as("the flag's default").isFalse();
    }

    @Test
    void theProductFlagMakesOnlyItsProductStrict() {
        EngineSettings settings = env(Map.of("WAN_STRICT_VALIDATION", "true"));

        assertThat(Strictness.of(false, settings, WAN, "wan")).isTrue();
        assertThat(Strictness.of(false, settings, WAN, "other")).isFalse();
    }

    @Test
    void theFlagCanComeFromTheMigrationConfig(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("migration_config.toml");
        Files.writeString(file, "[flags]\nWAN_STRICT_VALIDATION = \"yes\"\n");

        EngineSettings settings = new SettingsLoader(Map.of()).load(Optional.of(file), Map.of());

        assertThat(Strictness.of(false, settings, WAN, "wan")).isTrue();
    }

    @Test
    void anUndeclaredFlagIsIgnored() {
        EngineSettings settings = env(Map.of("WAN_STRICT_VALIDATION", "true"));

        assertThat(Strictness.of(false, settings, RuleRegistry.ofBuiltIns(), "wan")).isFalse();
    }

    @Test
    void theSettingMakesEveryProductStrict(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("migration_config.toml");
        Files.writeString(file, "[validation]\nstrict = true\n");

        assertThat(Strictness.of(false, new SettingsLoader(Map.of()).load(Optional.of(file), Map.of()), WAN, "other")).isTrue();
    }

    @Test
    void flagNamesFollowTheProduct() {
        assertThat(Strictness.flagName("wan")).isEqualTo("WAN_STRICT_VALIDATION");
        assertThat(Strictness.flagName("model-availability")).isEqualTo("MODEL_AVAILABILITY_STRICT_VALIDATION");
    }

    @Test
    void warningsBecomeErrorsAndNothingElseChanges() {
        Finding warning = new Finding("a", ValidationCategory.SECURITY, Severity.WARNING, "x", Optional.of("line 2"), "m", "r");
        Finding info = new Finding("b", ValidationCategory.PERFORMANCE, Severity.INFO, "y", Optional.empty(), "m", "r");

        List<Finding> strict = Strictness.apply(List.of(warning, info));

        assertThat(strict).containsExactly(new Finding("a", ValidationCategory.SECURITY, Severity.ERROR, "x",
                Optional.of("line 2"), "m", "r"), info);
    }
}
