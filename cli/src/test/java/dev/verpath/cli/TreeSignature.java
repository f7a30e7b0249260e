package dev.verpath.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a folder tree holds, entry by entry: type, SHA-256 of files, link targets and POSIX modes, by
 * relative path. The engine's own {@code .migrate/} is left out.
 */
final class TreeSignature {

    private TreeSignature() {
    }

    static SortedMap<String, String> of(Path root) {
        SortedMap<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.isEmpty() || rel.equals(".migrate") || rel.startsWith(".migrate/")) {
                    continue;
                }
                entries.put(rel, describe(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static String describe(Path p) throws IOException {
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        if (Files.isSymbolicLink(p)) {
            return "link " + Files.readSymbolicLink(p);
        }
        if (Files.isDirectory(p)) {
            return "dir " + mode;
        }
        return "file " + mode + " " + sha256(Files.readAllBytes(p));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
