package dev.verpath.engine.workspace;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a shadow run has decided for one logical path, not yet applied to the live tree.
 */
public sealed interface Pending {

    /**
     * New bytes, staged in a temporary file (fsynced before the commit, see {@link ShadowWorkspace#makeDurable}).
     *
     * @param staged     the staged file
     * @param modeSource the live file whose permissions the new file keeps, when it replaces one
     */
    record Content(Path staged, Optional<Path> modeSource) implements Pending {
    }

    /**
     * The bytes of a live file, moved here.
     *
     * @param livePath the logical path the file has in the live tree
     */
    record Origin(String livePath) implements Pending {
    }

    /**
     * A symbolic link.
     *
     * @param target the link's target text
     */
    record Link(String target) implements Pending {
    }

    /**
     * A hard link to another path's final bytes.
     *
     * @param existing the logical path of the file linked to
     */
    record HardLink(String existing) implements Pending {
    }

    /** Nothing: the live entry goes away. */
    record Gone() implements Pending {
    }
}
