package dev.verpath.engine.execute;

import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.failure.LockHeldFailure;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.LinkedTreeCopy;
import dev.verpath.engine.journal.History;
import dev.verpath.engine.journal.HistoryEntry;
import dev.verpath.engine.release.ReleaseLayout;
import dev.verpath.engine.release.ReleaseLink;
import dev.verpath.engine.release.ReleaseSwitch;
import dev.verpath.engine.release.SwitchJournal;
import dev.verpath.engine.journal.InstallationLock;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.restore.InterruptedMigration;
import dev.verpath.engine.settings.HookSettings;
import dev.verpath.engine.workspace.Installation;
import dev.verpath.engine.workspace.LiveTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code migrate version --path SRC --into DEST}: the migrated installation is built beside the source, which is never
 * written (only its lock is taken, so that no other run changes it meanwhile). The new tree is made in a hidden
 * sibling of DEST ({@code .DEST.verpath-partial}, marked unfinished): every file of SRC hard-linked there (copied and
 * checked where DEST is on another file system), SRC's history copied, then migrated in place there without a backup
 * (SRC is the way back) and validated step by step; only then is it renamed to DEST. A failure removes it; a process
 * killed meanwhile leaves it marked unfinished, and the next run into DEST removes it.
 */
final class SideBySide {

    private static final Logger LOG = LoggerFactory.getLogger(SideBySide.class);

    private final LockedRun inPlace;
    private final java.util.function.Function<String, HookSettings> hooks;

    /**
     * @param inPlace how the new tree is migrated: an in-place run that runs no hooks
     * @param hooks   the hooks and health check for a product, which gate a {@code --switch}
     */
    SideBySide(LockedRun inPlace, java.util.function.Function<String, HookSettings> hooks) {
        this.inPlace = inPlace;
        this.hooks = hooks;
    }

    /**
     * @param request  the request, with {@code into}
     * @param progress receives one line per event
     * @param notices  receives what the user must hear even when progress is silenced
     * @return what the migration did, in DEST
     */
    RunResult run(RunRequest request, Consumer<String> progress, Consumer<String> notices) {
        Installation source = ResolvedRun.locate(request);
        Path dest = refuseUnusable(source.root(), request.into().orElseThrow());
        Optional<Path> link = request.link().map(l -> l.toAbsolutePath().normalize());
        Optional<Path> previous = link.flatMap(l -> ReleaseLink.current(l, "--switch"));
        link.ifPresent(SwitchJournal::refuseBusy);
        Path partial = ReleaseLayout.partialOf(dest);
        try (InstallationLock lock = InstallationLock.acquire(source.stateFolder())) {
            InterruptedMigration.underLock(source, notices).ifPresent(intent -> {
                throw InterruptedMigration.refusal(source, intent);
            });
            clearUnfinished(partial, notices);
            Files.createDirectories(partial.resolve(LiveTree.STATE_FOLDER));
            Files.writeString(partial.resolve(LiveTree.STATE_FOLDER).resolve(ReleaseLayout.MARKER), ProcessHandle.current().pid()
                    + " " + source.root() + "\n", StandardCharsets.UTF_8);
            progress.accept("building " + dest + " beside " + source.root() + " (its files hard-linked, never written)");
            LinkedTreeCopy copy = LinkedTreeCopy.of(source.root(), partial, Set.of(LiveTree.STATE_FOLDER));
            carryHistory(source, partial);
            LOG.info("{}: {} file(s) linked, {} copied from {}", partial, copy.linked(), copy.copied(), source.root());
            Instant started = Instant.now();
            RunResult result = inPlace.run(request.inPlaceAt(partial), progress, notices);
            recordBuild(partial, source, result, started);
            Files.delete(partial.resolve(LiveTree.STATE_FOLDER).resolve(ReleaseLayout.MARKER));
            if (Files.isDirectory(dest)) {
                Files.delete(dest); // empty: checked before
            }
            AtomicFiles.move(partial, dest);
            progress.accept("built " + dest + ": " + result.plan().product() + " " + result.plan().to() + "; "
                    + source.root() + " is unchanged at " + result.plan().from());
            return link.isEmpty() ? result : ReleaseSwitch.to(link.get(), previous, dest, result,
                    hooks.apply(result.plan().product()), progress);
        } catch (IOException e) {
            discard(partial);
            throw new EnvironmentFailure(partial + ": the new installation could not be built (" + e.getMessage()
                    + "); " + source.root() + " is unchanged; free space or fix permissions there, then run again", e);
        } catch (RuntimeException e) {
            discard(partial);
            throw e;
        }
    }

    /** Ends the new release's history with the entry that names the installation it was built from. */
    private static void recordBuild(Path partial, Installation source, RunResult result, Instant started)
            throws IOException {
        History history = History.in(partial.resolve(LiveTree.STATE_FOLDER));
        history.append(List.of(new HistoryEntry(history.read().size() + 1, result.plan().product(), HistoryEntry.INTO,
                result.plan().from(), result.plan().to(), new TreeMap<>(), started, Duration.between(started,
                Instant.now()), "success", Optional.of(source.root().toString()))));
    }

    private static Path refuseUnusable(Path source, Path asked) {
        Path dest = asked.toAbsolutePath().normalize();
        if (dest.startsWith(source) || source.startsWith(dest)) {
            throw new InputFailure(ErrorCode.USAGE, dest + ": --into must name a folder outside " + source
                    + " (and not around it); give a new folder beside it");
        }
        if (Files.exists(dest) && !isEmptyFolder(dest)) {
            throw new InputFailure(ErrorCode.USAGE, dest + ": exists and is not an empty folder; --into builds a new"
                    + " installation there: give a new folder, or empty this one");
        }
        if (dest.getParent() == null || !Files.isDirectory(dest.getParent())) {
            throw new InputFailure(ErrorCode.USAGE, dest + ": its parent folder does not exist; create it first");
        }
        return dest;
    }

    private static boolean isEmptyFolder(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes what a killed run left; refuses while the process that is building it lives. */
    private static void clearUnfinished(Path partial, Consumer<String> notices) throws IOException {
        if (!Files.exists(partial)) {
            return;
        }
        Path marker = partial.resolve(LiveTree.STATE_FOLDER).resolve(ReleaseLayout.MARKER);
        Optional<Long> pid = ReleaseLayout.builder(partial);
        if (pid.isPresent()) {
            throw new LockHeldFailure(partial + ": process " + pid.get() + " is building this installation now; wait for it"
                    + " to finish, then run again", marker, "process " + pid.get());
        }
        notices.accept("removing " + partial + ", left unfinished by a run that was stopped");
        AtomicFiles.deleteTree(partial);
    }

    private static void carryHistory(Installation source, Path partial) throws IOException {
        // copied, not linked: the run appends to it
        Path history = source.stateFolder().resolve(History.FILE);
        if (Files.isRegularFile(history)) {
            Files.copy(history, partial.resolve(LiveTree.STATE_FOLDER).resolve(History.FILE));
        }
    }

    private static void discard(Path partial) {
        try {
            AtomicFiles.deleteTree(partial);
        } catch (IOException e) {
            LOG.warn("{}: could not be removed ({}); the next run into it removes it", partial, e.getMessage());
        }
    }
}
