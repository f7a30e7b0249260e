package dev.verpath.engine.validate;

import dev.verpath.engine.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
            AtomicFiles.replacePrivately(file, text.toString().getBytes(StandardCharsets.UTF_8), true);
            return true;
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return false;
        }
    }
}
