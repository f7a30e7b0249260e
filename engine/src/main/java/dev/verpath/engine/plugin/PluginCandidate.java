package dev.verpath.engine.plugin;

import dev.verpath.engine.settings.PluginPin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.pf4j.PluginDescriptor;

/** An archive, staged and hashed, with its descriptor when it has one; no class of it is loaded. */
record PluginCandidate(Path archive, Optional<PluginStaging.Staged> staged, Optional<PluginDescriptor> descriptor,
                       Optional<String> requires, Optional<String> problem) {

    static PluginCandidate examine(Path archive, PluginStaging staging, PluginHost host) {
        PluginStaging.Staged staged;
        try {
            staged = staging.stage(archive);
        } catch (IOException e) {
            return new PluginCandidate(archive, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of("the archive cannot be read (" + e.getMessage() + ")"));
        }
        try {
            PluginDescriptor descriptor = host.describe(staged.path());
            if (blank(descriptor.getPluginId()) || blank(descriptor.getVersion())) {
                return new PluginCandidate(archive, Optional.of(staged), Optional.empty(), Optional.empty(),
                        Optional.of("its descriptor needs a Plugin-Id and a Plugin-Version"));
            }
            return new PluginCandidate(archive, Optional.of(staged), Optional.of(descriptor),
                    RulesApiRange.stated(staged.path(), descriptor), Optional.empty());
        } catch (RuntimeException e) {
            return new PluginCandidate(archive, Optional.of(staged), Optional.empty(), Optional.empty(), Optional.of(
                    "it has no plugin descriptor (Plugin-Id and Plugin-Version in META-INF/MANIFEST.MF, or plugin.properties)"));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    String id() {
        return descriptor.map(PluginDescriptor::getPluginId).orElse("-");
    }

    String version() {
        return descriptor.map(PluginDescriptor::getVersion).orElse("-");
    }

    String sha256() {
        return staged.map(PluginStaging.Staged::sha256).orElse("-");
    }

    /** Why the archive must not load, checked in this order; empty when it may. */
    Optional<String> refusal(List<PluginCandidate> all, Optional<List<PluginPin>> allow) {
        if (problem.isPresent()) {
            return problem;
        }
        String id = id();
        if (allow.isPresent()) {
            Optional<PluginPin> pin = allow.get().stream().filter(p -> p.id().equals(id)).findFirst();
            if (pin.isEmpty()) {
                return Optional.of("plugin '" + id + "' is not listed in [plugins] allow of the migration config");
            }
            if (!pin.get().sha256().equals(sha256())) {
                return Optional.of("the SHA-256 of plugin '" + id + "' is " + sha256() + ", not the " + pin.get().sha256()
                        + " that [plugins] allow pins");
            }
        }
        List<String> twins = all.stream().filter(c -> c != this && c.id().equals(id))
                .map(c -> c.archive().toString()).toList();
        if (!twins.isEmpty()) {
            return Optional.of("plugin id '" + id + "' is also used by " + String.join(", ", twins) + "; remove all but one");
        }
        Optional<String> api = RulesApiRange.refusal(id, requires);
        if (api.isPresent()) {
            return api;
        }
        if (!descriptor.orElseThrow().getDependencies().isEmpty()) {
            return Optional.of("plugin '" + id + "' depends on other plugins (Plugin-Dependencies), which is not supported");
        }
        return BundledApi.find(staged.orElseThrow().path())
                .map(found -> "plugin '" + id + "' bundles its own copy of " + found + "; declare rules-api as a provided dependency");
    }

    PluginStatus status(Optional<String> refusal, List<LoadedRuleSet> ruleSets) {
        return new PluginStatus(id(), version(), archive, sha256(), requires, refusal, ruleSets);
    }
}
