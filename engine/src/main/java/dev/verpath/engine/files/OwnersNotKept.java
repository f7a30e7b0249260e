package dev.verpath.engine.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gives each path the engine writes its owner, and remembers those it could not: a user other than root may
 * not give a file away, so a file rewritten by someone who is not its owner becomes theirs, as any editor
 * that replaces a file by rename does. The run goes on, and says so once at the end. Not thread-safe.
 */
public final class OwnersNotKept {

    private static final int NAMED = 3;

    private final List<Path> paths = new ArrayList<>();

    /**
     * Gives a path an owner, when one is known.
     *
     * @param path  an existing path (a link's own owner is changed, not its target's)
     * @param owner the owner it should have; empty leaves it as it is
     * @throws IOException when the path is missing
     */
    public void give(Path path, Optional<FileOwner> owner) throws IOException {
        give(path, owner, path);
    }

    /**
     * Gives a file about to be renamed into place an owner, when one is known.
     *
     * @param path  an existing path (a link's own owner is changed, not its target's)
     * @param owner the owner it should have; empty leaves it as it is
     * @param named where it is about to be renamed to, as the note names it
     * @throws IOException when the path is missing
     */
    public void give(Path path, Optional<FileOwner> owner, Path named) throws IOException {
        if (owner.isPresent() && !owner.get().giveTo(path)) {
            paths.add(named);
        }
    }

    /** @return the paths that kept the owner of the user running the command, in the order they were written */
    public List<Path> paths() {
        return List.copyOf(paths);
    }

    /**
     * The note for the user, when some owner was not kept.
     *
     * @param command what ran ({@code migrate}, {@code rollback})
     * @return one line naming how many and the first few paths
     */
    public Optional<String> note(String command) {
        if (paths.isEmpty()) {
            return Optional.empty();
        }
        List<String> named = paths.stream().limit(NAMED).map(Path::toString).toList();
        return Optional.of("note: " + paths.size() + " written file(s) or folder(s) now belong to the user running "
                + command + ", not to the owner of what they replace or of the folder they are in (only root may give"
                + " files away): " + String.join(", ", named) + (paths.size() > NAMED ? ", ..." : "")
                + "; run " + command + " as that owner, or as root, to keep owners");
    }
}
