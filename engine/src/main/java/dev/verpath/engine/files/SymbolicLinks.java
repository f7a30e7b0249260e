package dev.verpath.engine.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Paths the user gives as symbolic links ({@code --path /srv/serve/current}): worked on as what they point at. */
public final class SymbolicLinks {

    private SymbolicLinks() {
    }

    /**
     * @param path a path as given
     * @return what it points at when it is a symbolic link; the path itself otherwise, or when the link dangles (the
     *         caller's own check then says it does not exist)
     */
    public static Path followed(Path path) {
        if (!Files.isSymbolicLink(path)) {
            return path;
        }
        try {
            return path.toRealPath();
        } catch (IOException dangling) {
            return path;
        }
    }
}
