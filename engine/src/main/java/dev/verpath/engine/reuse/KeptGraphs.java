package dev.verpath.engine.reuse;

import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.graph.GraphStore;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EngineSettings;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The compiled version graphs of products, kept between runs in the user's cache ({@code
 * ${XDG_CACHE_HOME:-$HOME/.cache}/verpath/graphs/}, 0700, files 0600): a command such as {@code info --from --to} has
 * no installation to keep them in. One file per product and key ({@link GraphKey}: the code of the engine and of every
 * loaded rule set, and what chooses the rules), named by the SHA-256 of each; the newest {@value #KEEP} of a product
 * are kept. A file is the magic, the format, the key and the product in full, the graph's bytes and a CRC-32 of all
 * that ({@link DataOutputStream}); it is written to a temporary name and renamed, so a reader never sees half of one
 * (a killed writer's temporary files are swept by a later writer once a day old). A file that is missing, cut short,
 * damaged, of another format or another key is a miss, and a folder that cannot be written keeps nothing: never a
 * failure of the command. Not thread-safe: one command, one thread.
 */
public final class KeptGraphs implements GraphStore {

    /** The folder below the user's cache. */
    static final String FOLDER = "verpath/graphs";
    /** How many graphs of one product are kept: the newest. */
    static final int KEEP = 4;
    /** How old a temporary file must be to be taken for one a killed writer left. */
    static final Duration STALE = Duration.ofDays(1);
    private static final long MAGIC = 0x5650_4752_4150_4853L; // "VPGRAPHS"
    private static final int FORMAT = 2;
    private static final String ENDING = ".graph";

    private final Path folder;
    private final Supplier<Optional<String>> key;
    private Optional<String> computed;

    KeptGraphs(Path folder, Supplier<Optional<String>> key) {
        this.folder = folder;
        this.key = key;
    }

    /**
     * The store of a command's graphs, as the settings say ({@code [cache] graphs}).
     *
     * @param settings  the effective settings
     * @param registry  the loaded rules, whose graphs it keeps
     * @param userCache the user's cache folder ({@link #userCache}); empty: nothing is kept
     * @return the store; {@link GraphStore#NONE} when the setting turns it off or there is no cache folder
     */
    public static GraphStore open(EngineSettings settings, RuleRegistry registry, Optional<Path> userCache) {
        if (!settings.value("cache.graphs").map(Boolean::parseBoolean).orElse(true) || userCache.isEmpty()) {
            return GraphStore.NONE;
        }
        Path folder = userCache.get().resolve(FOLDER);
        return new KeptGraphs(folder, () -> GraphKey.of(registry, settings.edgePreferences(), folder));
    }

    /**
     * @param environment the process's environment
     * @return {@code $XDG_CACHE_HOME}, else {@code $HOME/.cache}, when one is an absolute path; else empty
     */
    public static Optional<Path> userCache(Map<String, String> environment) {
        return Stream.of(Optional.ofNullable(environment.get("XDG_CACHE_HOME")),
                        Optional.ofNullable(environment.get("HOME")).filter(h -> !h.isEmpty()).map(h -> h + "/.cache"))
                .flatMap(Optional::stream).filter(p -> !p.isEmpty()).map(Path::of).filter(Path::isAbsolute)
                .findFirst();
    }

    private Optional<String> key() {
        if (computed == null) {
            computed = key.get();
        }
        return computed;
    }

    @Override
    public Optional<ByteBuffer> find(String product) {
        return key().flatMap(k -> {
            try {
                return read(Files.readAllBytes(file(product, k)), k, product);
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void keep(String product, byte[] graph) {
        key().ifPresent(k -> {
            try {
                AtomicFiles.replacePrivately(file(product, k), framed(graph, k, product), false);
                prune(product);
            } catch (IOException | RuntimeException e) {
                // a cache that cannot be written keeps nothing
            }
        });
    }

    /** @return the file of a product's graph under a key */
    Path file(String product, String key) {
        return folder.resolve(HashCache.hashText(product).substring(0, 16) + "-" + HashCache.hashText(key).substring(0, 40) + ENDING);
    }

    /**
     * Deletes a product's graphs but the newest {@value #KEEP} (by when they were written), and temporary files a
     * writer that was killed left behind, once they are {@link #STALE} old (a live writer finishes in well under that).
     */
    private void prune(String product) throws IOException {
        String prefix = HashCache.hashText(product).substring(0, 16) + "-";
        Instant stale = Instant.now().minus(STALE);
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.toList();
        }
        for (Path f : files) {
            if (f.getFileName().toString().endsWith(".tmp") && written(f).toInstant().isBefore(stale)) {
                Files.deleteIfExists(f);
            }
        }
        List<Path> graphs = files.stream()
                .filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(ENDING))
                .sorted(Comparator.comparing(KeptGraphs::written).reversed()).toList();
        for (Path old : graphs.subList(Math.min(KEEP, graphs.size()), graphs.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static FileTime written(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static byte[] framed(byte[] graph, String key, String product) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(graph.length + key.length() + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(MAGIC);
            out.writeInt(FORMAT);
            text(out, key);
            text(out, product);
            out.writeInt(graph.length);
            out.write(graph);
            out.writeLong(0); // the checksum's place
        }
        byte[] all = bytes.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - Long.BYTES);
        ByteBuffer.wrap(all).putLong(all.length - Long.BYTES, crc.getValue());
        return all;
    }

    /**
     * @return the graph's bytes of a file (a view of them, not a copy), when it is whole, of this format, and of this
     *         key and product
     */
    private static Optional<ByteBuffer> read(byte[] file, String key, String product) {
        if (file.length < Long.BYTES * 2) {
            return Optional.empty();
        }
        CRC32 crc = new CRC32(); // the JDK's, in zlib: CRC32C's tables are built in Java on first use (~1 ms, cold)
        crc.update(file, 0, file.length - Long.BYTES);
        ByteBuffer in = ByteBuffer.wrap(file);
        if (in.getLong(file.length - Long.BYTES) != crc.getValue()) {
            return Optional.empty();
        }
        in.limit(file.length - Long.BYTES);
        if (in.getLong() != MAGIC || in.getInt() != FORMAT || !text(in).equals(key) || !text(in).equals(product)) {
            return Optional.empty();
        }
        return in.getInt() == in.remaining() ? Optional.of(in.slice()) : Optional.empty();
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("a text beyond the file");
        }
        String text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }
}
