package dev.verpath.engine.plugin;

import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.files.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A private folder where plugin archives are copied before anything reads them, hashing the bytes as they
 * are copied. Everything afterwards (the descriptor, the checks, the class loader) uses the copy, so the bytes
 * that load are exactly the bytes that were hashed, even if the archive in the plugins folder is replaced
 * meanwhile. A {@code .zip} archive is unpacked from the copy into a folder (PF4J's zip layout:
 * {@code classes/}, {@code lib/}, a descriptor). The folder is removed when the JVM exits, or, when the process
 * was killed, by a later process (see {@link #create(Path)}).
 */
final class PluginStaging {

    private static final String PREFIX = "verpath-plugins-";
    private static final String OWNER = ".owner";
    private static final Duration SETTLE = Duration.ofMinutes(1);
    private static final Set<Path> TO_DELETE = ConcurrentHashMap.newKeySet();
    private static final Set<FileChannel> OWNERS = ConcurrentHashMap.newKeySet();
    private static final long MAX_UNPACKED_BYTES = 1L << 30;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TO_DELETE.forEach(PluginStaging::deleteTree),
                "verpath-plugin-staging-cleanup"));
    }

    /** One staged archive: where it loads from and the SHA-256 of the archive's bytes. */
    record Staged(Path path, String sha256) {
    }

    private final Path folder;
    private final Thread sweep;
    private int count;

    private PluginStaging(Path folder, Thread sweep) {
        this.folder = folder;
        this.sweep = sweep;
    }

    /**
     * A new, empty staging folder in the temporary folder, removed when the JVM exits.
     *
     * @return the staging
     * @throws IOException when the folder cannot be created
     */
    static PluginStaging create() throws IOException {
        return create(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * A new, empty staging folder in the given folder, removed when the JVM exits. It holds an {@value #OWNER}
     * file locked for as long as the JVM lives; a process killed outright (no shutdown hook runs) leaves its
     * folder behind, and the next staging there removes every such folder whose lock nobody holds, on a thread of its
     * own (listing a temporary folder of thousands of entries cost every command 15-30 ms; a sweep cut short by the
     * JVM's exit is finished by a later one).
     *
     * @param temporary the folder to stage in
     * @return the staging
     * @throws IOException when the folder cannot be created
     */
    static PluginStaging create(Path temporary) throws IOException {
        Path folder = PrivateFiles.createUniqueFolder(temporary, PREFIX);
        TO_DELETE.add(folder);
        FileChannel owner = FileChannel.open(folder.resolve(OWNER), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (owner.tryLock() != null) {
            OWNERS.add(owner); // held, and the lock with it, until the JVM exits
        } else {
            owner.close();
        }
        Thread sweep = new Thread(() -> removeAbandoned(temporary), "verpath-plugin-staging-sweep");
        sweep.setDaemon(true);
        sweep.start();
        return new PluginStaging(folder, sweep);
    }

    /** Waits until the sweep of abandoned folders this staging started is done (for tests). */
    void awaitSweep() throws InterruptedException {
        sweep.join();
    }

    /**
     * Removes the staging folders of processes that are gone: those whose {@value #OWNER} lock can be taken
     * (an owner file made in the last minute is left alone: its process may not have locked it yet), and
     * folders without one (from before owners were recorded) untouched for a day.
     */
    static void removeAbandoned(Path temporary) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(temporary, PREFIX + "*")) {
            for (Path folder : folders) {
                if (TO_DELETE.contains(folder) || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (abandoned(folder)) {
                    deleteTree(folder);
                }
            }
        } catch (IOException | RuntimeException e) {
            // leftovers cost only disk space; this is tried again by the next staging
        }
    }

    private static boolean abandoned(Path folder) throws IOException {
        Path owner = folder.resolve(OWNER);
        if (!Files.exists(owner, LinkOption.NOFOLLOW_LINKS)) {
            return Files.getLastModifiedTime(folder).toInstant().isBefore(Instant.now().minus(Duration.ofDays(1)));
        }
        if (Files.getLastModifiedTime(owner).toInstant().isAfter(Instant.now().minus(SETTLE))) {
            return false; // just made: its process may be about to lock it
        }
        try (FileChannel channel = FileChannel.open(owner, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false; // a live process holds it
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // this JVM holds it
        }
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
        MessageDigest sha256 = HashCache.newDigest();
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

    /** Removes the staging folder now (a loaded plugin's jar may still be open; on Windows it then stays). */
    void delete() {
        deleteTree(folder);
        TO_DELETE.remove(folder);
    }

    private static void deleteTree(Path root) {
        try {
            AtomicFiles.deleteTree(root);
        } catch (IOException e) {
            // a staging folder left in the temporary folder holds nothing the next run reads
        }
    }
}
