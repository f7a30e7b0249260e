package dev.verpath.engine.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One change a migration made (or, on a dry run, would make) to a file.
 *
 * @param kind what happened
 * @param path the file, relative to the installation root
 * @param from for a move, where the file was
 * @param diff for a changed or created text file, a unified diff of old and new content
 */
public record FileChange(Kind kind, String path, Optional<String> from, Optional<String> diff) {

    /** What happened to a file. */
    public enum Kind {
        /** A new file. */
        CREATED,
        /** New content in an existing file. */
        CHANGED,
        /** Renamed from {@code from}. */
        MOVED,
        /** Removed. */
        DELETED,
        /** A new symbolic link. */
        SYMLINKED,
        /** Replaced by a hard link to an identical file. */
        LINKED;

        /** @return the lower-case label */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Checks that nothing is null. */
    public FileChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(diff, "diff");
    }
}
