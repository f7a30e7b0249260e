package dev.verpath.engine.settings;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.rules.FlagConflict;
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
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Declared flags are checked against their kind and the declared conflicts before anything runs. */
class FlagValuesTest {

    private static final FlagDescriptor FALLBACK = FlagDescriptor.bool("TOY_FALLBACK", true, "Leaves a link.");
    private static final FlagDescriptor MOVE = FlagDescriptor.bool("TOY_MOVE", true, "Moves the folders.");
    private static final FlagDescriptor WORKERS = FlagDescriptor.integer("TOY_WORKERS", 4, "How many at once.");
    private static final List<FlagDescriptor> DECLARED = List.of(FALLBACK, MOVE, WORKERS);
    private static final List<FlagConflict> CONFLICTS = List.of(
            new FlagConflict("TOY_FALLBACK", "true", "TOY_MOVE", "false", "a link needs a moved folder; set one of them"));

    @TempDir
    Path dir;

    private Path file;

    private EngineSettings load(String toml, Map<String, String> env) throws IOException {
        file = Files.writeString(dir.resolve("migration_config.toml"), toml);
        return new SettingsLoader(env).load(Optional.of(file), Map.of());
    }

    @Test
    void aValueOfTheWrongKindIsAUsageErrorNamingTheLineItWasSetOn() throws IOException {
        EngineSettings settings = load("[flags]\nTOY_MOVE = \"yes\"\nTOY_WORKERS = \"many\"\n", Map.of());

        assertThatThrownBy(() -> FlagValues.check(settings, DECLARED, CONFLICTS))
                .isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.USAGE))
                .hasMessage(file + ":3: TOY_WORKERS is 'many', which is not a whole number (How many at once.)");
    }

    @Test
    void aValueFromTheEnvironmentIsNamedByItsVariable() throws IOException {
        EngineSettings settings = load("", Map.of("TOY_FALLBACK", "sometimes"));

        assertThatThrownBy(() -> FlagValues.check(settings, DECLARED, CONFLICTS))
                .hasMessage("$TOY_FALLBACK: TOY_FALLBACK is 'sometimes', which is not a boolean; set it to true or false"
                        + " (Leaves a link.)");
    }

    @Test
    void aDeclaredConflictIsRefusedNamingBothFlagsAndWhereEachWasSet() throws IOException {
        EngineSettings settings = load("[flags]\nTOY_MOVE = \"off\"\n", Map.of());

        assertThatThrownBy(() -> FlagValues.check(settings, DECLARED, CONFLICTS))
                .hasMessage("TOY_FALLBACK=true (its default) and TOY_MOVE=off (" + file + ":2) cannot go together: a link"
                        + " needs a moved folder; set one of them");
    }

    @Test
    void valuesOfTheirKindThatDoNotConflictPass() throws IOException {
        EngineSettings settings = load("[flags]\nTOY_MOVE = \"off\"\nTOY_WORKERS = \"8\"\n", Map.of("TOY_FALLBACK", "0"));

        assertThatCode(() -> FlagValues.check(settings, DECLARED, CONFLICTS)).doesNotThrowAnyException();
    }
}
