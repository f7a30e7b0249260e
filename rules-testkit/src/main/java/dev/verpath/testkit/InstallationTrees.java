package dev.verpath.testkit;

import dev.verpath.engine.files.HashCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.opentest4j.AssertionFailedError;

/**
 * Compares installation trees: every regular file byte for byte and every symbolic link by its target, by
 * relative path; folders only through what they hold, since a fixture kept in git cannot hold an empty one.
 * {@link #listing} includes folders, to compare a live installation with itself. The engine's own
 * {@code .migrate/} is left out.
 */
public final class InstallationTrees {

    private static final String STATE_FOLDER = ".migrate";

    private InstallationTrees() {
    }

    /**
     * Fails naming the first path that is missing, unexpected or different, and for a text file the first
     * differing line with both versions of it.
     *
     * @param expected the expected tree
     * @param actual   the tree to check
     * @param when     what the comparison is about, e.g. {@code after migrating step-1.0.0-to-2.0.0/basic}
     * @throws AssertionFailedError when they differ
     */
    public static void assertSame(Path expected, Path actual, String when) {
        SortedMap<String, Object> want = entries(expected);
        SortedMap<String, Object> have = entries(actual);
        for (String path : want.keySet()) {
            if (!have.containsKey(path)) {
                throw new AssertionFailedError(when + ": missing " + describe(want.get(path)) + " " + path);
            }
        }
        for (String path : have.keySet()) {
            if (!want.containsKey(path)) {
                throw new AssertionFailedError(when + ": unexpected " + describe(have.get(path)) + " " + path);
            }
        }
        for (String path : want.keySet()) {
            Object a = want.get(path);
            Object b = have.get(path);
            if (a instanceof byte[] x && b instanceof byte[] y) {
                if (!Arrays.equals(x, y)) {
                    throw difference(when, path, x, y);
                }
            } else if (!a.equals(b)) {
                throw new AssertionFailedError(when + ": " + path + " is " + describe(b) + ", expected " + describe(a), a, b);
            }
        }
    }

    /**
     * The first difference between two versions of a file, as the kit reports it.
     *
     * @param when     what the comparison is about
     * @param path     the file
     * @param expected the expected bytes
     * @param actual   the actual bytes
     * @return the error, with both texts for an IDE's diff
     */
    static AssertionFailedError difference(String when, String path, byte[] expected, byte[] actual) {
        String want = new String(expected, StandardCharsets.UTF_8);
        String have = new String(actual, StandardCharsets.UTF_8);
        String[] a = want.split("\n", -1);
        String[] b = have.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end of file>";
            String y = i < b.length ? b[i] : "<end of file>";
            if (!x.equals(y)) {
                return new AssertionFailedError(when + ": " + path + " differs at line " + (i + 1) + "\n  expected: " + x
                        + "\n  actual:   " + y, want, have);
            }
        }
        return new AssertionFailedError(when + ": " + path + " differs in bytes that are not text (" + expected.length
                + " bytes expected, " + actual.length + " found)");
    }

    private static String describe(Object entry) {
        return entry instanceof byte[] ? "file" : entry.toString().startsWith("link") ? "link" : "entry";
    }

    /** Regular files as their bytes, links as {@code link -> <target>}, by relative path. */
    private static SortedMap<String, Object> entries(Path root) {
        SortedMap<String, Object> entries = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return entries;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.isEmpty() || rel.equals(STATE_FOLDER) || rel.startsWith(STATE_FOLDER + "/")) {
                    continue;
                }
                if (Files.isSymbolicLink(p)) {
                    entries.put(rel, "link -> " + Files.readSymbolicLink(p).toString().replace('\\', '/'));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    entries.put(rel, Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": cannot read the tree", e);
        }
        return entries;
    }

    /**
     * Every entry of a tree but the engine's {@code .migrate/}, folders included, to compare a live
     * installation with itself before and after (e.g. that a failed or dry run left it exactly as it was):
     * a file as {@code file <sha256>}, a symbolic link as {@code link <target>}, a folder as {@code folder}.
     *
     * @param root the tree
     * @return the entries by relative path ({@code /}-separated), sorted
     */
    public static SortedMap<String, String> listing(Path root) {
        SortedMap<String, String> listing = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.isEmpty() || rel.equals(STATE_FOLDER) || rel.startsWith(STATE_FOLDER + "/")) {
                    continue;
                }
                if (Files.isSymbolicLink(p)) {
                    listing.put(rel, "link " + Files.readSymbolicLink(p).toString().replace('\\', '/'));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    listing.put(rel, "folder");
                } else {
                    listing.put(rel, "file " + sha256(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": cannot read the tree", e);
        }
        return listing;
    }

    /**
     * @param file a regular file
     * @return its SHA-256, as 64 lower-case hex digits
     */
    public static String sha256(Path file) {
        try {
            return HashCache.hash(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read", e);
        }
    }

    /**
     * Copies a tree, keeping symbolic links as links.
     *
     * @param from the tree
     * @param to   where it goes; created when missing
     */
    public static void copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isSymbolicLink(source)) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Files.readSymbolicLink(source));
                } else if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    /**
     * Deletes a tree (links themselves, never what they point to), when it exists.
     *
     * @param root the tree
     */
    static void delete(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
