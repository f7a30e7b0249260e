package dev.verpath.engine.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A copy-on-write clone of a file (a reflink, as btrfs, XFS, bcachefs and APFS make): a new inode sharing the
 * blocks of the old, so it costs no bytes and no time to speak of, yet a later in-place write to either file
 * leaves the other as it was. Java has no call for it, so the clone is made by {@code cp --reflink=always},
 * which fails at once where the file system cannot clone; a store probes once and remembers the answer.
 */
final class ReflinkClone {

    private static final long TIMEOUT_SECONDS = 600;

    private Boolean works;

    /**
     * Clones a file, unless an earlier attempt showed the file system cannot.
     *
     * @param source the file
     * @param target the clone to make (must not exist)
     * @return true when the clone was made; false when it could not be (nothing is left at the target)
     */
    boolean tryClone(Path source, Path target) {
        if (Boolean.FALSE.equals(works) || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return false;
        }
        boolean made;
        try {
            Process cp = new ProcessBuilder("cp", "--reflink=always", "--preserve=mode,timestamps", "--",
                    source.toString(), target.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            cp.getOutputStream().close();
            made = cp.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) && cp.exitValue() == 0
                    && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS);
            if (cp.isAlive()) {
                cp.destroyForcibly();
            }
        } catch (IOException e) {
            made = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            made = false;
        }
        if (!made) {
            try {
                Files.deleteIfExists(target);
            } catch (IOException e) {
                // the backup folder of a failed run is removed with it
            }
        }
        if (works == null) {
            works = made;
        }
        return made;
    }
}
