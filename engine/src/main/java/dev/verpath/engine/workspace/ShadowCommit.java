package dev.verpath.engine.workspace;

import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.progress.ProgressMeter;
import dev.verpath.engine.progress.ProgressPhase;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.CrashPoints;
import dev.verpath.engine.files.FileOwner;
import dev.verpath.engine.files.OwnersNotKept;
import dev.verpath.engine.files.PrivateFiles;
import dev.verpath.engine.files.RelativePath;
import dev.verpath.engine.workspace.Pending.Content;
import dev.verpath.engine.workspace.Pending.Gone;
import dev.verpath.engine.workspace.Pending.HardLink;
import dev.verpath.engine.workspace.Pending.Link;
import dev.verpath.engine.workspace.Pending.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Applies a shadow run's pending changes to the live tree: moved files are first parked in the staging
 * folder, then deletions, new content, moved files, symbolic links and hard links are put in place, each by an
 * atomic rename followed by a folder fsync; folders left empty by deletes and moves are removed before the
 * links and again last. No byte
 * of a moved or linked file is copied. A rewritten file keeps the mode, owner and group of the file it
 * replaces; a file, folder or link a rule creates takes the owner and group of the folder it lands in.
 */
public final class ShadowCommit {

    private static final Set<PosixFilePermission> NEW_FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");

    private final ShadowWorkspace shadow;
    private final LiveTree live;
    private final OwnersNotKept owners = new OwnersNotKept();

    /**
     * @param shadow the finished shadow run
     */
    public ShadowCommit(ShadowWorkspace shadow) {
        this.shadow = shadow;
        this.live = shadow.live();
    }

    /**
     * Applies every change, in the order recovery relies on (docs/safety.md): the files a rule moved are parked
     * first, so that a delete or a new file may take their old place; then deletes, new content and the parked
     * files; then the folders this left empty go, so that a link may take a folder's place; then symbolic links
     * and hard links (a hard link needs the final bytes it links to); last the folders left empty once more.
     *
     * @return how many entries changed
     * @throws IOException when a change cannot be applied (the caller restores the backup)
     */
    public int apply() throws IOException {
        return apply(ProgressListener.NONE);
    }

    /**
     * Applies every change, as {@link #apply()}, telling the listener of the entries changed of the pending ones
     * ({@link ProgressPhase#COMMIT}) after each kind of change.
     *
     * @param listener told how the commit goes
     * @return how many entries changed
     * @throws IOException when a change cannot be applied (the caller restores the backup)
     */
    public int apply(ProgressListener listener) throws IOException {
        Map<String, Pending> pending = shadow.pending();
        Steps steps = Steps.of(pending);
        try (ProgressMeter meter = ProgressMeter.start(listener, ProgressPhase.COMMIT, pending.size())) {
            Map<String, Path> parked = park(steps.moved());
            int changed = counted(meter, delete(steps.deleted()));
            changed += counted(meter, write(steps.written()));
            changed += counted(meter, unpark(parked));
            removeEmptiedFolders(pending.keySet());
            changed += counted(meter, link(steps.linked()));
            removeEmptiedFolders(pending.keySet());
            return changed;
        }
    }

    private static int counted(ProgressMeter meter, int changed) {
        meter.add(changed);
        return changed;
    }

    /**
     * The pending changes sorted into the commit's steps in one pass, each step in path order.
     *
     * @param moved   live files moved to a new path, by that path
     * @param deleted paths whose live entry goes away (a moved file's old path among them)
     * @param written new content by path
     * @param linked  symbolic links, then hard links, by path
     */
    private record Steps(Map<String, Origin> moved, List<String> deleted, Map<String, Content> written,
                         Map<String, Pending> linked) {

        static Steps of(Map<String, Pending> pending) {
            Map<String, Origin> moved = new LinkedHashMap<>();
            List<String> deleted = new ArrayList<>();
            Map<String, Content> written = new LinkedHashMap<>();
            Map<String, Pending> symbolicLinks = new LinkedHashMap<>();
            Map<String, Pending> hardLinks = new LinkedHashMap<>();
            pending.forEach((path, change) -> {
                if (change instanceof Origin o && !o.livePath().equals(path)) {
                    moved.put(path, o);
                } else if (change instanceof Gone) {
                    deleted.add(path);
                } else if (change instanceof Content c) {
                    written.put(path, c);
                } else if (change instanceof Link) {
                    symbolicLinks.put(path, change);
                } else if (change instanceof HardLink) {
                    hardLinks.put(path, change);
                }
            });
            Map<String, Pending> linked = new LinkedHashMap<>(symbolicLinks);
            linked.putAll(hardLinks);
            return new Steps(Collections.unmodifiableMap(moved), List.copyOf(deleted), Collections.unmodifiableMap(written),
                    Collections.unmodifiableMap(linked));
        }
    }

    /** Moves each moved file's live bytes into the staging folder, out of the way of what replaces them. */
    private Map<String, Path> park(Map<String, Origin> moved) throws IOException {
        Path hold = shadow.stagingFolder().resolve("hold");
        Map<String, Path> parked = new LinkedHashMap<>();
        for (Map.Entry<String, Origin> e : moved.entrySet()) {
            PrivateFiles.createFolders(hold);
            Path parking = hold.resolve("h" + (parked.size() + 1));
            AtomicFiles.move(live.entry(e.getValue().livePath()).orElseThrow().real(), parking);
            parked.put(e.getKey(), parking);
        }
        return parked;
    }

    private int delete(List<String> deleted) throws IOException {
        int changed = 0;
        for (String path : deleted) {
            Path real = real(path);
            if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            CrashPoints.reached("delete " + real);
            if (Files.deleteIfExists(real)) {
                AtomicFiles.fsyncFolder(real.getParent());
            }
            changed++;
        }
        return changed;
    }

    private int write(Map<String, Content> written) throws IOException {
        for (Map.Entry<String, Content> e : written.entrySet()) {
            Content c = e.getValue();
            Path target = real(e.getKey());
            Optional<FileOwner> folderOwner = createFolders(target.getParent());
            // the live file it rewrites, else the one it replaces (deleted and written again): their mode and owner stay
            Optional<Path> replaced = c.modeSource().filter(Files::exists)
                    .or(() -> Optional.of(target).filter(t -> Files.isRegularFile(t, LinkOption.NOFOLLOW_LINKS)));
            Set<PosixFilePermission> mode = replaced.isPresent()
                    ? Files.getPosixFilePermissions(replaced.get(), LinkOption.NOFOLLOW_LINKS) : NEW_FILE_MODE;
            // the owner first: a chown clears setuid and setgid bits, which the mode then puts back
            owners.give(c.staged(), replaced.isPresent() ? FileOwner.of(replaced.get()) : folderOwner, target);
            Files.setPosixFilePermissions(c.staged(), mode);
            AtomicFiles.move(c.staged(), target);
        }
        return written.size();
    }

    private int unpark(Map<String, Path> parked) throws IOException {
        for (Map.Entry<String, Path> e : parked.entrySet()) {
            Path target = real(e.getKey());
            createFolders(target.getParent());
            AtomicFiles.move(e.getValue(), target);
        }
        return parked.size();
    }

    /**
     * Makes each link under a temporary name beside its place, then renames it into place. A symbolic link
     * takes the owner of its folder; a hard link is the file it links to under a second name, whose owner stays.
     */
    private int link(Map<String, Pending> linked) throws IOException {
        for (Map.Entry<String, Pending> e : linked.entrySet()) {
            Path real = real(e.getKey());
            Optional<FileOwner> folderOwner = createFolders(real.getParent());
            Path temporary = real.resolveSibling(real.getFileName() + ".verpath-tmp");
            Files.deleteIfExists(temporary);
            if (e.getValue() instanceof Link l) {
                CrashPoints.reached("symlink " + temporary);
                Files.createSymbolicLink(temporary, Path.of(l.target()));
                owners.give(temporary, folderOwner, real);
            } else if (e.getValue() instanceof HardLink h) {
                CrashPoints.reached("link " + temporary);
                Files.createLink(temporary, real(h.existing()));
            }
            AtomicFiles.move(temporary, real);
        }
        return linked.size();
    }

    /** @return the paths whose owner could not be kept (the command does not run as root) */
    public OwnersNotKept owners() {
        return owners;
    }

    /**
     * Creates the missing folders of a path, each given the owner of the folder it is created in.
     *
     * @param folder a folder that must exist
     * @return the folder's owner, which a file created in it takes
     */
    private Optional<FileOwner> createFolders(Path folder) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        Path existing = folder;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            missing.push(existing);
            existing = existing.getParent();
        }
        Optional<FileOwner> owner = existing == null ? Optional.empty() : FileOwner.of(existing);
        for (Path created : missing) {
            Files.createDirectory(created);
            owners.give(created, owner);
        }
        return owner;
    }

    private Path real(String logical) {
        return live.real(logical).orElseThrow(() -> new IllegalStateException("no mount for " + logical));
    }

    private void removeEmptiedFolders(Set<String> changedPaths) throws IOException {
        List<String> candidates = new ArrayList<>(shadow.hiddenFolders());
        for (String path : changedPaths) {
            String parent = RelativePath.parent(path);
            while (!parent.isEmpty()) {
                candidates.add(parent);
                parent = RelativePath.parent(parent);
            }
        }
        candidates.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed()).forEach(folder -> {
            if (live.real(folder).isEmpty()) {
                return;
            }
            Path real = real(folder);
            boolean mountRoot = live.mounts().stream().anyMatch(m -> m.real().equals(real));
            if (mountRoot || !Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            boolean wasLiveDir = live.entry(folder).isPresent();
            boolean hidden = shadow.hiddenFolders().stream().anyMatch(h -> RelativePath.within(h, folder));
            boolean replaced = shadow.pending().containsKey(folder);
            if ((hidden || replaced || wasLiveDir) && isEmpty(real) && (replaced || !stillWanted(folder))) {
                try {
                    CrashPoints.reached("remove folder " + real);
                    Files.delete(real);
                } catch (IOException e) {
                    // a folder that cannot be removed stays; nothing is lost
                }
            }
        });
    }

    private boolean stillWanted(String folder) {
        return shadow.isDirectory(folder) && shadow.hiddenFolders().stream().noneMatch(h -> RelativePath.within(h, folder));
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
