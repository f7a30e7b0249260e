package dev.verpath.engine.release;

import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.journal.History;
import dev.verpath.engine.journal.HistoryEntry;
import dev.verpath.engine.journal.InstallationLock;
import dev.verpath.engine.model.SwitchResult;
import dev.verpath.engine.settings.HookSettings;
import dev.verpath.engine.workspace.Installation;
import dev.verpath.engine.workspace.LiveTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The releases behind a link: the folders beside the one it points at that are installations of the same product
 * ({@code /srv/serve/releases/0.1.0}, {@code .../2.1.0} behind {@code /srv/serve/current}), and the builds left
 * unfinished there. {@code migrate releases list|prune --link LINK} and {@code migrate rollback --path LINK}.
 */
public final class ReleaseLayout {

    /** What an unfinished build's hidden folder is called: {@code .NAME} then this. */
    public static final String PARTIAL = ".verpath-partial";

    /** The marker of an unfinished build, in its state folder: the process building it, and the source. */
    public static final String MARKER = "into-unfinished";

    /** What a release being pruned is renamed to first, so that a crash never leaves half a release that looks whole. */
    private static final String PRUNING = ".verpath-pruning";

    private final Path link;
    private final Function<String, HookSettings> hooks;

    private ReleaseLayout(Path link, Function<String, HookSettings> hooks) {
        this.link = link;
        this.hooks = hooks;
    }

    /**
     * @param link  the symbolic link the server reads through
     * @param hooks the hooks and health check for a product, which gate a switch
     * @return its releases
     */
    public static ReleaseLayout of(Path link, Function<String, HookSettings> hooks) {
        return new ReleaseLayout(link.toAbsolutePath().normalize(), hooks);
    }

    /**
     * Points the link back at the release the current one was built from, or finishes a switch that was interrupted.
     *
     * @param progress receives one line per event
     * @param notices  receives what the user must hear even when progress is silenced
     * @return what was done; empty when there is no release to switch back to (then restore a backup)
     */
    public Optional<SwitchResult> switchBack(Consumer<String> progress, Consumer<String> notices) {
        return new SwitchBack(hooks).run(link, progress, notices);
    }

    /**
     * What {@link #switchBack} would do, in words, so that the question asked before it can say it.
     *
     * @param notices told why the release the current one was built from cannot be switched to, when it cannot
     * @return the switch, when there is one to make
     */
    public Optional<String> pendingSwitchBack(Consumer<String> notices) {
        Optional<SwitchJournal.Intent> interrupted = SwitchJournal.read(link);
        if (interrupted.isPresent()) {
            return Optional.of("recover from " + interrupted.get().describe() + ", pointing " + link + " at "
                    + interrupted.get().recoverTo().map(Path::toString).orElse("nothing"));
        }
        Optional<Path> current = ReleaseLink.current(link, "--path");
        return current.flatMap(c -> SwitchBack.previousOf(c, notices)).map(p -> "switch " + link + " back from "
                + current.get() + " to " + p + ", the release it was built from");
    }

    /**
     * @return the releases beside the current one (itself included), oldest first; then unfinished builds
     * @throws InputFailure when the link is not a symbolic link or points nowhere
     */
    public List<Release> list() {
        Path current = current();
        Installation served = Installation.at(current);
        Optional<Path> previous = SwitchBack.previousOf(current, line -> { });
        List<Release> releases = new ArrayList<>();
        try (Stream<Path> entries = Files.list(current.getParent())) {
            for (Path folder : entries.sorted().toList()) {
                release(folder, served.product(), current, previous).ifPresent(releases::add);
            }
        } catch (IOException e) {
            throw new EnvironmentFailure(current.getParent() + ": cannot list the releases (" + e.getMessage()
                    + "); check its permissions", e);
        }
        releases.sort(Comparator.comparing((Release r) -> r.role().equals("unfinished")).thenComparing(Release::built)
                .thenComparing(Release::folder));
        return List.copyOf(releases);
    }

    /**
     * Deletes all but the newest {@code keep} releases, never the current or the previous one, nor one whose lock a
     * process holds; and unfinished builds whose process is gone.
     *
     * @param keep     how many releases to keep, at least 2
     * @param progress told of each release deleted
     * @return the releases deleted
     */
    public List<Release> prune(int keep, Consumer<String> progress) {
        List<Release> doomed = doomed(keep);
        for (Release release : doomed) {
            Path folder = release.folder();
            Path aside = folder.resolveSibling((folder.getFileName().toString().startsWith(".") ? "" : ".")
                    + folder.getFileName() + PRUNING);
            try {
                AtomicFiles.move(folder, aside);
                AtomicFiles.deleteTree(aside);
            } catch (IOException e) {
                throw new EnvironmentFailure(folder + ": cannot be deleted (" + e.getMessage() + "); check its"
                        + " permissions, then prune again", e);
            }
            progress.accept("deleted " + folder);
        }
        return doomed;
    }

    /**
     * What {@link #prune} would delete.
     *
     * @param keep how many releases to keep, at least 2
     * @return the releases, oldest first
     */
    public List<Release> doomed(int keep) {
        if (keep < 2) {
            throw new InputFailure(ErrorCode.USAGE, "--keep " + keep + ": the current and the previous release are always"
                    + " kept; give 2 or more");
        }
        List<Release> all = list();
        List<Release> whole = all.stream().filter(r -> !r.role().equals("unfinished")).toList();
        int spare = Math.max(0, keep - (int) whole.stream().filter(Release::pinned).count());
        List<Release> others = whole.stream().filter(r -> !r.pinned() && !locked(r.folder())).toList();
        List<Release> doomed = new ArrayList<>(others.subList(0, Math.max(0, others.size() - spare)));
        all.stream().filter(r -> r.role().equals("unfinished") && builder(r.folder()).isEmpty()).forEach(doomed::add);
        return List.copyOf(doomed);
    }

    private Path current() {
        return ReleaseLink.current(link, "--link").orElseThrow(() -> new InputFailure(ErrorCode.USAGE, link
                + ": the link points nowhere (or does not exist); name the link the server reads through"));
    }

    private static Optional<Release> release(Path folder, String product, Path current, Optional<Path> previous) {
        String name = folder.getFileName().toString();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (name.startsWith(".") && (name.endsWith(PARTIAL) || name.endsWith(PRUNING))) {
            return Optional.of(new Release(folder, product, Optional.empty(), Optional.empty(), modified(folder),
                    "unfinished"));
        }
        if (name.startsWith(".") || !Files.isRegularFile(folder.resolve(Installation.VERSION_FILE))) {
            return Optional.empty();
        }
        try {
            Installation installation = Installation.at(folder);
            if (!installation.product().equals(product)) {
                return Optional.empty();
            }
            List<HistoryEntry> history = History.in(folder.resolve(LiveTree.STATE_FOLDER)).read();
            Optional<HistoryEntry> last = history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
            Optional<Path> builtFrom = history.stream().filter(e -> e.scope().equals(HistoryEntry.INTO))
                    .reduce((a, b) -> b).flatMap(HistoryEntry::fromPath).map(Path::of);
            String role = folder.equals(current) ? "current" : previous.filter(folder::equals).isPresent() ? "previous"
                    : "other";
            return Optional.of(new Release(folder, product, installation.version(), builtFrom, last.map(e ->
                    e.started().plus(e.duration())).orElseGet(() -> modified(folder.resolve(Installation.VERSION_FILE))),
                    role));
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // not an installation Verpath can read: never listed, never pruned
        }
    }

    private static boolean locked(Path folder) {
        return InstallationLock.holder(folder.resolve(LiveTree.STATE_FOLDER)).isPresent();
    }

    /**
     * @param dest a release to build
     * @return the hidden sibling it is built in: {@code .NAME.verpath-partial}
     */
    public static Path partialOf(Path dest) {
        return dest.resolveSibling("." + dest.getFileName() + PARTIAL);
    }

    /**
     * The process building an unfinished release, when it still runs (its marker names it).
     *
     * @param folder the unfinished release
     * @return the pid
     */
    public static Optional<Long> builder(Path folder) {
        Path marker = folder.resolve(LiveTree.STATE_FOLDER).resolve(MARKER);
        try {
            String pid = Files.isRegularFile(marker) ? Files.readString(marker).strip().split(" ")[0] : "";
            return Optional.of(pid).filter(p -> p.matches("\\d+")).map(Long::parseLong)
                    .filter(p -> ProcessHandle.of(p).filter(ProcessHandle::isAlive).isPresent());
        } catch (IOException e) {
            return Optional.of(-1L); // unreadable: taken to be in use, left alone
        }
    }

    private static Instant modified(Path path) {
        try {
            return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
