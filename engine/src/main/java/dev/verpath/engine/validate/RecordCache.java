package dev.verpath.engine.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.workspace.LiveTree;
import dev.verpath.rules.Finding;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The findings of the record checks on each record file across runs of {@code migrate validate}, in
 * {@code .migrate/recordcache}, as the {@link StatCache} keeps the weights' hashes: a file whose {@link FileStamp}
 * (size, modification and change time, inode) is what it was when it was checked, under the same checks, is not
 * read again, and reports the findings it had then, in the same words and order. The checks are named by a checksum
 * ({@link #use}) of their settings (product, version, which checks, {@code max_record_bytes}) and of the code that
 * runs them (the engine's and every rule set's jar, {@link CodeIdentity}); a run under other checks starts empty.
 *
 * <p>A file changed within {@link FileStamp#RACY_WINDOW} before it was read, changed while it was read, that could
 * not be read whole, or that is not a regular file (a symbolic link) is not remembered. The cache is a hint
 * ({@link CacheFile}): a missing, damaged or foreign file is treated as empty and rewritten, and one that cannot be
 * written is skipped. Not thread-safe.
 */
public final class RecordCache {

    /** The cache's file name in the state folder. */
    public static final String FILE = "recordcache";

    private static final String FORMAT = "verpath-recordcache";
    private static final int FORMAT_VERSION = 1;

    private record Entry(FileStamp stamp, List<Finding> findings) {
    }

    private final Optional<Path> root;
    private final Clock clock;
    private final Map<String, Entry> loaded = new TreeMap<>();
    private final String loadedChecks;
    private final CodeIdentity code;
    private final Map<String, Entry> entries = new TreeMap<>();
    private final Set<String> seen = new HashSet<>();
    private Optional<String> checks = Optional.empty();
    private boolean dirty;
    private int recalled;
    private int checked;
    private long checkedBytes;

    private RecordCache(Optional<Path> root, Clock clock, Optional<CacheFile.Content> content) {
        this.root = root.map(r -> r.toAbsolutePath().normalize());
        this.clock = clock;
        List<JsonNode> lines = content.map(CacheFile.Content::lines).orElse(List.of());
        this.loadedChecks = content.map(c -> c.head().path("checks").asText()).orElse("");
        this.code = CodeIdentity.remembering(lines);
        try {
            for (JsonNode n : lines) {
                if (n.has("path")) {
                    loaded.put(text(n, "path"), new Entry(stamp(n), findings(n.get("findings"))));
                }
            }
        } catch (IllegalArgumentException e) {
            loaded.clear(); // a damaged cache: every file is read again, and the cache rewritten
        }
    }

    /**
     * The cache of an installation.
     *
     * @param root   the installation root
     * @param ignore true to start empty ({@code --full}, {@code --repair}): every file is read, and the results saved
     * @param clock  the clock the racy window is measured with
     * @return the cache
     */
    public static RecordCache open(Path root, boolean ignore, Clock clock) {
        Path file = root.toAbsolutePath().normalize().resolve(LiveTree.STATE_FOLDER).resolve(FILE);
        return new RecordCache(Optional.of(root), clock,
                ignore ? Optional.empty() : CacheFile.read(file, FORMAT, FORMAT_VERSION));
    }

    /** @return a cache that remembers nothing: every file is read, nothing is written (a migration's checks) */
    public static RecordCache none() {
        return new RecordCache(Optional.empty(), Clock.systemUTC(), Optional.empty());
    }

    /** @return where the cache lives, {@code <root>/.migrate/recordcache}; empty for {@link #none()} */
    public Optional<Path> file() {
        return root.map(r -> r.resolve(LiveTree.STATE_FOLDER).resolve(FILE));
    }

    /**
     * Names the checks whose findings are recalled and remembered from now on: entries of other checks are dropped.
     * When the code cannot be named, nothing is recalled or remembered.
     *
     * @param settings  what selects and tunes the checks, as text
     * @param classes   the classes whose code runs them
     */
    void use(String settings, Collection<Class<?>> classes) {
        if (root.isEmpty()) {
            return;
        }
        checks = code.of(classes).map(c -> HashCache.hashText(FORMAT + " " + FORMAT_VERSION + "\n" + settings + "\n" + c));
        entries.clear();
        dirty = checks.isEmpty() || !checks.get().equals(loadedChecks);
        if (!dirty) {
            entries.putAll(loaded);
        }
    }

    /**
     * @param path a record file, relative to the root
     * @return its stamp, when the file is a regular file whose findings can be remembered
     */
    Optional<FileStamp> stamp(String path) {
        if (checks.isEmpty()) {
            return Optional.empty();
        }
        seen.add(path);
        Path file = root.orElseThrow().resolve(path);
        try {
            return Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? Optional.of(FileStamp.of(file))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * @param path  a record file
     * @param stamp its stamp now
     * @return its findings as they were when it had this stamp, when they are known
     */
    Optional<List<Finding>> recall(String path, FileStamp stamp) {
        Entry known = entries.get(path);
        if (known == null || !known.stamp().same(stamp)) {
            return Optional.empty();
        }
        recalled++;
        return Optional.of(known.findings());
    }

    /** @return the time a file's reading starts, for {@link #remember} */
    Instant now() {
        return clock.instant();
    }

    /**
     * Remembers a file's findings, when the file is as it was before it was read and had settled then.
     *
     * @param path     a record file
     * @param before   its stamp before it was read
     * @param started  when the reading started ({@link #now()})
     * @param findings what the checks found in it
     */
    void remember(String path, FileStamp before, Instant started, List<Finding> findings) {
        entries.remove(path);
        dirty = true;
        try {
            if (before.settled(FileStamp.of(root.orElseThrow().resolve(path)), started)) {
                entries.put(path, new Entry(before, List.copyOf(findings)));
            }
        } catch (IOException e) {
            // gone or unreadable meanwhile: not remembered
        }
    }

    /**
     * Counts a file that was read.
     *
     * @param bytes its size
     */
    void countChecked(long bytes) {
        checked++;
        checkedBytes += bytes;
    }

    /** @return how many files' findings came from the cache without reading them */
    public int recalled() {
        return recalled;
    }

    /** @return how many files were read and checked */
    public int checked() {
        return checked;
    }

    /** @return how many bytes were read to check them */
    public long checkedBytes() {
        return checkedBytes;
    }

    /**
     * Writes the cache when anything changed: the files checked or recalled under the checks of this run, and the
     * jars of their code; entries of files this run did not see are dropped. A cache that cannot be written (a
     * read-only installation) is skipped: it only saves time.
     *
     * @return true when the file was written
     */
    public boolean save() {
        if (checks.isEmpty() || !(dirty || code.changed() || !seen.containsAll(entries.keySet()))) {
            return false;
        }
        List<ObjectNode> lines = new ArrayList<>(code.lines());
        entries.forEach((path, entry) -> {
            if (seen.contains(path)) {
                lines.add(entry.stamp().into(CacheFile.JSON.createObjectNode().put("path", path))
                        .set("findings", json(entry.findings())));
            }
        });
        boolean written = CacheFile.write(file().orElseThrow(),
                CacheFile.head(FORMAT, FORMAT_VERSION).put("checks", checks.get()), lines);
        dirty &= !written;
        return written;
    }

    private static ArrayNode json(List<Finding> findings) {
        ArrayNode array = CacheFile.JSON.createArrayNode();
        for (Finding f : findings) {
            ObjectNode n = array.addObject().put("rule", f.ruleId()).put("category", f.category().name())
                    .put("severity", f.severity().name()).put("path", f.path());
            f.location().ifPresent(l -> n.put("location", l));
            n.put("message", f.message()).put("remedy", f.remedy());
        }
        return array;
    }

    /** @return the findings of a cache line, as {@link #json} wrote them */
    private static List<Finding> findings(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("no findings");
        }
        List<Finding> findings = new ArrayList<>();
        for (JsonNode n : array) {
            Optional<String> location = n.has("location") ? Optional.of(text(n, "location")) : Optional.empty();
            findings.add(new Finding(text(n, "rule"), ValidationCategory.valueOf(text(n, "category")),
                    Severity.valueOf(text(n, "severity")), text(n, "path"), location, text(n, "message"), text(n, "remedy")));
        }
        return List.copyOf(findings);
    }

    private static FileStamp stamp(JsonNode line) {
        for (String field : List.of("size", "mtime_ns", "ctime_ns", "inode")) {
            if (!line.path(field).isIntegralNumber()) {
                throw new IllegalArgumentException("no " + field);
            }
        }
        return FileStamp.from(line);
    }

    private static String text(JsonNode n, String field) {
        if (!n.path(field).isTextual()) {
            throw new IllegalArgumentException("no " + field);
        }
        return n.get(field).asText();
    }
}
