package dev.verpath.engine.validate;

import java.util.Optional;

/**
 * A place in an installation as messages print it: {@code data/r.jsonl:2} for a line, {@code config/server.toml
 * (key server.port)} for any other location, the path alone for a whole file, {@code (installation)} for the
 * installation itself. One spelling for validation reports, refusals and rule failures. Immutable.
 *
 * @param path     the file, relative to the installation root; empty for the installation itself
 * @param location where in the file as a rule or check gave it ({@code line 2}, {@code key server.port}), or empty
 */
public record FileLocation(String path, Optional<String> location) {

    /**
     * The location alone, as it follows a path: {@code :2} for {@code line 2}, {@code  (key x)} for another.
     *
     * @param location where in a file, or empty
     * @return the suffix, empty for none
     */
    public static String suffix(Optional<String> location) {
        return location.map(l -> l.startsWith("line ") ? ":" + l.substring("line ".length()) : " (" + l + ")").orElse("");
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "(installation)" : path) + suffix(location);
    }
}
