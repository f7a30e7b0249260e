package dev.verpath.plugins.availability;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test fixtures as folders: copies them into a temporary installation and describes a tree byte for byte. */
final class InstallationTree {

    private InstallationTree() {
    }

    /**
     * @param resource a folder on the test class path, e.g. {@code /model-availability/basic-system/before}
     * @return where it is
     */
    static Path fixture(String resource) {
        try {
            return Path.of(InstallationTree.class.getResource(resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(resource, e);
        }
    }

    /**
     * Copies a fixture folder into a new folder.
     *
     * @param resource the fixture
     * @param target   a folder that does not exist yet
     * @return the target
     */
    static Path copy(String resource, Path target) throws IOException {
        Path source = fixture(resource);
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.sorted().toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }

    /**
     * Every entry under the root except the engine's {@code .migrate/}: a file as {@code file <sha256>}, a
     * symbolic link as {@code link <target>}, a folder as {@code dir}.
     *
     * @param root a folder
     * @return the entries by relative path, sorted
     */
    static Map<String, String> entries(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> !p.equals(root) && !p.startsWith(root.resolve(".migrate"))).toList()) {
                String relative = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    out.put(relative, "link " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(relative, "dir");
                } else {
                    out.put(relative, "file " + sha256(p));
                }
            }
        }
        return out;
    }

    /**
     * @param root a folder
     * @return its regular files only, by relative path
     */
    static Map<String, String> files(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        entries(root).forEach((path, what) -> {
            if (what.startsWith("file ")) {
                out.put(path, what);
            }
        });
        return out;
    }

    /**
     * @param file a file
     * @return its SHA-256 as lower-case hex
     */
    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param file a file
     * @return its inode number
     */
    static Object inode(Path file) throws IOException {
        return Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS);
    }
}
