package dev.verpath.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which files of an installation play which {@link FileRole}: an ordered list of (role, glob) pairs over paths
 * relative to the installation root, with {@code /} separators. The first pair whose glob matches a file gives
 * its role; a file no glob matches is {@link FileRole#OTHER}. An {@code OTHER} pair before a broader one carves
 * an exception out of it. Globs are those of {@link Workspace#files(String)}: {@code *} within a name,
 * {@code **} across folders, {@code **}{@code /} also matching no folder; they are case-sensitive.
 * Immutable and thread-safe; the engine compiles the globs when it loads the rule set and refuses one that is
 * not a glob.
 *
 * @param entries the pairs, first match wins; never null
 */
public record FileRoles(List<Entry> entries) {

    /** No declared roles: every file is {@link FileRole#OTHER}. */
    public static final FileRoles NONE = new FileRoles(List.of());

    /**
     * One pair.
     *
     * @param role what the matched files are
     * @param glob which files, relative to the installation root
     */
    public record Entry(FileRole role, String glob) {

        /** Checks that the glob is a relative path pattern. */
        public Entry {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(glob, "glob");
            if (glob.isBlank() || glob.startsWith("/") || glob.contains("\\")
                    || List.of(glob.split("/", -1)).stream().anyMatch(s -> s.isEmpty() || s.equals("..") || s.equals("."))) {
                throw new IllegalArgumentException("file role glob '" + glob + "' must be a relative path pattern with /"
                        + " separators, without empty, . or .. parts");
            }
        }
    }

    /** Copies the list. */
    public FileRoles {
        entries = List.copyOf(entries);
    }

    /**
     * @param role  a role
     * @param globs globs of files that play it, in order
     * @return these roles followed by the new pairs; this value is not changed
     */
    public FileRoles then(FileRole role, String... globs) {
        List<Entry> more = new ArrayList<>(entries);
        for (String glob : globs) {
            more.add(new Entry(role, glob));
        }
        return new FileRoles(more);
    }

    /**
     * @param role a role
     * @return the globs declared for it, in order
     */
    public List<String> globs(FileRole role) {
        return entries.stream().filter(e -> e.role() == role).map(Entry::glob).toList();
    }
}
