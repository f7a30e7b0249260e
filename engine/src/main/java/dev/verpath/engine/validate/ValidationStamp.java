package dev.verpath.engine.validate;

import dev.verpath.engine.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * {@code .migrate/validated}: an empty file whose modification time is the start of the last validation of every
 * category with the caches on, set once its caches are saved. Every weight and record file whose inode last changed
 * {@link FileStamp#RACY_WINDOW} or more before that time is in the caches, so a validation reads none of its bytes.
 * The launcher reads the time: a validation whose installation changed little since runs on the quick compiler. A
 * hint like the caches: a stamp that cannot be written is skipped, one that is wrong only costs time. Stateless.
 */
final class ValidationStamp {

    /** The file's name in the installation's state folder. */
    static final String FILE = "validated";

    private ValidationStamp() {
    }

    /**
     * Sets the stamp to the validation's start, when the state folder exists (the caches made it or it was there).
     *
     * @param stateFolder the installation's state folder
     * @param started     when the validation started, before it read any file
     * @return true when the stamp was set
     */
    static boolean record(Path stateFolder, Instant started) {
        if (!Files.isDirectory(stateFolder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Path stamp = stateFolder.resolve(FILE);
        try {
            if (!Files.exists(stamp, LinkOption.NOFOLLOW_LINKS)) {
                Files.createFile(stamp, PrivateFiles.fileMode(stamp));
            }
            Files.setLastModifiedTime(stamp, FileTime.from(started));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false; // a read-only installation: the next validation only takes longer to start
        }
    }
}
