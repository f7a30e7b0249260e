package dev.verpath.engine.plugin;

import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.settings.PluginPin;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.pf4j.PluginDescriptor;

/**
 * Builds the {@link RuleRegistry} through PF4J: the built-in rule sets (PF4J extensions on the class path,
 * listed in {@code META-INF/extensions.idx}) and the rule sets of the plugin archives ({@code .jar} or
 * {@code .zip}) in the plugin folders.
 *
 * <p>Each archive is first copied to a private staging folder and hashed ({@link PluginStaging}); its
 * descriptor is read from the copy without loading a class. Before any of its classes load, an archive is
 * refused when it has no descriptor, when {@code [plugins] allow} is set and does not list its id with its
 * SHA-256, when another archive has the same plugin id, when it states no rules-api range or one that does
 * not contain this engine's ({@code Verpath-Rules-Api} or {@code Plugin-Requires}, see {@link RulesApiRange}), when it bundles its own copy of the rules API, or when
 * it depends on other plugins. What passes is loaded by PF4J; a plugin whose classes then fail to load or
 * whose rule sets throw is refused too. A refused plugin is reported in {@link LoadedRules#plugins()} and
 * left out; the others load. Edges claimed twice are an error of the whole load ({@link RuleConflictException}).
 *
 * <p>Not thread-safe; one loader serves one command.
 */
public final class RuleSetLoader {

    private final Optional<List<PluginPin>> allow;
    private final Map<String, String> preferences;

    /**
     * @param allow       the pinned plugins ({@code [plugins] allow}); empty: every plugin may load
     * @param preferences which owner wins an edge several claim ({@code [plugins] prefer})
     */
    public RuleSetLoader(Optional<List<PluginPin>> allow, Map<String, String> preferences) {
        this.allow = allow.map(List::copyOf);
        this.preferences = Map.copyOf(preferences);
    }

    /**
     * A loader with the pinning and preferences of the settings.
     *
     * @param settings the effective settings
     * @return the loader
     */
    public static RuleSetLoader of(EngineSettings settings) {
        return new RuleSetLoader(settings.pluginAllowList(), settings.edgePreferences());
    }

    /**
     * The plugin folders to load from, in order: the distribution's own folder, then {@code plugins.dir}
     * ({@code --plugins-dir}, else {@code $MIGRATE_PLUGINS_DIR}, else {@code [plugins] dir}); none when
     * {@code plugins.enabled} is false ({@code --no-plugins}). A distribution without a plugins folder has none;
     * a {@code plugins.dir} that is not a folder is refused, since the rules the user expects from it would be
     * missing from the plan.
     *
     * @param settings     the effective settings
     * @param distribution the distribution's plugins folder, when the command runs from one
     * @return the existing folders, without repeats
     * @throws MigrationException with {@link ErrorCode#USAGE} naming the folder and where it was given when
     *                            {@code plugins.dir} does not exist or is not a folder
     */
    public static List<Path> folders(EngineSettings settings, Optional<Path> distribution) {
        if (!settings.pluginsEnabled()) {
            return List.of();
        }
        for (Path dir : settings.pluginDirs()) {
            if (!Files.isDirectory(dir)) {
                throw new InputFailure(ErrorCode.USAGE, dir.toAbsolutePath().normalize() + ": "
                        + (Files.exists(dir) ? "not a folder" : "no such folder") + " (the plugins folder given by "
                        + settings.sourceOf("plugins.dir", "--plugins-dir") + "); give the folder that holds the plugin "
                        + "archives, or pass --no-plugins");
            }
        }
        Set<Path> folders = new LinkedHashSet<>();
        Stream.concat(distribution.stream().filter(Files::isDirectory), settings.pluginDirs().stream())
                .map(p -> p.toAbsolutePath().normalize())
                .forEach(folders::add);
        return List.copyOf(folders);
    }

    /**
     * Loads the built-in rule sets and those of the plugin archives in the folders.
     *
     * @param folders plugin folders (see {@link #folders})
     * @return the registry and the state of every plugin archive found
     * @throws RuleConflictException when owners claim one edge and kind and the preferences pick none
     * @throws MigrationException    with {@link ErrorCode#RULE_SET_INVALID} when the rule sets conflict
     *                               otherwise, or {@link ErrorCode#IO_FAILED} when a folder cannot be listed
     */
    public LoadedRules load(List<Path> folders) {
        return load(folders, Set.of());
    }

    /**
     * Loads the built-in rule sets and those of the plugin archives in the folders; archives in a trusted folder
     * (the distribution's own, which ships with the release) need no entry in {@code [plugins] allow}.
     *
     * @param folders plugin folders (see {@link #folders})
     * @param trusted the folders whose archives the allow list does not apply to
     * @return the registry and the state of every plugin archive found
     */
    public LoadedRules load(List<Path> folders, Set<Path> trusted) {
        Set<Path> trustedFolders = new java.util.HashSet<>();
        trusted.forEach(t -> trustedFolders.add(t.toAbsolutePath().normalize()));
        PluginHost host = new PluginHost();
        List<LoadedRuleSet> ruleSets = new ArrayList<>();
        host.getExtensions(RuleSet.class, null).stream()
                .sorted(Comparator.comparing(RuleSet::id))
                .forEach(set -> ruleSets.add(new LoadedRuleSet(set, LoadedRuleSet.BUILT_IN)));
        List<PluginStatus> statuses = new ArrayList<>();
        List<Path> archives = archives(folders);
        if (!archives.isEmpty()) {
            PluginStaging staging = staging();
            List<Candidate> candidates = archives.stream().map(a -> Candidate.examine(a, staging, host)).toList();
            for (Candidate candidate : candidates) {
                boolean shipped = trustedFolders.contains(candidate.archive().toAbsolutePath().normalize().getParent());
                Optional<String> refusal = candidate.refusal(candidates, shipped ? Optional.empty() : allow);
                if (refusal.isPresent()) {
                    statuses.add(candidate.status(refusal, List.of()));
                    continue;
                }
                PluginStatus status = PluginActivation.activate(host, candidate);
                statuses.add(status);
                ruleSets.addAll(status.ruleSets());
            }
        }
        statuses.sort(Comparator.comparing(PluginStatus::id).thenComparing(p -> p.archive().toString()));
        List<LoadedRuleSet> ordered = new ArrayList<>(ruleSets.stream().filter(LoadedRuleSet::builtIn).toList());
        ruleSets.stream().filter(l -> !l.builtIn())
                .sorted(Comparator.comparing(LoadedRuleSet::owner).thenComparing(l -> l.ruleSet().id()))
                .forEach(ordered::add);
        return new LoadedRules(RuleRegistry.of(ordered, preferences), statuses);
    }

    private static PluginStaging staging() {
        try {
            return PluginStaging.create();
        } catch (IOException e) {
            throw new EnvironmentFailure("cannot create a staging folder for plugins in the temporary folder ("
                    + e.getMessage() + "); free some space or set java.io.tmpdir", e);
        }
    }

    private static List<Path> archives(List<Path> folders) {
        List<Path> archives = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> entries = Files.list(folder)) {
                entries.filter(Files::isRegularFile).filter(PluginStaging::isArchive).sorted().forEach(archives::add);
            } catch (IOException e) {
                throw new EnvironmentFailure(folder + ": cannot list the plugins folder (" + e.getMessage()
                        + "); fix its permissions or pass --no-plugins", e);
            }
        }
        return archives;
    }

    /** An archive, staged and hashed, with its descriptor when it has one; no class of it is loaded. */
    record Candidate(Path archive, Optional<PluginStaging.Staged> staged, Optional<PluginDescriptor> descriptor,
                     Optional<String> requires, Optional<String> problem) {

        static Candidate examine(Path archive, PluginStaging staging, PluginHost host) {
            PluginStaging.Staged staged;
            try {
                staged = staging.stage(archive);
            } catch (IOException e) {
                return new Candidate(archive, Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of("the archive cannot be read (" + e.getMessage() + ")"));
            }
            try {
                PluginDescriptor descriptor = host.describe(staged.path());
                if (blank(descriptor.getPluginId()) || blank(descriptor.getVersion())) {
                    return new Candidate(archive, Optional.of(staged), Optional.empty(), Optional.empty(),
                            Optional.of("its descriptor needs a Plugin-Id and a Plugin-Version"));
                }
                return new Candidate(archive, Optional.of(staged), Optional.of(descriptor),
                        RulesApiRange.stated(staged.path(), descriptor), Optional.empty());
            } catch (RuntimeException e) {
                return new Candidate(archive, Optional.of(staged), Optional.empty(), Optional.empty(), Optional.of(
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
        Optional<String> refusal(List<Candidate> all, Optional<List<PluginPin>> allow) {
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
}
