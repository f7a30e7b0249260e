package dev.verpath.engine.settings;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.rules.FlagDescriptor;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A [flags] entry no loaded rule set declares is an error naming the file, the line and the nearest flag. */
class FlagSettingsTest {

    private static final List<FlagDescriptor> DECLARED = List.of(
            new FlagDescriptor("WAN_ENABLE_LEGACY_FALLBACK", "true", "Leaves a link."),
            new FlagDescriptor("WAN_DRY_RUN_MODE", "false", "Rehearses."));

    @TempDir
    Path dir;

    private Path file;

    private EngineSettings load(String toml, Map<String, String> env) throws IOException {
        file = Files.writeString(dir.resolve("migration_config.toml"), toml);
        return new SettingsLoader(env).load(Optional.of(file), Map.of());
    }

    @Test
    void aMisspelledFlagIsRefusedNamingTheLineAndTheNearestFlag() throws IOException {
        EngineSettings settings = load("[global]\nrollback_on_failure = true\n\n[flags]\nWAN_ENABLE_LEGACY_FALBACK = \"false\"\n",
                Map.of());

        assertThatThrownBy(() -> settings.checkFlags(DECLARED, Optional.empty()))
                .isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.USAGE))
                .hasMessage(file + ":5: unknown flag WAN_ENABLE_LEGACY_FALBACK; did you mean WAN_ENABLE_LEGACY_FALLBACK?"
                        + " fix the name there ('migrate plugins list' shows the flags each plugin declares)");
    }

    @Test
    void aFlagFarFromEveryDeclaredOneIsRefusedListingTheDeclaredFlags() throws IOException {
        EngineSettings settings = load("[flags]\nSOMETHING_ELSE = \"1\"\n", Map.of());

        assertThatThrownBy(() -> settings.checkFlags(DECLARED, Optional.empty()))
                .hasMessageStartingWith(file + ":2: unknown flag SOMETHING_ELSE; the loaded rule sets declare"
                        + " WAN_DRY_RUN_MODE, WAN_ENABLE_LEGACY_FALLBACK;");
    }

    @Test
    void declaredFlagsAndEnvironmentVariablesPass() throws IOException {
        EngineSettings settings = load("[flags]\nWAN_DRY_RUN_MODE = \"false\"\n", Map.of("WAN_ENABLE_LEGACY_FALBACK", "x"));

        assertThat(settings.checkFlags(DECLARED, Optional.empty())).isEmpty();
    }

    @Test
    void whileSomeRuleSetsAreNotLoadedAnUnknownFlagIsOnlyNoted() throws IOException {
        EngineSettings settings = load("[flags]\nWAN_ENABLE_LEGACY_FALBACK = \"false\"\n", Map.of());

        assertThat(settings.checkFlags(List.of(), Optional.of("plugins are off (--no-plugins)"))).containsExactly(
                "note: " + file + ":2: flag WAN_ENABLE_LEGACY_FALBACK is declared by no loaded rule set and is ignored;"
                        + " plugins are off (--no-plugins)");
    }

    @Test
    void anUnknownSettingsKeyIsNamedOnItsLineWithTheNearestKey() throws IOException {
        assertThatThrownBy(() -> load("[global]\ntimeout_seconds = 10\nrollback_on_failur = true\n", Map.of()))
                .hasMessageStartingWith(file + ":3: unknown key global.rollback_on_failur; did you mean"
                        + " global.rollback_on_failure?");
    }
}
