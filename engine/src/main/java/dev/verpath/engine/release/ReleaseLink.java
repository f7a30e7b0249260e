package dev.verpath.engine.release;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.CrashPoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The symbolic link a server reads its installation through ({@code /srv/serve/current}), pointed at one release
 * folder at a time. Pointing it is atomic: a new link is made under a temporary name beside it, renamed over the old
 * one, and the folder synced, so a reader resolves the old release or the new one, never a mix, and a crash leaves
 * one of the two.
 */
public final class ReleaseLink {

    private ReleaseLink() {
    }

    /**
     * The release a link points at now; refuses a path that exists and is not a symbolic link.
     *
     * @param link   the link
     * @param option the option that named it, for the refusal ({@code --switch}, {@code --link})
     * @return the folder it resolves to, when it resolves
     */
    public static Optional<Path> current(Path link, String option) {
        if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
            throw new InputFailure(ErrorCode.USAGE, link + ": " + option + " needs a symbolic link (or no file there"
                    + " yet), and this is not one; move it aside, or name the link the server reads through");
        }
        try {
            return Files.exists(link) ? Optional.of(link.toRealPath()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Points the link at the folder atomically.
     *
     * @param link   the link
     * @param folder the release
     * @throws IOException when the link cannot be made or renamed
     */
    public static void point(Path link, Path folder) throws IOException {
        Path fresh = link.resolveSibling("." + link.getFileName() + ".verpath-switch");
        Files.deleteIfExists(fresh);
        Files.createSymbolicLink(fresh, folder);
        CrashPoints.reached("switch " + link);
        Files.move(fresh, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        AtomicFiles.fsyncFolder(link.toAbsolutePath().getParent());
    }
}
