package dev.verpath.engine.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.workspace.LiveTree;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SHA-256 of an installation's files across runs, in {@code .migrate/statcache}, as git's index keeps
 * them: a file whose size, modification time, change time and inode are what they were when it was hashed
 * is not read again. The change time is set by the kernel on every write and cannot be set back from user
 * space, so restoring a file's modification time after changing it does not fool the cache.
 *
 * <p>A file changed within {@link #RACY_WINDOW} before it was hashed is not remembered ("racily clean", as
 * git calls it): a second change within the same tick of the file system's clock would leave its times as
 * they were. The next run hashes it again, and remembers it then.
 *
 * <p>The cache is a hint, never a source of truth: a missing, unreadable or foreign file is treated as
 * empty, and a cache that cannot be written is skipped. Thread-safe.
 */
public final class StatCache implements HashCache.Source {

    /** The cache's file name in the state folder. */
    public static final String FILE = "statcache";

    /** How old a file's last change must be when it is hashed for the hash to be remembered. */
    public static final Duration RACY_WINDOW = Duration.ofSeconds(2);

    private static final String FORMAT = "verpath-statcache";
    private static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A file's identity and times as the cache compares them. */
    record Stamp(long size, long mtimeNanos, long ctimeNanos, long inode) {

        /** Field by field (cheaper on a cold start than a record's generated equals). */
        boolean same(Stamp other) {
            return size == other.size && mtimeNanos == other.mtimeNanos && ctimeNanos == other.ctimeNanos
                    && inode == other.inode;
        }
    }

    private record Entry(Stamp stamp, String sha256) {
    }

    private final Path root;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger recalled = new AtomicInteger();
    private final AtomicInteger hashed = new AtomicInteger();
    private final AtomicLong hashedBytes = new AtomicLong();
    private volatile boolean changed;

    private StatCache(Path root, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /**
     * The cache of an installation.
     *
     * @param root   the installation root
     * @param ignore true to start empty ({@code --full}): every file is hashed, and the results are saved
     * @param clock  the clock the racy window is measured with
     * @return the cache
     */
    public static StatCache open(Path root, boolean ignore, Clock clock) {
        StatCache cache = new StatCache(root, clock);
        if (!ignore) {
            cache.load();
        }
        return cache;
    }

    /** @return where the cache lives: {@code <root>/.migrate/statcache} */
    public Path file() {
        return root.resolve(LiveTree.STATE_FOLDER).resolve(FILE);
    }

    private void load() {
        Path file = file();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonNode head = JSON.readTree(Optional.ofNullable(reader.readLine()).orElse("{}"));
            if (!FORMAT.equals(head.path("format").asText()) || head.path("version").asInt() != FORMAT_VERSION) {
                return;
            }
            Map<String, Entry> read = new TreeMap<>();
            for (String line; (line = reader.readLine()) != null; ) {
                JsonNode n = JSON.readTree(line);
                String sha = n.path("sha256").asText();
                if (!n.path("path").isTextual() || sha.length() != 64) {
                    return;
                }
                read.put(n.path("path").asText(), new Entry(new Stamp(n.path("size").asLong(), n.path("mtime_ns").asLong(),
                        n.path("ctime_ns").asLong(), n.path("inode").asLong()), sha));
            }
            entries.putAll(read);
        } catch (NoSuchFileException e) {
            // no cache yet
        } catch (IOException | RuntimeException e) {
            entries.clear();
        }
    }

    @Override
    public String sha256(Path file) throws IOException {
        Optional<String> key = key(file);
        if (key.isEmpty()) {
            return count(file, HashCache.hash(file));
        }
        Stamp before = stamp(file);
        Entry known = entries.get(key.get());
        if (known != null && known.stamp().same(before)) {
            recalled.incrementAndGet();
            return known.sha256();
        }
        long started = nanos(clock.instant());
        String sha = count(file, HashCache.hash(file));
        Stamp after = stamp(file);
        long settled = started - RACY_WINDOW.toNanos();
        if (after.same(before) && before.mtimeNanos() < settled && before.ctimeNanos() < settled) {
            entries.put(key.get(), new Entry(after, sha));
            changed = true;
        } else if (entries.remove(key.get()) != null) {
            changed = true;
        }
        return sha;
    }

    private String count(Path file, String sha) throws IOException {
        hashed.incrementAndGet();
        hashedBytes.addAndGet(Files.size(file));
        return sha;
    }

    private Optional<String> key(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(root) || absolute.equals(root)) {
            return Optional.empty();
        }
        String relative = root.relativize(absolute).toString().replace(java.io.File.separatorChar, '/');
        return relative.equals(LiveTree.STATE_FOLDER) || relative.startsWith(LiveTree.STATE_FOLDER + "/")
                ? Optional.empty() : Optional.of(relative);
    }

    /**
     * A file's stamp: size, modification and change time in nanoseconds, inode. Where the file system has no
     * change time or inode (Windows), those are -1 and the cache relies on size and modification time.
     */
    static Stamp stamp(Path file) throws IOException {
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino", LinkOption.NOFOLLOW_LINKS);
            return new Stamp((Long) a.get("size"), nanos((FileTime) a.get("lastModifiedTime")),
                    nanos((FileTime) a.get("ctime")), (Long) a.get("ino"));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new Stamp(a.size(), nanos(a.lastModifiedTime()), -1, -1);
        }
    }

    private static long nanos(FileTime time) {
        return time.to(TimeUnit.NANOSECONDS);
    }

    private static long nanos(java.time.Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** @return how many hashes came from the cache without reading the file */
    public int recalled() {
        return recalled.get();
    }

    /** @return how many files were read and hashed */
    public int hashed() {
        return hashed.get();
    }

    /** @return how many bytes were read to hash them */
    public long hashedBytes() {
        return hashedBytes.get();
    }

    /**
     * Writes the cache when it changed, dropping entries of files that no longer exist. A cache that cannot
     * be written (a read-only installation) is skipped: it only saves time.
     *
     * @return true when the file was written
     */
    public boolean save() {
        if (!changed) {
            return false;
        }
        StringBuilder text = new StringBuilder();
        ObjectNode head = JSON.createObjectNode().put("format", FORMAT).put("version", FORMAT_VERSION);
        text.append(head).append('\n');
        new TreeMap<>(entries).forEach((path, entry) -> {
            if (Files.exists(root.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
                ObjectNode n = JSON.createObjectNode();
                n.put("path", path);
                n.put("size", entry.stamp().size());
                n.put("mtime_ns", entry.stamp().mtimeNanos());
                n.put("ctime_ns", entry.stamp().ctimeNanos());
                n.put("inode", entry.stamp().inode());
                n.put("sha256", entry.sha256());
                text.append(n).append('\n');
            }
        });
        Path file = file();
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), FILE + "-", ".tmp");
            try {
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                AtomicFiles.fsync(temporary);
                AtomicFiles.move(temporary, file);
            } finally {
                Files.deleteIfExists(temporary);
            }
            changed = false;
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
