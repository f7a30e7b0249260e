package dev.verpath.engine.release;

import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.plan.PlanEstimate;
import dev.verpath.engine.workspace.LiveTree;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What {@code version --into DEST} will cost, for {@code info --into} and the dry run: every file of the source is
 * hard-linked into DEST when DEST is on the same file system (no byte copied), else copied; no backup is taken; the
 * extra space is what the rules write, plus the copies.
 *
 * @param dest           the folder to build
 * @param files          the files of the source (its state folder aside)
 * @param bytes          their size
 * @param sameFileSystem whether DEST is on the source's file system (the files are linked, not copied)
 * @param diskNeeded     the extra space the build needs in DEST's file system: the bytes the rules write, plus every
 *                       byte when the files are copied
 * @param diskFree       the free space of DEST's file system, when known
 */
public record IntoEstimate(Path dest, long files, long bytes, boolean sameFileSystem, long diskNeeded,
                           OptionalLong diskFree) {

    /** Checks that nothing is null. */
    public IntoEstimate {
        Objects.requireNonNull(dest, "dest");
        Objects.requireNonNull(diskFree, "diskFree");
    }

    /**
     * @param source the installation
     * @param dest   the folder to build (new or empty; its parent exists)
     * @param plan   the plan's estimate on the source
     * @return the estimate
     */
    public static IntoEstimate of(Path source, Path dest, PlanEstimate plan) {
        Path target = dest.toAbsolutePath().normalize();
        Path existing = Files.isDirectory(target) ? target : target.getParent();
        long[] count = new long[2];
        try {
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(source.resolve(LiveTree.STATE_FOLDER)) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        count[0]++;
                        count[1] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            boolean same = existing != null && Files.isDirectory(existing)
                    && Files.getFileStore(source).equals(Files.getFileStore(existing));
            OptionalLong free = existing != null && Files.isDirectory(existing) ? free(Files.getFileStore(existing))
                    : OptionalLong.empty();
            return new IntoEstimate(target, count[0], count[1], same, plan.bytesToWrite() + (same ? 0 : count[1]), free);
        } catch (IOException e) {
            throw new EnvironmentFailure(source + ": cannot be measured for --into (" + e.getMessage() + "); check its"
                    + " permissions", e);
        }
    }

    /** @return whether the free space covers the need; true when it is unknown */
    public boolean fits() {
        return diskFree.isEmpty() || diskFree.getAsLong() >= diskNeeded;
    }

    private static OptionalLong free(FileStore store) {
        try {
            return OptionalLong.of(store.getUsableSpace());
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }
}
