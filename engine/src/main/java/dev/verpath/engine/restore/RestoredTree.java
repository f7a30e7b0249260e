package dev.verpath.engine.restore;

import dev.verpath.engine.backup.BackupManifest;
import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Function;

/**
 * The check after a restore's renames and links: every manifest entry is in place with its type, size and link
 * target, and no temporary file of the restore is left beside it. A rename or link that a file system (sshfs,
 * say) reported done but did not do fails the rollback here instead of being reported as a success.
 */
final class RestoredTree {

    static final String TEMPORARY = ".verpath-tmp";

    private RestoredTree() {
    }

    /**
     * @param manifest the restored backup's manifest
     * @param realOf   where each logical path lies
     * @throws MigrationException with {@link ErrorCode#IO_FAILED} naming the first entry not in place
     */
    static void check(BackupManifest manifest, Function<String, Path> realOf) {
        for (BackupManifest.Entry e : manifest.entries()) {
            Path real = realOf.apply(e.path());
            String problem = problem(e, real);
            if (!problem.isEmpty()) {
                throw notInPlace(real, problem);
            }
            Path temporary = real.resolveSibling(real.getFileName() + TEMPORARY);
            if (Files.exists(temporary, LinkOption.NOFOLLOW_LINKS)) {
                throw notInPlace(temporary, "a temporary file of the restore is left behind");
            }
        }
    }

    /**
     * @param real  a path the restore wrote
     * @param what  what went wrong with it
     * @return the failure: the environment's, the backup intact
     */
    static MigrationException notInPlace(Path real, String what) {
        return new EnvironmentFailure(real + ": " + what + " after the restore's renames, which the"
                + " file system reported done; the backup is intact; run rollback again, on a local disk");
    }

    private static String problem(BackupManifest.Entry e, Path real) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException missing) {
            return "missing";
        }
        switch (e.type()) {
            case "dir" -> {
                return attrs.isDirectory() ? "" : "not a folder";
            }
            case "symlink" -> {
                try {
                    return attrs.isSymbolicLink() && Files.readSymbolicLink(real).toString().equals(e.target().orElse(""))
                            ? "" : "not the symbolic link the backup holds";
                } catch (IOException unreadable) {
                    return "not a readable symbolic link";
                }
            }
            default -> {
                return !attrs.isRegularFile() ? "not a regular file"
                        : attrs.size() != e.size() ? attrs.size() + " bytes, the backup holds " + e.size() : "";
            }
        }
    }
}
