package dev.verpath.engine.settings;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The backup keys of each kind cannot be honoured when false (a rollback restores the whole installation from
 * one backup), so false is refused on its line instead of being read by nothing.
 */
class BackupKeySettingsTest {

    @TempDir
    Path dir;

    private EngineSettings load(String toml) throws IOException {
        Path file = Files.writeString(dir.resolve("migration_config.toml"), toml);
        return new SettingsLoader(Map.of()).load(Optional.of(file), Map.of());
    }

    @ParameterizedTest
    @CsvSource({"config_migration, backup_original", "data_migration, backup_data", "model_migration, backup_models"})
    void falseIsRefusedOnItsLineSayingWhyAndWhatToUseInstead(String table, String key) throws IOException {
        Path file = dir.resolve("migration_config.toml");

        assertThatThrownBy(() -> load("[" + table + "]\nenabled = true\n" + key + " = false\n"))
                .isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.USAGE))
                .hasMessageStartingWith(file + ":3: " + table + "." + key + " = 'false': expected true (a rollback needs"
                        + " every file a migration can touch; to run without any backup, use --no-backup)");
    }

    @ParameterizedTest
    @CsvSource({"config_migration, backup_original", "data_migration, backup_data", "model_migration, backup_models"})
    void trueIsAccepted(String table, String key) throws IOException {
        assertThat(load("[" + table + "]\n" + key + " = true\n").value(table + "." + key)).hasValue("true");
    }
}
