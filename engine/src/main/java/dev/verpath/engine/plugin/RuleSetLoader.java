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
            List<PluginCandidate> candidates = archives.stream().map(a -> PluginCandidate.examine(a, staging, host)).toList();
            for (PluginCandidate candidate : candidates) {
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
}
