package dev.verpath.engine.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Set;

/**
 * A copy of a tree made of hard links where it can be: every regular file of the source is linked into the target when
 * both are on one file system (no byte copied; safe because the engine only ever replaces a file by rename, so a link
 * never sees a change), and copied otherwise, its SHA-256 checked against the source's. Folders are made with the
 * source's permissions, symbolic links copied as links. Some names at the top are left out.
 */
public final class LinkedTreeCopy {

    private int linked;
    private int copied;

    /**
     * Copies {@code source} into {@code target} (an empty folder).
     *
     * @param source  the tree to copy
     * @param target  an empty folder
     * @param skipped names at the top of {@code source} that are not copied (e.g. {@code .migrate})
     * @return the copy, with how many files were linked and copied
     * @throws IOException when a file cannot be read, linked or written, or a copy's SHA-256 differs
     */
    public static LinkedTreeCopy of(Path source, Path target, Set<String> skipped) throws IOException {
        LinkedTreeCopy copy = new LinkedTreeCopy();
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = source.relativize(dir);
                if (relative.getNameCount() == 1 && skipped.contains(relative.toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Path made = target.resolve(relative.toString());
                Files.createDirectories(made);
                samePermissions(dir, made);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path relative = source.relativize(file);
                if (relative.getNameCount() == 1 && skipped.contains(relative.toString())) {
                    return FileVisitResult.CONTINUE;
                }
                copy.place(file, target.resolve(relative.toString()), attrs);
                return FileVisitResult.CONTINUE;
            }
        });
        return copy;
    }

    private void place(Path file, Path into, BasicFileAttributes attrs) throws IOException {
        if (attrs.isSymbolicLink()) {
            Files.createSymbolicLink(into, Files.readSymbolicLink(file));
            return;
        }
        if (!attrs.isRegularFile()) {
            throw new IOException(file + ": neither a file, a folder nor a symbolic link; it cannot be carried over");
        }
        try {
            Files.createLink(into, file);
            linked++;
        } catch (IOException | UnsupportedOperationException notOnOneFileSystem) {
            Files.copy(file, into, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            if (!Arrays.equals(sha256(file), sha256(into))) {
                throw new IOException(into + ": the copy of " + file + " differs from it (SHA-256); check the disk");
            }
            copied++;
        }
    }

    private static void samePermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        if (view != null) {
            Files.setPosixFilePermissions(to, view.readAttributes().permissions());
        }
    }

    private static byte[] sha256(Path file) throws IOException {
        MessageDigest digest = HashCache.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return digest.digest();
    }

    /** @return how many files were hard-linked */
    public int linked() {
        return linked;
    }

    /** @return how many files were copied (another file system) */
    public int copied() {
        return copied;
    }
}
