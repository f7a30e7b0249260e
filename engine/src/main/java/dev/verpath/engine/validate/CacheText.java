package dev.verpath.engine.validate;

import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a cache file's text atomically: a private temporary file beside it (0600, the folder made 0700 when missing),
 * synced, renamed over it. Apart from {@link CacheFile}, whose JSON reader a command that writes plain text need not
 * start (building Jackson's {@code ObjectMapper} costs a cold JVM tens of milliseconds). Stateless.
 */
final class CacheText {

    private CacheText() {
    }

    /**
     * @param file the file
     * @param text its new content
     * @return true when it was written; false when it could not be (a read-only folder), never an exception
     */
    static boolean write(Path file, CharSequence text) {
        try {
            PrivateFiles.createFolders(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + "-", ".tmp",
                    PrivateFiles.fileMode(file));
            try {
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                AtomicFiles.fsync(temporary);
                AtomicFiles.move(temporary, file);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return true;
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return false;
        }
    }
}
