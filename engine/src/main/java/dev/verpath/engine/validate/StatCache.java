package dev.verpath.engine.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.workspace.LiveTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SHA-256 of an installation's files across runs, in {@code .migrate/statcache}, as git's index keeps
 * them: a file whose {@link FileStamp} (size, modification time, change time and inode) is what it was when it was
 * hashed is not read again. The change time is set by the kernel on every write and cannot be set back from user
 * space, so restoring a file's modification time after changing it does not fool the cache.
 *
 * <p>A file changed within {@link #RACY_WINDOW} before it was hashed is not remembered ("racily clean", as git
 * calls it): a second change within the same tick of the file system's clock would leave its times as
 * they were. The next run hashes it again, and remembers it then.
 *
 * <p>The cache is a hint, never a source of truth ({@link CacheFile}): a missing, unreadable or foreign file is
 * treated as empty, and a cache that cannot be written is skipped. Thread-safe.
 */
public final class StatCache implements HashCache.Source {

    /** The cache's file name in the state folder. */
    public static final String FILE = "statcache";

    /** How old a file's last change must be when it is hashed for the hash to be remembered. */
    public static final Duration RACY_WINDOW = FileStamp.RACY_WINDOW;

    private static final String FORMAT = "verpath-statcache";
    private static final int FORMAT_VERSION = 1;

    private record Entry(FileStamp stamp, String sha256) {
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
        Map<String, Entry> read = new TreeMap<>();
        for (JsonNode n : CacheFile.read(file(), FORMAT, FORMAT_VERSION).map(CacheFile.Content::lines).orElse(List.of())) {
            String sha = n.path("sha256").asText();
            if (!n.path("path").isTextual() || sha.length() != 64) {
                return;
            }
            read.put(n.path("path").asText(), new Entry(FileStamp.from(n), sha));
        }
        entries.putAll(read);
    }

    @Override
    public String sha256(Path file) throws IOException {
        Optional<String> key = key(file);
        if (key.isEmpty()) {
            return count(file, HashCache.hash(file));
        }
        FileStamp before = FileStamp.of(file);
        Entry known = entries.get(key.get());
        if (known != null && known.stamp().same(before)) {
            recalled.incrementAndGet();
            return known.sha256();
        }
        Instant started = clock.instant();
        String sha = count(file, HashCache.hash(file));
        FileStamp after = FileStamp.of(file);
        if (before.settled(after, started)) {
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
        List<ObjectNode> lines = new ArrayList<>();
        new TreeMap<>(entries).forEach((path, entry) -> {
            if (Files.exists(root.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
                ObjectNode n = CacheFile.JSON.createObjectNode().put("path", path);
                lines.add(entry.stamp().into(n).put("sha256", entry.sha256()));
            }
        });
        boolean written = CacheFile.write(file(), CacheFile.head(FORMAT, FORMAT_VERSION), lines);
        changed &= !written;
        return written;
    }
}
