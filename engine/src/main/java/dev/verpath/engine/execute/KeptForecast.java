package dev.verpath.engine.execute;

import dev.verpath.engine.files.Glob;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.model.ReuseForecast;
import dev.verpath.engine.plan.MigrationPlan;
import dev.verpath.engine.plan.PlanStep;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.reuse.PassOutputs;
import dev.verpath.engine.reuse.StepCache;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.validate.InstallationValidator;
import dev.verpath.engine.workspace.Installation;
import dev.verpath.engine.workspace.LiveTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What {@code migrate version} would reuse from the step cache ({@code migrate info}): the files of the plan's first
 * record pass whose output is kept for their bytes now, found as the run finds them (a file is hashed only when an
 * entry of its path is kept and no stamp vouches for it). Later passes read what earlier steps wrote, so only the
 * first is told. Reads the cache, writes nothing. Stateless.
 */
public final class KeptForecast {

    private KeptForecast() {
    }

    /**
     * @param registry the loaded rules
     * @param settings the effective settings
     * @param plan     the plan of {@code migrate version} for the installation
     * @param root     the installation
     * @return what would be reused
     */
    public static ReuseForecast of(RuleRegistry registry, EngineSettings settings, MigrationPlan plan, Path root) {
        Installation installation = Installation.at(root);
        StepCache cache = StepCache.open(settings, installation.stateFolder(), false);
        List<PlanStep> steps = plan.steps();
        RecordPasses passes = RecordPasses.of(plan.product(), steps, registry, settings, new InstallationValidator(registry,
                settings.maxRecordBytes()), ProgressListener.NONE, cache);
        Optional<List<PlanStep>> pass = steps.isEmpty() || !settings.dataRulesEnabled() ? Optional.empty() : passes.passOf(0);
        int files = 0;
        long bytes = 0;
        int ofFiles = 0;
        long ofBytes = 0;
        if (pass.isPresent()) {
            Path absolute = installation.root().toAbsolutePath().normalize();
            PassOutputs kept = passes.kept(pass.get(), ResolvedRun.recordRun(registry, settings, plan.product(), plan.lossy()),
                    settings.validateBeforeMigration(), p -> absolute.resolve(p));
            try {
                for (String path : files(absolute, RecordPasses.globs(pass.get()))) {
                    Path file = absolute.resolve(path);
                    long size = Files.size(file);
                    ofFiles++;
                    ofBytes += size;
                    if (kept.find(path, () -> HashCache.hash(file)).isPresent()) {
                        files++;
                        bytes += size;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ReuseForecast(files, bytes, ofFiles, ofBytes, cache.folder(), cache.size(), cache.maxBytes());
    }

    /** The regular files under the root, outside its state folder, that a glob matches, sorted. */
    private static TreeSet<String> files(Path root, java.util.Set<String> globs) throws IOException {
        List<Glob> patterns = globs.stream().map(Glob::of).toList();
        TreeSet<String> found = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> !p.startsWith(root.resolve(LiveTree.STATE_FOLDER)))
                    .filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .map(p -> root.relativize(p).toString().replace(java.io.File.separatorChar, '/'))
                    .filter(p -> patterns.stream().anyMatch(g -> g.matches(p))).forEach(found::add);
        }
        return found;
    }
}
