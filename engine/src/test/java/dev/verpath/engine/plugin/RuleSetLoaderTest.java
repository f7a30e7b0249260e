package dev.verpath.engine.plugin;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.settings.PluginPin;
import dev.verpath.rules.MigrationRule;
import dev.verpath.testsupport.PluginArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static dev.verpath.testsupport.RuleSetSource.ruleSet;
import static dev.verpath.testsupport.RuleSetSource.writes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleSetLoaderTest {

    @TempDir
    Path dir;

    private Path plugins() {
        return dir.resolve("plugins");
    }

    private static LoadedRules load(Path folder) {
        return new RuleSetLoader(Optional.empty(), Map.of()).load(List.of(folder));
    }

    private static PluginArchive gadget(String id, String staticBlock) {
        return PluginArchive.named(id).ruleSet("test." + id.replace('-', '_') + ".GadgetRules",
                ruleSet("test." + id.replace('-', '_') + ".GadgetRules", id + "-rules", "gadget", id + ".config",
                        "1.0.0", "2.0.0", "context.workspace().writeString(\"gadget.conf\", \"v2\\n\");", staticBlock));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static PluginStatus only(LoadedRules rules) {
        assertThat(rules.plugins()).hasSize(1);
        return rules.plugins().get(0);
    }

    @Test
    void loadsAPluginJarWithItsProductEdgeAndHash() throws Exception {
        Path jar = gadget("gadget", "").jar(plugins());

        LoadedRules rules = load(plugins());

        PluginStatus status = only(rules);
        assertThat(status.state()).isEqualTo("loaded");
        assertThat(status.id()).isEqualTo("gadget");
        assertThat(status.version()).isEqualTo("1.0.0");
        assertThat(status.sha256()).isEqualTo(sha256(jar));
        assertThat(status.products()).containsExactly("gadget");
        assertThat(status.edges()).containsExactly("gadget 1.0.0 -> 2.0.0 (config)");
        assertThat(rules.registry().product("gadget")).isPresent();
        assertThat(rules.registry().rules()).extracting(r -> r.descriptor().id()).containsExactly("gadget.config");
        assertThat(rules.registry().origin("gadget.config")).contains("plugin gadget@1.0.0");
        assertThat(rules.registry().ruleSets()).singleElement().satisfies(l -> assertThat(l.owner()).isEqualTo("gadget"));
    }

    @Test
    void loadsAPluginZipInPf4jLayout() throws Exception {
        Path zip = gadget("zipped", "").zip(plugins());

        PluginStatus status = only(load(plugins()));

        assertThat(status.state()).isEqualTo("loaded");
        assertThat(status.sha256()).isEqualTo(sha256(zip));
        assertThat(status.ruleSets()).extracting(l -> l.ruleSet().id()).containsExactly("zipped-rules");
    }

    @Test
    void aJarHoldingPluginPropertiesIsDescribedByThemAheadOfItsManifestAsInPf4j() throws Exception {
        gadget("described", "").file("plugin.properties", "plugin.id=described\nplugin.version=3.1.0\n").jar(plugins());

        PluginStatus status = only(load(plugins()));

        assertThat(status.state()).isEqualTo("loaded");
        assertThat(status.version()).isEqualTo("3.1.0"); // the manifest says 1.0.0
    }

    @Test
    void refusesAPluginBuiltForAnotherApiMajorBeforeAnyOfItsCodeRuns() throws IOException {
        Path canary = dir.resolve("canary-ran");
        gadget("future", writes(canary)).requires(">=3.0.0 <4.0.0").jar(plugins());

        LoadedRules rules = load(plugins());

        assertThat(only(rules).state()).isEqualTo("refused: plugin 'future' needs rules-api >=3.0.0 <4.0.0, but this engine has"
                + " rules-api " + dev.verpath.rules.RulesApi.VERSION + "; install a build of the plugin made for rules-api 2.x");
        assertThat(rules.registry().products()).isEmpty();
        assertThat(canary).doesNotExist();
    }

    @Test
    void refusesAPluginThatStatesNoApiRange() throws IOException {
        gadget("vague", "").withoutRequires().jar(plugins());

        assertThat(only(load(plugins())).refusal()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("plugin 'vague' states no rules-api range").contains("Verpath-Rules-Api: >=2.0.0 <3.0.0"));
    }

    @Test
    void readsPf4jPluginRequiresWhenTheRangeAttributeIsMissing() throws IOException {
        gadget("pf4j-style", "").withoutRequires().pf4jRequires(">=3.0.0 <4.0.0").jar(plugins());

        PluginStatus status = only(load(plugins()));

        assertThat(status.requires()).contains(">=3.0.0 <4.0.0");
        assertThat(status.refusal()).hasValueSatisfying(r -> assertThat(r).contains("needs rules-api >=3.0.0 <4.0.0"));
    }

    @Test
    void theRangeAttributeWinsOverPluginRequires() throws IOException {
        gadget("both", "").requires(">=2.0.0 <3.0.0").pf4jRequires("*").jar(plugins());

        PluginStatus status = only(load(plugins()));

        assertThat(status.requires()).contains(">=2.0.0 <3.0.0");
        assertThat(status.loaded()).isTrue();
    }

    @Test
    void readsABareApiVersionAsThatVersionOrANewerMinor() throws IOException {
        gadget("bare", "").requires("2.0.0").jar(plugins());
        gadget("old-major", "").requires("1.0.0").jar(dir.resolve("other"));

        assertThat(only(load(plugins())).loaded()).isTrue();
        assertThat(only(load(dir.resolve("other"))).refusal()).hasValueSatisfying(r ->
                assertThat(r).contains("'old-major' needs rules-api 1.0.0, but this engine has rules-api "
                        + dev.verpath.rules.RulesApi.VERSION));
    }

    @Test
    void underPinningRefusesAnUnlistedPluginBeforeItsStaticInitializerRuns() throws Exception {
        Path canary = dir.resolve("canary-ran");
        gadget("canary", writes(canary)).jar(plugins());
        RuleSetLoader pinned = new RuleSetLoader(Optional.of(List.of(new PluginPin("other", "a".repeat(64)))), Map.of());

        LoadedRules rules = pinned.load(List.of(plugins()));

        assertThat(only(rules).state())
                .isEqualTo("refused: plugin 'canary' is not listed in [plugins] allow of the migration config");
        assertThat(rules.registry().products()).isEmpty();
        assertThat(canary).doesNotExist();
    }

    @Test
    void theDistributionsOwnPluginsLoadUnderPinningWhileAnUnlistedTeamPluginIsRefused() throws Exception {
        Path shipped = Files.createDirectories(dir.resolve("distribution"));
        gadget("bundled", writes(dir.resolve("bundled-ran"))).jar(shipped);
        gadget("canary", writes(dir.resolve("canary-ran"))).jar(plugins());
        RuleSetLoader pinned = new RuleSetLoader(Optional.of(List.of(new PluginPin("other", "a".repeat(64)))), Map.of());

        LoadedRules rules = pinned.load(List.of(shipped, plugins()), java.util.Set.of(shipped));

        assertThat(rules.plugins()).extracting(PluginStatus::id, PluginStatus::loaded)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bundled", true),
                        org.assertj.core.groups.Tuple.tuple("canary", false));
    }

    @Test
    void underPinningRefusesAPluginWhoseArchiveHashDiffers() throws Exception {
        Path canary = dir.resolve("canary-ran");
        Path jar = gadget("canary", writes(canary)).jar(plugins());
        RuleSetLoader pinned = new RuleSetLoader(Optional.of(List.of(new PluginPin("canary", "0".repeat(64)))), Map.of());

        PluginStatus status = only(pinned.load(List.of(plugins())));

        assertThat(status.state()).isEqualTo("refused: the SHA-256 of plugin 'canary' is " + sha256(jar) + ", not the "
                + "0".repeat(64) + " that [plugins] allow pins");
        assertThat(canary).doesNotExist();
    }

    @Test
    void aPinnedPluginWithItsHashLoadsAndItsCanaryRuns() throws Exception {
        Path canary = dir.resolve("canary-ran");
        Path jar = gadget("canary", writes(canary)).jar(plugins());
        RuleSetLoader pinned = new RuleSetLoader(Optional.of(List.of(new PluginPin("canary", sha256(jar).toUpperCase()))), Map.of());

        PluginStatus status = only(pinned.load(List.of(plugins())));

        assertThat(status.loaded()).isTrue();
        assertThat(canary).hasContent("ran");
    }

    @Test
    void anEmptyAllowListRefusesEveryPlugin() throws IOException {
        gadget("gadget", "").jar(plugins());

        LoadedRules rules = new RuleSetLoader(Optional.of(List.of()), Map.of()).load(List.of(plugins()));

        assertThat(only(rules).loaded()).isFalse();
    }

    @Test
    void refusesEveryArchiveOfAPluginIdFoundTwice() throws IOException {
        gadget("twin", "").jar(plugins());
        gadget("twin", "").version("1.1.0").jar(plugins());

        LoadedRules rules = load(plugins());

        assertThat(rules.plugins()).hasSize(2).allSatisfy(p -> assertThat(p.refusal()).hasValueSatisfying(r ->
                assertThat(r).startsWith("plugin id 'twin' is also used by ").endsWith("; remove all but one")));
        assertThat(rules.registry().products()).isEmpty();
    }

    @Test
    void refusesAPluginThatBundlesTheRulesApi() throws IOException {
        gadget("fat", "").file("dev/verpath/rules/RuleSet.class", "not really a class").jar(plugins());

        assertThat(only(load(plugins())).refusal()).contains(
                "plugin 'fat' bundles its own copy of dev/verpath/rules/; declare rules-api as a provided dependency");
    }

    @Test
    void refusesAnArchiveWithoutDescriptorAndKeepsTheOthers() throws IOException {
        gadget("gadget", "").jar(plugins());
        Files.writeString(plugins().resolve("junk.jar"), "not a jar");

        LoadedRules rules = load(plugins());

        assertThat(rules.plugins()).extracting(PluginStatus::id, PluginStatus::loaded)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("-", false), org.assertj.core.groups.Tuple.tuple("gadget", true));
        assertThat(rules.refused().get(0).refusal().orElseThrow()).contains("no plugin descriptor");
    }

    @Test
    void refusesAPluginWhoseRuleSetFailsToInitialiseAndKeepsTheOthers() throws IOException {
        gadget("gadget", "").jar(plugins());
        PluginArchive.named("broken").ruleSet("test.broken.Rules", ruleSet("test.broken.Rules", "broken-rules", null,
                "broken.config", "2.0.0", "3.0.0", "", "if (true) throw new IllegalStateException(\"no config today\");")).jar(plugins());

        LoadedRules rules = load(plugins());

        assertThat(rules.refused()).singleElement().satisfies(p -> assertThat(p.refusal().orElseThrow())
                .startsWith("plugin 'broken' failed while loading its rule sets: IllegalStateException: no config today"));
        assertThat(rules.registry().rules()).extracting(r -> r.descriptor().id()).containsExactly("gadget.config");
    }

    @Test
    void refusesAPluginThatBringsNoRuleSet() throws IOException {
        PluginArchive.named("empty").source("test.empty.Nothing", "package test.empty; public class Nothing {}").jar(plugins());

        assertThat(only(load(plugins())).refusal()).hasValueSatisfying(r -> assertThat(r).contains("brings no rule set"));
    }

    @Test
    void twoPluginsClaimingOneEdgeAndKindFailTheLoadNamingBoth() throws IOException {
        gadget("gadget", "").jar(plugins());
        PluginArchive.named("rival").ruleSet("test.rival.Rules", ruleSet("test.rival.Rules", "rival-rules", null, "rival.config",
                "1.0.0", "2.0.0", "", "")).jar(plugins());

        assertThatThrownBy(() -> load(plugins()))
                .isInstanceOf(RuleConflictException.class)
                .hasMessage("edge gadget 1.0.0 -> 2.0.0 config is claimed by both plugin gadget@1.0.0 and plugin rival@1.0.0;"
                        + " remove one of the plugins, or choose the winner in migration_config.toml:"
                        + " [plugins] prefer = { \"gadget 1.0.0 -> 2.0.0 config\" = \"rival\" }")
                .satisfies(e -> assertThat(((RuleConflictException) e).code()).isEqualTo(ErrorCode.RULE_SET_INVALID));
    }

    @Test
    void thePreferredPluginWinsAClaimedEdgeAndTheOtherRulesStay() throws IOException {
        gadget("gadget", "").jar(plugins());
        PluginArchive.named("rival").ruleSet("test.rival.Rules", ruleSet("test.rival.Rules", "rival-rules", null, "rival.config",
                "1.0.0", "2.0.0", "", "")).jar(plugins());

        LoadedRules rules = new RuleSetLoader(Optional.empty(), Map.of("gadget 1.0.0 -> 2.0.0 config", "rival"))
                .load(List.of(plugins()));

        assertThat(rules.registry().rules()).extracting(MigrationRule::descriptor).extracting(d -> d.id())
                .containsExactly("rival.config");
        assertThat(rules.registry().overridden()).containsExactly(Map.entry("gadget.config", "plugin rival@1.0.0"));
        assertThat(rules.registry().product("gadget")).isPresent();
    }

    @Test
    void withoutFoldersOnlyClassPathRuleSetsLoad() {
        LoadedRules rules = new RuleSetLoader(Optional.empty(), Map.of()).load(List.of());

        assertThat(rules.plugins()).isEmpty();
        assertThat(rules.registry().ruleSets()).allMatch(LoadedRuleSet::builtIn);
    }

    @Test
    void leavesTheArchiveInThePluginsFolderAsItWas() throws Exception {
        Path jar = gadget("gadget", "").jar(plugins());
        String before = sha256(jar);

        load(plugins());

        assertThat(sha256(jar)).isEqualTo(before);
        try (var files = Files.list(plugins())) {
            assertThat(files).containsExactly(jar);
        }
    }
}
