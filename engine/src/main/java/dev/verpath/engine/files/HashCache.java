package dev.verpath.engine.files;

import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.progress.ProgressMeter;
import dev.verpath.engine.progress.ProgressPhase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 of files, computed once per run and reused by rules, backups and validation. A cached value is
 * used only while the file's size and modification time are unchanged. A file the run has not hashed yet
 * is hashed by the cache's {@link Source}: its bytes, or a persistent cache that knows the file unchanged.
 * Thread-safe.
 */
public final class HashCache {

    /**
     * Where a hash comes from when the run has none yet. Implementations are thread-safe.
     */
    @FunctionalInterface
    public interface Source {
        /**
         * @param file a regular file
         * @return its SHA-256 as 64 lower-case hex digits
         * @throws IOException when it cannot be read
         */
        String sha256(Path file) throws IOException;
    }

    private record Known(long size, long mtime, String sha256) {
    }

    private final Map<Path, Known> known = new ConcurrentHashMap<>();
    private final Source source;

    /** A cache that hashes every file's bytes once per run. */
    public HashCache() {
        this(HashCache::hash);
    }

    /**
     * A cache whose misses go to the given source (a persistent stat cache, say).
     *
     * @param source computes or recalls the hash of a file the run has not hashed yet
     */
    public HashCache(Source source) {
        this.source = java.util.Objects.requireNonNull(source, "source");
    }

    /**
     * @param file a regular file
     * @return its SHA-256 as 64 lower-case hex digits
     * @throws IOException when it cannot be read
     */
    public String sha256(Path file) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        long mtime = attrs.lastModifiedTime().toMillis();
        Known cached = known.get(file);
        if (cached != null && cached.size() == attrs.size() && cached.mtime() == mtime) {
            return cached.sha256();
        }
        String hash = source.sha256(file);
        known.put(file, new Known(attrs.size(), mtime, hash));
        return hash;
    }

    /**
     * Hashes many files on every core, filling the cache; the values are then reused by rules, backups and
     * validation of the same run.
     *
     * @param files regular files
     * @throws IOException when one cannot be read
     */
    public void hashAll(java.util.List<Path> files) throws IOException {
        hashAll(files, ProgressListener.NONE);
    }

    /**
     * Hashes many files on every core, as {@link #hashAll(java.util.List)}, telling the listener of the
     * {@link ProgressPhase#HASHING} phase: bytes hashed (a file counts once its hash is known) of their total size.
     *
     * @param files    regular files
     * @param listener told how the hashing goes
     * @throws IOException when one cannot be read
     */
    public void hashAll(java.util.List<Path> files, ProgressListener listener) throws IOException {
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        try (ProgressMeter meter = ProgressMeter.start(listener, ProgressPhase.HASHING, total)) {
            files.parallelStream().forEach(file -> {
                try {
                    sha256(file);
                    meter.add(Files.size(file));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Records a hash computed elsewhere (while copying, say).
     *
     * @param file   the file
     * @param sha256 its hash
     * @throws IOException when its attributes cannot be read
     */
    public void remember(Path file, String sha256) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        known.put(file, new Known(attrs.size(), attrs.lastModifiedTime().toMillis(), sha256));
    }

    /**
     * @param file a file
     * @return the cached hash, when it is still valid, without reading the file
     */
    public java.util.Optional<String> cached(Path file) {
        Known cached = known.get(file);
        if (cached == null) {
            return java.util.Optional.empty();
        }
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            boolean same = cached.size() == attrs.size() && cached.mtime() == attrs.lastModifiedTime().toMillis();
            return same ? java.util.Optional.of(cached.sha256()) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Hashes a file's bytes.
     *
     * @param file the file
     * @return the hex digest
     * @throws IOException when it cannot be read
     */
    public static String hash(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * @param text some text
     * @return the SHA-256 of its UTF-8 bytes, as 64 lower-case hex digits
     */
    public static String hashText(String text) {
        return HexFormat.of().formatHex(newDigest().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** @return a fresh SHA-256 digest */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
