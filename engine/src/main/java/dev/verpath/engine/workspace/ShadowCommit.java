package dev.verpath.engine.workspace;

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
 * atomic rename followed by a folder fsync; folders left empty by deletes and moves are removed last. No byte
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
     * Applies every change.
     *
     * @return how many entries changed
     * @throws IOException when a change cannot be applied (the caller restores the backup)
     */
    public int apply() throws IOException {
        Map<String, Pending> pending = shadow.pending();
        Path hold = shadow.stagingFolder().resolve("hold");
        Map<String, Path> parked = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            if (e.getValue() instanceof Origin o && !o.livePath().equals(e.getKey())) {
                PrivateFiles.createFolders(hold);
                Path parking = hold.resolve("h" + (++n));
                AtomicFiles.move(live.entry(o.livePath()).orElseThrow().real(), parking);
                parked.put(e.getKey(), parking);
            }
        }
        int changed = 0;
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            if (e.getValue() instanceof Gone) {
                Path real = real(e.getKey());
                if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                CrashPoints.reached("delete " + real);
                if (Files.deleteIfExists(real)) {
                    AtomicFiles.fsyncFolder(real.getParent());
                }
                changed++;
            }
        }
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            if (e.getValue() instanceof Content c) {
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
                changed++;
            }
        }
        for (Map.Entry<String, Path> e : parked.entrySet()) {
            Path target = real(e.getKey());
            createFolders(target.getParent());
            AtomicFiles.move(e.getValue(), target);
            changed++;
        }
        removeEmptiedFolders(pending.keySet());
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            if (e.getValue() instanceof Link l) {
                Path real = real(e.getKey());
                Optional<FileOwner> folderOwner = createFolders(real.getParent());
                Path temporary = real.resolveSibling(real.getFileName() + ".verpath-tmp");
                Files.deleteIfExists(temporary);
                CrashPoints.reached("symlink " + temporary);
                Files.createSymbolicLink(temporary, Path.of(l.target()));
                owners.give(temporary, folderOwner, real);
                AtomicFiles.move(temporary, real);
                changed++;
            }
        }
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            if (e.getValue() instanceof HardLink h) {
                Path real = real(e.getKey());
                createFolders(real.getParent());
                Path temporary = real.resolveSibling(real.getFileName() + ".verpath-tmp");
                Files.deleteIfExists(temporary);
                CrashPoints.reached("link " + temporary);
                Files.createLink(temporary, real(h.existing()));
                AtomicFiles.move(temporary, real);
                changed++;
            }
        }
        removeEmptiedFolders(pending.keySet());
        return changed;
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
