package dev.verpath.engine.settings;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.ServiceControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** [hooks] and [health]: their TOML shape, their refusals naming file and line, --hook, and a product's defaults. */
class HookSettingsTest {

    @TempDir
    Path dir;

    private Path file;

    private EngineSettings load(String toml) throws IOException {
        file = Files.writeString(dir.resolve("migration_config.toml"), toml);
        return new SettingsLoader(Map.of()).load(Optional.of(file), Map.of());
    }

    private void refused(String toml, int line, String... words) {
        assertThatThrownBy(() -> load(toml)).isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(ErrorCode.of((MigrationException) e)).isEqualTo(ErrorCode.USAGE))
                .hasMessageStartingWith(dir.resolve("migration_config.toml") + ":" + line + ": ")
                .hasMessageContainingAll(words);
    }

    @Test
    void withoutSettingsThereIsNoHookAndNoHealthCheck() {
        HookSettings hooks = EngineSettings.defaults().hooks();

        assertThat(hooks.commands()).isEmpty();
        assertThat(hooks.health()).isEmpty();
        assertThat(hooks.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(hooks.lines()).isEmpty();
    }

    @Test
    void readsArgumentListsShellStringsAndTheHealthCheck() throws IOException {
        HookSettings hooks = load("[hooks]\nbefore_commit = [\"systemctl\", \"stop\", \"serve\"]\n"
                + "after_commit = { shell = \"systemctl start serve && sleep 1\" }\ntimeout = \"90s\"\n\n"
                + "[health]\ncommand = [\"curl\", \"-fsS\", \"http://localhost:8000/health\"]\nretries = 5\n"
                + "interval = \"500ms\"\n").hooks();

        assertThat(hooks.command(HookPhase.BEFORE_COMMIT)).contains(HookCommand.of(List.of("systemctl", "stop", "serve")));
        assertThat(hooks.command(HookPhase.AFTER_COMMIT)).contains(HookCommand.shell("systemctl start serve && sleep 1"));
        assertThat(hooks.command(HookPhase.BEFORE_RUN)).isEmpty();
        assertThat(hooks.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(hooks.health()).contains(new HealthCheck(HookCommand.of(List.of("curl", "-fsS",
                "http://localhost:8000/health")), 5, Duration.ofMillis(500), Duration.ofSeconds(10)));
        assertThat(hooks.lines()).containsExactly("before_commit: systemctl stop serve (timeout 90s)",
                "after_commit: systemctl start serve && sleep 1 (by /bin/sh -c) (timeout 90s)",
                "health: curl -fsS http://localhost:8000/health (5 attempts, 500ms apart, 10s each)");
    }

    @Test
    void theEffectiveSettingsShowACommandAsItsJson() throws IOException {
        EngineSettings settings = load("[hooks]\nbefore_commit = [\"systemctl\", \"stop\", \"serve\"]\n"
                + "[hooks.after_commit]\nshell = \"start it\"\n");

        assertThat(settings.setting("hooks.before_commit").orElseThrow().value()).isEqualTo("[\"systemctl\",\"stop\",\"serve\"]");
        assertThat(settings.setting("hooks.after_commit").orElseThrow().value()).isEqualTo("{\"shell\":\"start it\"}");
        assertThat(settings.setting("hooks.before_commit").orElseThrow().source()).isEqualTo(file.toString());
        assertThat(settings.setting("health.command").orElseThrow().value()).isEmpty();
        assertThat(settings.setting("health.interval").orElseThrow().value()).isEqualTo("2s");
    }

    @Test
    void aPlainStringIsRefusedSayingToWriteAnArrayOrAShellTable() {
        refused("[global]\nallow_network_fs = false\n\n[hooks]\nbefore_commit = \"systemctl stop serve\"\n", 5,
                "hooks.before_commit", "[\"systemctl\", \"stop\", \"serve\"]", "{ shell = ", "a plain string is not split");
    }

    @Test
    void anEmptyArrayAndAWrongTypeAreRefused() {
        refused("[hooks]\nafter_commit = []\n", 2, "hooks.after_commit", "a non-empty array of strings");
        refused("[hooks]\n\nafter_commit = [\"a\", 1]\n", 3, "hooks.after_commit", "a non-empty array of strings");
        refused("[health]\ncommand = { shell = \"\" }\n", 2, "health.command");
        refused("[health]\ncommand = { sh = \"x\" }\n", 2, "health.command");
    }

    @Test
    void anUnknownPhaseIsRefusedWithTheNearestOne() {
        refused("[hooks]\nbefore_comit = [\"true\"]\n", 2, "unknown key hooks.before_comit", "did you mean hooks.before_commit?");
    }

    @Test
    void retriesBelowOneAndBadDurationsAreRefused() {
        refused("[health]\nretries = 0\n", 2, "health.retries = '0'", "a whole number above 0");
        refused("[hooks]\ntimeout = 60\n", 2, "hooks.timeout = '60'", "a duration such as 500ms, 60s, 2m or 1h");
        refused("[hooks]\ntimeout = \"0s\"\n", 2, "hooks.timeout", "above 0");
        refused("[health]\ninterval = \"soon\"\n", 2, "health.interval = 'soon'");
    }

    @Test
    void theHookOptionIsAShellStringForItsPhase() {
        HookCommand.Option option = HookCommand.parseOption("before_commit=systemctl stop serve");

        assertThat(option.phase()).isEqualTo(HookPhase.BEFORE_COMMIT);
        assertThat(option.command()).isEqualTo(HookCommand.shell("systemctl stop serve"));
        HookSettings hooks = new SettingsLoader(Map.of()).load(Optional.empty(),
                Map.of(option.setting().getKey(), option.setting().getValue())).hooks();
        assertThat(hooks.command(HookPhase.BEFORE_COMMIT)).contains(HookCommand.shell("systemctl stop serve"));
        assertThatThrownBy(() -> HookCommand.parseOption("before_comit=x")).isInstanceOf(MigrationException.class)
                .hasMessage("--hook before_comit=x: unknown hook phase 'before_comit'; did you mean before_commit?; write"
                        + " --hook PHASE=COMMAND with PHASE one of before_run, before_commit, after_commit, after_rollback,"
                        + " on_failure");
        assertThatThrownBy(() -> HookCommand.parseOption("after_commit=")).hasMessageContaining("no command after");
    }

    @Test
    void theOperatorWinsOverTheProductPhaseByPhase() throws IOException {
        ServiceControl service = new ServiceControl(Optional.of(List.of("svc", "stop")), Optional.of(List.of("svc", "start")),
                Optional.of(List.of("svc", "check")));
        HookSettings operator = load("[hooks]\nafter_commit = { shell = \"svc start --fast\" }\n[health]\nretries = 3\n").hooks();

        HookSettings merged = operator.effective(Optional.of(service));

        assertThat(merged.command(HookPhase.BEFORE_COMMIT)).contains(HookCommand.of(List.of("svc", "stop")));
        assertThat(merged.command(HookPhase.AFTER_COMMIT)).contains(HookCommand.shell("svc start --fast"));
        assertThat(merged.command(HookPhase.AFTER_ROLLBACK)).contains(HookCommand.of(List.of("svc", "start")));
        assertThat(merged.command(HookPhase.BEFORE_RUN)).isEmpty();
        assertThat(merged.health()).contains(new HealthCheck(HookCommand.of(List.of("svc", "check")), 3,
                Duration.ofSeconds(2), Duration.ofSeconds(10)));
        HookSettings ownHealth = load("[health]\ncommand = [\"mine\"]\n").hooks().effective(Optional.of(service));
        assertThat(ownHealth.health().orElseThrow().command()).isEqualTo(HookCommand.of(List.of("mine")));
        assertThat(operator.effective(Optional.empty())).isEqualTo(operator);
    }
}
