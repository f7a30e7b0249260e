package dev.verpath.engine.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A private folder where plugin archives are copied before anything reads them, hashing the bytes as they
 * are copied. Everything afterwards (the descriptor, the checks, the class loader) uses the copy, so the bytes
 * that load are exactly the bytes that were hashed, even if the archive in the plugins folder is replaced
 * meanwhile. A {@code .zip} archive is unpacked from the copy into a folder (PF4J's zip layout:
 * {@code classes/}, {@code lib/}, a descriptor). The folder is removed when the JVM exits.
 */
final class PluginStaging {

    private static final Set<Path> TO_DELETE = ConcurrentHashMap.newKeySet();
    private static final long MAX_UNPACKED_BYTES = 1L << 30;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TO_DELETE.forEach(PluginStaging::deleteTree),
                "verpath-plugin-staging-cleanup"));
    }

    /** One staged archive: where it loads from and the SHA-256 of the archive's bytes. */
    record Staged(Path path, String sha256) {
    }

    private final Path folder;
    private int count;

    private PluginStaging(Path folder) {
        this.folder = folder;
    }

    /**
     * A new, empty staging folder in the temporary folder, removed when the JVM exits.
     *
     * @return the staging
     * @throws IOException when the folder cannot be created
     */
    static PluginStaging create() throws IOException {
        Path folder = Files.createTempDirectory("verpath-plugins-");
        TO_DELETE.add(folder);
        return new PluginStaging(folder);
    }

    /**
     * Whether a file in a plugins folder is a plugin archive: a {@code .jar} or {@code .zip}.
     *
     * @param file a file name
     * @return true for an archive
     */
    static boolean isArchive(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return (name.endsWith(".jar") || name.endsWith(".zip")) && !name.startsWith(".");
    }

    /**
     * Copies an archive into the staging folder, hashing it, and unpacks it when it is a zip.
     *
     * @param archive the archive in a plugins folder
     * @return the staged copy and the SHA-256 of its bytes
     * @throws IOException when it cannot be read, or a zip entry would land outside its folder
     */
    Staged stage(Path archive) throws IOException {
        String name = archive.getFileName().toString();
        Path copy = folder.resolve(String.format(Locale.ROOT, "%03d-%s", ++count, name));
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(archive), sha256);
             OutputStream out = Files.newOutputStream(copy)) {
            in.transferTo(out);
        }
        String digest = HexFormat.of().formatHex(sha256.digest());
        if (!name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return new Staged(copy, digest);
        }
        Path unpacked = folder.resolve(String.format(Locale.ROOT, "%03d-%s.d", count, name));
        unzip(copy, unpacked);
        return new Staged(unpacked, digest);
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path out = target.resolve(entry.getName()).normalize();
                if (entry.getName().startsWith("/") || entry.getName().contains("\\") || !out.startsWith(target)
                        || out.equals(target)) {
                    throw new IOException("entry '" + entry.getName() + "' would land outside the plugin's folder");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (OutputStream file = Files.newOutputStream(out)) {
                    byte[] buffer = new byte[8192];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        total += n;
                        if (total > MAX_UNPACKED_BYTES) {
                            throw new IOException("unpacks to more than " + MAX_UNPACKED_BYTES + " bytes");
                        }
                        file.write(buffer, 0, n);
                    }
                }
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** Removes the staging folder now (a loaded plugin's jar may still be open; on Windows it then stays). */
    void delete() {
        deleteTree(folder);
        TO_DELETE.remove(folder);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a staging folder left in the temporary folder holds nothing the next run reads
        }
    }
}
