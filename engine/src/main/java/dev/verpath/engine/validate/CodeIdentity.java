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
 * thread-safe. Also names the code of the rules whose outputs the step cache keeps ({@code reuse}).
 */
public final class CodeIdentity {

    /** A jar's hash, and the stamp it had when it was hashed. */
    private record Known(FileStamp stamp, String sha256) {
    }

    /** The format of a file of remembered jars ({@link #read}, {@link #save}). */
    private static final String FORMAT = "verpath-codeidentity";

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
     * to keep them in (the step cache) hashes a large jar once, not every run.
     *
     * @param file the file; missing, damaged or of another format: nothing remembered
     * @return the identity
     */
    public static CodeIdentity read(Path file) {
        return remembering(CacheFile.read(file, FORMAT, 1).map(CacheFile.Content::lines).orElse(List.of()));
    }

    /**
     * Keeps the jars hashed this run in a file of its own, when they differ from those it remembered.
     *
     * @param file the file ({@link #read} reads it)
     */
    public void save(Path file) {
        if (changed()) {
            CacheFile.write(file, CacheFile.head(FORMAT, 1), lines());
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
        // field by field: a record's equals is slow on a cold start
        return used.size() != known.size() || used.entrySet().stream().anyMatch(e -> known.get(e.getKey()) == null
                || !known.get(e.getKey()).stamp().same(e.getValue().stamp())
                || !known.get(e.getKey()).sha256().equals(e.getValue().sha256()));
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
        Stream<URL> urls = type.getClassLoader() instanceof URLClassLoader loader ? Stream.of(loader.getURLs()) : Stream.of();
        try {
            List<Path> paths = Stream.concat(Stream.ofNullable(code).map(CodeSource::getLocation), urls)
                    .map(CodeIdentity::path).toList();
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
        Known remembered = known.get(key);
        if (remembered != null && remembered.stamp().same(stamp)) {
            used.put(key, remembered);
            return remembered.sha256();
        }
        Instant started = Instant.now();
        String sha = HashCache.hash(jar);
        if (stamp.settled(FileStamp.of(jar), started)) {
            used.put(key, new Known(stamp, sha));
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
