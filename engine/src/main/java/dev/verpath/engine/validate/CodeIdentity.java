package dev.verpath.engine.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.files.HashCache;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The SHA-256 of the code some classes are loaded from, so that results computed by that code can be remembered
 * for as long as the code is the same: the jar or folder of each class, and, for a class of a plugin (a class
 * loader of its own that reads URLs), every jar and folder that loader reads, by their content alone (a plugin's
 * jar is a staged copy at a new path every run). A jar is hashed once and remembered
 * by its {@link FileStamp} (the engine's jar is large; a plugin's staged copy is small and new every run); a folder
 * (a test's classes, an unpacked plugin) is hashed whole every time. The Java runtime is named by its version. Not
 * thread-safe (what all of them remember for a process is). Also names the code of the rules whose outputs the step
 * cache keeps ({@code reuse}).
 */
public final class CodeIdentity {

    /** A jar's hash, and the stamp it had when it was hashed. */
    private record Known(FileStamp stamp, String sha256) {
    }

    /** The first line of a file of remembered jars ({@link #read}, {@link #save}): its format and version. */
    private static final String FILE_HEAD = "verpath-codeidentity 2";

    /**
     * The jars any identity of this process knew or hashed, by path: an identity that remembers nothing of a jar (the
     * step cache of a new installation) takes the hash another one had for the same stamp (the kept version graphs'
     * in the user's cache), instead of reading the engine's 36 MB jar again, on a cold JVM.
     */
    private static final Map<String, Known> SEEN = new java.util.concurrent.ConcurrentHashMap<>();

    private final Map<String, Known> known;
    private final Map<String, Known> used = new TreeMap<>();

    private CodeIdentity(Map<String, Known> known) {
        this.known = known;
    }

    /**
     * @param lines cache lines {@link #lines()} wrote before (others are skipped)
     * @return an identity that remembers the jars those lines name
     */
    public static CodeIdentity remembering(List<JsonNode> lines) {
        Map<String, Known> known = new TreeMap<>();
        for (JsonNode n : lines) {
            if (n.path("code").isTextual() && n.path("sha256").asText().length() == 64) {
                known.put(n.path("code").asText(), new Known(FileStamp.from(n), n.path("sha256").asText()));
            }
        }
        return new CodeIdentity(known);
    }

    /**
     * An identity that remembers the jars a file of its own names ({@link #save}): a command that has no other cache
     * to keep them in (the step cache, the kept version graphs) hashes a large jar once, not every run. The file is
     * plain text, a line a jar (its hash, stamp and path, tab-separated), so that reading it needs no JSON parser:
     * {@code info} reads it on every run, and a JSON parser's start-up in a cold JVM cost more than all the rest of
     * the graph's key.
     *
     * @param file the file; missing, damaged or of another format: nothing remembered
     * @return the identity
     */
    public static CodeIdentity read(Path file) {
        Map<String, Known> known = new TreeMap<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(FILE_HEAD)) {
                return new CodeIdentity(known);
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split("\t", 6);
                if (fields.length == 6 && fields[0].length() == 64) {
                    known.put(fields[5], new Known(new FileStamp(Long.parseLong(fields[1]), Long.parseLong(fields[2]),
                            Long.parseLong(fields[3]), Long.parseLong(fields[4])), fields[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            known.clear();
        }
        return new CodeIdentity(known);
    }

    /**
     * Keeps the jars hashed this run in a file of its own ({@link #read} reads it), when they differ from those it
     * remembered.
     *
     * @param file the file
     */
    public void save(Path file) {
        if (changed()) {
            StringBuilder text = new StringBuilder(FILE_HEAD).append('\n');
            used.forEach((path, jar) -> {
                if (path.indexOf('\n') < 0 && path.indexOf('\r') < 0) {
                    FileStamp s = jar.stamp();
                    text.append(String.join("\t", jar.sha256(), Long.toString(s.size()), Long.toString(s.mtimeNanos()),
                            Long.toString(s.ctimeNanos()), Long.toString(s.inode()), path)).append('\n');
                }
            });
            CacheText.write(file, text);
        }
    }

    /**
     * The identity of the code of some classes.
     *
     * @param classes the classes
     * @return the SHA-256 of the code they are loaded from, as 64 hex digits; empty when a class comes from code that
     *         cannot be read as a file (then nothing computed by it should be remembered)
     */
    public Optional<String> of(Collection<Class<?>> classes) {
        TreeSet<Path> sources = new TreeSet<>();
        for (Class<?> type : classes) {
            Optional<List<Path>> where = sources(type);
            if (where.isEmpty()) {
                return Optional.empty();
            }
            sources.addAll(where.get());
        }
        // by content alone: a plugin's jar is a staged copy at a new path every run
        TreeSet<String> hashes = new TreeSet<>();
        try {
            for (Path source : sources) {
                hashes.add(Files.isDirectory(source) ? folder(source) : jar(source));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        MessageDigest digest = HashCache.newDigest();
        update(digest, "java " + Runtime.version());
        hashes.forEach(h -> update(digest, h));
        return Optional.of(HexFormat.of().formatHex(digest.digest()));
    }

    /** @return whether the jars hashed this run differ from those remembered (a new or rebuilt jar) */
    boolean changed() {
        if (used.size() != known.size()) {
            return true;
        }
        // field by field: a record's equals is slow on a cold start
        for (Map.Entry<String, Known> e : used.entrySet()) {
            Known before = known.get(e.getKey());
            if (before == null || !before.stamp().same(e.getValue().stamp())
                    || !before.sha256().equals(e.getValue().sha256())) {
                return true;
            }
        }
        return false;
    }

    /** @return a cache line for each jar used this run: {@code code} (its path), its stamp and {@code sha256} */
    List<ObjectNode> lines() {
        return used.entrySet().stream().map(e -> e.getValue().stamp()
                .into(CacheFile.JSON.createObjectNode().put("code", e.getKey())).put("sha256", e.getValue().sha256())).toList();
    }

    /** @return where a class is loaded from, empty when that is not a file or folder (the runtime's own: none) */
    private static Optional<List<Path>> sources(Class<?> type) {
        if (type.getClassLoader() == null) {
            return Optional.of(List.of());
        }
        CodeSource code = type.getProtectionDomain().getCodeSource();
        List<URL> urls = new ArrayList<>();
        if (code != null) {
            urls.add(code.getLocation());
        }
        if (type.getClassLoader() instanceof URLClassLoader loader) {
            urls.addAll(List.of(loader.getURLs()));
        }
        try {
            List<Path> paths = new ArrayList<>(urls.size());
            for (URL url : urls) {
                paths.add(path(url));
            }
            return paths.isEmpty() ? Optional.empty() : Optional.of(paths);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Path path(URL url) {
        try {
            return Path.of(url.toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalArgumentException("not a file: " + url, e);
        }
    }

    /** A jar's hash: remembered when its stamp is unchanged, else read (and remembered when it has settled). */
    private String jar(Path jar) throws IOException {
        String key = jar.toString();
        FileStamp stamp = FileStamp.of(jar);
        Known remembered = used.containsKey(key) ? used.get(key) : known.get(key); // hashed once a run at most
        if (remembered == null || !remembered.stamp().same(stamp)) {
            remembered = SEEN.get(key);
        }
        if (remembered != null && remembered.stamp().same(stamp)) {
            used.put(key, remembered);
            SEEN.put(key, remembered);
            return remembered.sha256();
        }
        Instant started = Instant.now();
        String sha = HashCache.hash(jar);
        if (stamp.settled(FileStamp.of(jar), started)) {
            Known hashed = new Known(stamp, sha);
            used.put(key, hashed);
            SEEN.put(key, hashed);
        }
        return sha;
    }

    private static String folder(Path folder) throws IOException {
        MessageDigest digest = HashCache.newDigest();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                update(digest, folder.relativize(file).toString());
                digest.update(Files.readAllBytes(file));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
