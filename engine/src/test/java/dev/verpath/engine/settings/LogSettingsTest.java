package dev.verpath.engine.settings;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.rules.MigrationException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Log settings: option over $MIGRATE_LOG over the guide's $RUST_LOG, whose directive lists are read. */
class LogSettingsTest {

    private static LogSettings load(Map<String, String> env, Map<String, String> options) {
        return LogSettings.of(new SettingsLoader(env).load(Optional.empty(), options));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"info; info", "DEBUG; debug", "trustformers=debug; debug",
            "trustformers=debug,warn; warn", "a=info,b=trace; trace", "off; off"})
    void readsALevelOrRustLogDirectives(String value, String level) {
        assertThat(LogSettings.level(value)).contains(level);
    }

    @Test
    void rustLogIsTheGuidesNameForMigrateLog() {
        assertThat(load(Map.of("RUST_LOG", "info"), Map.of()).level()).isEqualTo("info");
        assertThat(load(Map.of("RUST_LOG", "info", "MIGRATE_LOG", "debug"), Map.of()).level()).isEqualTo("debug");
        assertThat(load(Map.of("RUST_LOG", "info"), Map.of("log.level", "error")).level()).isEqualTo("error");
        assertThat(new SettingsLoader(Map.of("RUST_LOG", "info")).load(Optional.empty(), Map.of()).setting("log.level")
                .orElseThrow().source()).isEqualTo("environment RUST_LOG");
    }

    @Test
    void defaultsToWarningsAsTextOnStderr() {
        assertThat(load(Map.of(), Map.of())).isEqualTo(new LogSettings("warn", "text", Optional.empty()));
    }

    @Test
    void anUnknownLevelIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> load(Map.of("RUST_LOG", "loud"), Map.of()))
                .isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.USAGE))
                .hasMessageContaining("RUST_LOG").hasMessageContaining("error, warn, info, debug, trace or off");
    }

    @Test
    void anUnknownFormatIsRefused() {
        assertThatThrownBy(() -> load(Map.of("MIGRATE_LOG_FORMAT", "xml"), Map.of()))
                .hasMessageContaining("MIGRATE_LOG_FORMAT").hasMessageContaining("text or json");
    }
}
