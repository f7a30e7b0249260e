package dev.verpath.engine.restore;

import dev.verpath.engine.backup.BackupManifest;
import dev.verpath.engine.failure.BackupCorruptFailure;
import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.files.Mount;
import dev.verpath.engine.workspace.LiveTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a backup's entries go. Restored over its own installation, its mounts stay where its manifest records them.
 * Restored into another folder (a second machine, a fresh folder), which must be empty but for Verpath's own
 * {@code .migrate} (the backup pulled there), every mount inside the installation the backup was taken of is moved
 * to the same place inside the new folder. A mount outside that installation has no place there and is refused, as
 * is a folder that holds files already: a restore never mixes two installations.
 */
final class MountPlacement {

    private MountPlacement() {
    }

    /**
     * @param manifest the verified manifest
     * @param realRoot the folder restored into, absolute and normalized
     * @param file     the manifest file, which refusals name
     * @return the manifest, its mounts moved into {@code realRoot} when it is restored into another folder
     */
    static BackupManifest place(BackupManifest manifest, Path realRoot, Path file) {
        if (manifest.mounts().stream().allMatch(m -> m.real().startsWith(realRoot))) {
            return manifest;
        }
        Optional<Path> origin = origin(manifest.mounts());
        for (Mount m : manifest.mounts()) {
            if (realRoot.startsWith(m.real()) || origin.isEmpty() || !m.real().startsWith(origin.get())) {
                throw new BackupCorruptFailure(file + ": backup would write outside the installation (" + m.real()
                        + "); nothing was restored", file);
            }
        }
        if (!empty(realRoot)) {
            throw new InputFailure(ErrorCode.USAGE, realRoot + ": not the installation backup " + manifest.id()
                    + " was taken of (" + origin.get() + ") and not empty, so nothing was restored; give --path "
                    + origin.get() + ", or an empty folder to restore a copy into");
        }
        List<Mount> moved = new ArrayList<>();
        for (Mount m : manifest.mounts()) {
            moved.add(new Mount(m.logical(), realRoot.resolve(origin.get().relativize(m.real())).normalize()));
        }
        return new BackupManifest(manifest.id(), manifest.created(), manifest.product(), manifest.from(), manifest.to(),
                moved, manifest.entries(), manifest.system(), manifest.scope());
    }

    /**
     * The installation a backup was taken of: the folder its root mount names, or the folder around a mount of a
     * {@code config}, {@code data} or {@code models} run ({@code /srv/a} for {@code data} at {@code /srv/a/data}).
     */
    private static Optional<Path> origin(List<Mount> mounts) {
        for (Mount m : mounts) {
            if (m.logical().isEmpty()) {
                return Optional.of(m.real());
            }
        }
        Mount first = mounts.get(0);
        Path logical = Path.of(first.logical());
        if (first.real().endsWith(logical) && first.real().getNameCount() > logical.getNameCount()) {
            return Optional.of(first.real().getRoot().resolve(first.real().subpath(0,
                    first.real().getNameCount() - logical.getNameCount())));
        }
        return Optional.empty();
    }

    /** Whether a folder holds nothing but Verpath's state folder (where a pulled backup lies). */
    private static boolean empty(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.allMatch(c -> c.getFileName().toString().equals(LiveTree.STATE_FOLDER));
        } catch (IOException e) {
            throw new EnvironmentFailure(folder + ": cannot list the folder (" + e.getMessage() + ")", e);
        }
    }
}
