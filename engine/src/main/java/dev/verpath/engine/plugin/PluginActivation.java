package dev.verpath.engine.plugin;

import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.RecordCheck;
import dev.verpath.rules.RuleSet;
import dev.verpath.rules.ValidationRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.pf4j.PluginState;

/**
 * Loads one plugin that passed the loader's checks into PF4J, starts it and takes its rule sets. Its code
 * runs from here on (class initializers, the plugin class, the rule sets' constructors and accessors), so
 * every failure is caught and turns into a refusal of this plugin alone; a refused plugin is unloaded again.
 */
final class PluginActivation {

    private PluginActivation() {
    }

    static PluginStatus activate(PluginHost host, PluginCandidate candidate) {
        String id = candidate.id();
        String loadedId;
        try {
            loadedId = host.loadPlugin(candidate.staged().orElseThrow().path());
        } catch (RuntimeException | LinkageError e) {
            return candidate.status(Optional.of("plugin '" + id + "' could not be loaded: " + describe(e)), List.of());
        }
        Optional<String> refusal;
        List<LoadedRuleSet> ruleSets = new ArrayList<>();
        try {
            PluginState state = host.startPlugin(loadedId);
            if (state != PluginState.STARTED) {
                refusal = Optional.of("plugin '" + id + "' did not start (its Plugin-Class "
                        + candidate.descriptor().orElseThrow().getPluginClass() + " could not be created)");
            } else {
                List<RuleSet> sets = new ArrayList<>(host.getExtensions(RuleSet.class, loadedId));
                sets.sort(Comparator.comparing(RuleSet::id));
                for (RuleSet set : sets) {
                    check(set);
                    String sha256 = candidate.staged().orElseThrow().sha256();
                    ruleSets.add(LoadedRuleSet.ofPlugin(set, id, candidate.version(), sha256));
                }
                refusal = ruleSets.isEmpty()
                        ? Optional.of("plugin '" + id + "' brings no rule set (its META-INF/extensions.idx lists no "
                                + RuleSet.class.getName() + " extension that loads)")
                        : Optional.empty();
            }
        } catch (RuntimeException | LinkageError e) {
            refusal = Optional.of("plugin '" + id + "' failed while loading its rule sets: " + describe(e));
        }
        if (refusal.isPresent()) {
            unload(host, loadedId);
            return candidate.status(refusal, List.of());
        }
        return candidate.status(Optional.empty(), ruleSets);
    }

    /** Calls everything the registry will call, so a rule set that throws is refused here, with its plugin. */
    private static void check(RuleSet set) {
        String setId = set.id();
        if (setId == null || setId.isBlank()) {
            throw new IllegalStateException("a rule set has no id");
        }
        set.products().forEach(p -> p.name());
        for (MigrationRule rule : set.rules()) {
            rule.descriptor().id();
        }
        for (ValidationRule rule : set.validations()) {
            rule.descriptor().id();
        }
        for (RecordCheck check : set.recordChecks()) {
            check.descriptor().id();
        }
        set.flags().forEach(f -> f.name());
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + message;
    }

    private static void unload(PluginHost host, String pluginId) {
        try {
            host.unloadPlugin(pluginId);
        } catch (RuntimeException e) {
            // the plugin is refused either way; its rule sets are not in the registry
        }
    }
}
