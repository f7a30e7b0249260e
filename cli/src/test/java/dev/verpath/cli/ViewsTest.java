package dev.verpath.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verpath.engine.journal.HistoryEntry;
import dev.verpath.engine.model.FileChange;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.model.RunWarning;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.model.StatusReport;
import dev.verpath.engine.plan.MigrationPlan;
import dev.verpath.engine.plan.PlanEstimate;
import dev.verpath.engine.plan.PlanStep;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.validate.ValidationReport;
import dev.verpath.rules.Finding;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleKind;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class ViewsTest {

    private static final RuleRegistry NO_RULES = RuleRegistry.ofBuiltIns();

    private static MigrationRule rule(String id, RuleKind kind, String from, String to, boolean lossy) {
        RuleDescriptor d = new RuleDescriptor(id, "Does " + id, "Does things.", "serve", from, to, kind,
                List.of(), lossy, "1", List.of("**/*"));
        return () -> d;
    }

    private static MigrationPlan plan(Optional<PlanEstimate> estimate) {
        PlanStep first = new PlanStep("0.1.0", "1.0.0", "0.1.0",
                List.of(rule("serve.v1.config", RuleKind.CONFIG, "0.1.0", "1.0.0", false),
                        rule("serve.v1.data", RuleKind.DATA, "0.1.0", "1.0.0", false)),
                List.of(), false);
        PlanStep second = new PlanStep("1.0.0", "2.0.0", ">=1.0.0 <2.0.0",
                List.of(rule("serve.v2.data", RuleKind.DATA, ">=1.0.0 <2.0.0", "2.0.0", true)),
                List.of("config restructured into tables", "API prefix /v2"), true);
        return new MigrationPlan("serve", "0.1.0", "2.0.0", List.of(first, second),
                List.of(List.of("0.1.0", "0.5.0", "2.0.0")), estimate);
    }

    @Test
    void aPlanShowsStepsRulesBreakingChangesLossyStepsAlternativesAndTheEstimate() {
        PlanEstimate estimate = new PlanEstimate(4096, 2048, 10_240, 12_288, OptionalLong.of(1024), Duration.ofMillis(1500));

        List<String> lines = PlanView.text(plan(Optional.of(estimate)), NO_RULES, true);

        assertThat(lines).containsExactly(
                "plan: serve 0.1.0 -> 2.0.0, 2 steps (lossy)",
                "  step 1: 0.1.0 -> 1.0.0",
                "    kind    rule             does",
                "    config  serve.v1.config  Does serve.v1.config",
                "    data    serve.v1.data    Does serve.v1.data",
                "    breaking changes: none",
                "  step 2: 1.0.0 -> 2.0.0 (edge >=1.0.0 <2.0.0)  [lossy: some information cannot be kept]",
                "    kind  rule                   does",
                "    data  serve.v2.data [lossy]  Does serve.v2.data",
                "    breaking changes:",
                "      - config restructured into tables",
                "      - API prefix /v2",
                "alternatives not taken:",
                "  0.1.0 -> 0.5.0 -> 2.0.0",
                "estimate:",
                "  reads 4.0 KiB, writes 2.0 KiB, backup 10.0 KiB",
                "  disk needed 12.0 KiB, 1.0 KiB free: NOT ENOUGH, free some space first",
                "  time about 1.500 s",
                "  speeds no run measured on this machine yet: default speeds");
    }

    @Test
    void anEstimateFromMeasuredRunsShowsThePeakMemoryAndWhereTheSpeedsComeFrom() {
        PlanEstimate estimate = new PlanEstimate(4096, 2048, 10_240, 12_288, OptionalLong.of(1 << 30),
                Duration.ofMillis(2500), OptionalLong.of(300L << 20), "measured by the last 3 runs on this machine");

        List<String> lines = PlanView.text(plan(Optional.of(estimate)), NO_RULES, true);

        assertThat(lines).endsWith("  time about 2.500 s, peak memory about 300.0 MiB",
                "  speeds measured by the last 3 runs on this machine");
    }

    @Test
    void aScopedRunListsOnlyTheRulesItRuns() {
        String text = RunView.text(run(true), NO_RULES, Scope.DATA, false, "migrate rollback --path inst");

        assertThat(text).contains("    data  serve.v1.data  Does serve.v1.data").doesNotContain("serve.v1.config  ");
        assertThat(RunView.json(run(true), NO_RULES, Scope.CONFIG, false).at("/plan/steps/0/rules")).hasSize(1);
    }

    @Test
    void aPlanWithNoStepsSaysSo() {
        MigrationPlan plan = new MigrationPlan("serve", "2.1.0", "2.1.0", List.of(), List.of(), Optional.empty());

        assertThat(PlanView.text(plan, NO_RULES, true)).containsExactly("plan: serve 2.1.0 -> 2.1.0: already there, nothing to do");
        assertThat(PlanView.json(plan, NO_RULES).get("estimate").isNull()).isTrue();
    }

    @Test
    void planJsonKeepsTheStepsAndTheirRulesInOrder() {
        JsonNode json = PlanView.json(plan(Optional.empty()), NO_RULES);

        assertThat(json.get("lossy").asBoolean()).isTrue();
        assertThat(json.get("steps")).hasSize(2);
        assertThat(json.at("/steps/0/rules/1/id").asText()).isEqualTo("serve.v1.data");
        assertThat(json.at("/steps/1/breakingChanges/1").asText()).isEqualTo("API prefix /v2");
        assertThat(json.at("/alternatives/0/1").asText()).isEqualTo("0.5.0");
    }

    private static RunResult run(boolean dryRun) {
        return new RunResult(plan(Optional.empty()), dryRun,
                List.of(new FileChange(FileChange.Kind.CHANGED, "config/server.toml", Optional.empty(),
                                Optional.of("--- a/config/server.toml\n+++ b/config/server.toml\n@@ -1 +1 @@\n-host = 1\n+bind_address = 1\n")),
                        new FileChange(FileChange.Kind.MOVED, "data/b.jsonl", Optional.of("data/a.jsonl"), Optional.empty())),
                List.of(new RunWarning("serve.v1.config", "config/server.toml", "port and http_port both set; kept http_port")),
                new TreeMap<>(Map.of("records", 12L, "bytes_saved", 0L)),
                dryRun ? Optional.empty() : Optional.of("20250101T000000Z"), Duration.ofMillis(321), Optional.empty());
    }

    @Test
    void aDryRunShowsEachChangeWithItsDiffAndNoDuration() {
        String text = RunView.text(run(true), NO_RULES, Scope.VERSION, false, "migrate rollback --path inst --backup-id 20250101T000000Z");

        assertThat(text).contains("changes that would be made (dry run: nothing was written):\n"
                + "  changed config/server.toml\n"
                + "--- a/config/server.toml\n+++ b/config/server.toml\n@@ -1 +1 @@\n-host = 1\n+bind_address = 1\n"
                + "  moved data/a.jsonl -> data/b.jsonl\n"
                + "warnings:\n"
                + "  config/server.toml: port and http_port both set; kept http_port (serve.v1.config)\n"
                + "counters:\n"
                + "  bytes_saved  0\n"
                + "  records      12\n"
                + "dry run: serve 0.1.0 -> 2.0.0 would change 2 files\n");
        assertThat(text).doesNotContain("duration", "backup:");
    }

    @Test
    void aRealRunNamesItsBackupAndOnlyVerboseShowsTheDuration() {
        assertThat(RunView.text(run(false), NO_RULES, Scope.VERSION, false, "migrate rollback --path inst --backup-id 20250101T000000Z"))
                .contains("backup: 20250101T000000Z (undo with: migrate rollback --path inst --backup-id 20250101T000000Z)\n"
                        + "done: serve 0.1.0 -> 2.0.0, 2 files changed\n")
                .doesNotContain("--- a/config", "duration");
        assertThat(RunView.text(run(false), NO_RULES, Scope.VERSION, true, "")).endsWith("duration: 0.321 s\n");
        assertThat(RunView.json(run(false), NO_RULES, Scope.VERSION, false).has("durationMillis")).isFalse();
        assertThat(RunView.json(run(false), NO_RULES, Scope.VERSION, true).get("durationMillis").asLong()).isEqualTo(321);
    }

    @Test
    void runJsonRendersAsOneDocumentWithStableKeys() throws Exception {
        String rendered = Output.render(RunView.json(run(true), NO_RULES, Scope.VERSION, false));

        JsonNode parsed = new ObjectMapper().readTree(rendered);
        assertThat(rendered).endsWith("}\n").contains("\n  \"dryRun\": true,\n");
        assertThat(parsed.fieldNames()).toIterable()
                .containsExactly("dryRun", "plan", "changes", "warnings", "counters", "backupId", "recovered",
                "service");
        assertThat(parsed.at("/changes/1/from").asText()).isEqualTo("data/a.jsonl");
        assertThat(parsed.at("/counters").fieldNames()).toIterable().containsExactly("bytes_saved", "records");
    }

    @Test
    void findingsAreGroupedByCategoryWithSeverityLocationAndRemedy() {
        ValidationReport report = new ValidationReport("serve", "2.1.0", List.of(
                new Finding("serve.schema.config", ValidationCategory.SCHEMA, Severity.ERROR, "config/server.toml",
                        Optional.of("key server.http_port"), "http_port must be an integer", "set a port number"),
                new Finding("serve.integrity.sha", ValidationCategory.INTEGRITY, Severity.WARNING,
                        "models/a/metadata.json", Optional.empty(), "sha256 of model.bin differs", "re-run the migration"),
                new Finding("serve.schema.data", ValidationCategory.SCHEMA, Severity.INFO, "data/a.jsonl",
                        Optional.of("line 7"), "record has no model", "add one")));

        assertThat(ValidationView.text(report)).containsExactly(
                "validate serve 2.1.0: 1 errors, 1 warnings, 1 notes: NOT valid",
                "schema:",
                "  error   config/server.toml (key server.http_port): http_port must be an integer",
                "          fix: set a port number (serve.schema.config)",
                "  info    data/a.jsonl:7: record has no model",
                "          fix: add one (serve.schema.data)",
                "integrity:",
                "  warning models/a/metadata.json: sha256 of model.bin differs",
                "          fix: re-run the migration (serve.integrity.sha)");
        JsonNode json = ValidationView.json(report);
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("findings").fieldNames()).toIterable().containsExactly("schema", "integrity");
        assertThat(json.at("/findings/schema/0/location").asText()).isEqualTo("key server.http_port");
    }

    @Test
    void aCleanInstallationValidates() {
        ValidationReport report = new ValidationReport("serve", "1.0.0", List.of());

        assertThat(ValidationView.text(report)).containsExactly("validate serve 1.0.0: no findings, the installation is valid");
        assertThat(ValidationView.json(report).get("valid").asBoolean()).isTrue();
    }

    @Test
    void statusShowsTheHistoryTableChangedRulesAndTheInterruptedMigration() {
        HistoryEntry step = new HistoryEntry(1, "serve", "version", "0.1.0", "1.0.0",
                new TreeMap<>(Map.of("serve.v1.config", "0123456789abcdef", "serve.v1.data", "fedcba9876543210")),
                Instant.parse("2025-01-02T10:00:00.123Z"), Duration.ofMillis(250), "success");
        StatusReport report = new StatusReport(Path.of("inst"), "serve", Optional.of("1.0.0"), List.of(step),
                List.of("serve.v1.data: recorded fedcba98, now 11111111"), Optional.of("0.1.0 -> 1.0.0 stopped while committing"), Optional.empty());

        assertThat(StatusView.text(report, "inst")).containsExactly(
                "installation: inst",
                "product: serve",
                "version: 1.0.0",
                "history:",
                "  step  scope    from -> to      rules                                             started               duration  outcome",
                "  1     version  0.1.0 -> 1.0.0  serve.v1.config@01234567, serve.v1.data@fedcba98  2025-01-02T10:00:00Z  0.250 s   success",
                "changed rules (their output may differ from what the history recorded):",
                "  serve.v1.data: recorded fedcba98, now 11111111",
                "interrupted migration: 0.1.0 -> 1.0.0 stopped while committing");
        JsonNode json = StatusView.json(report, "inst");
        assertThat(json.at("/history/0/checksums/serve.v1.data").asText()).isEqualTo("fedcba9876543210");
        assertThat(json.get("interrupted").asText()).isEqualTo("0.1.0 -> 1.0.0 stopped while committing");
    }

    @Test
    void aNeverMigratedInstallationHasNoHistory() {
        StatusReport report = new StatusReport(Path.of("inst"), "serve", Optional.of("0.1.0"), List.of(), List.of(),
                Optional.empty(), Optional.empty());

        assertThat(StatusView.text(report, "inst")).contains("history: none (never migrated)", "changed rules: none",
                "interrupted migration: none");
    }
}
