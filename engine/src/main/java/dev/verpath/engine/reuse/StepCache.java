package dev.verpath.engine.reuse;

import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.HardLinks;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.files.PrivateFiles;
import dev.verpath.engine.records.KeptOutputs;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.validate.CodeIdentity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step cache: the output of each record file of each record pass, kept in {@code .migrate/stepcache/} beside the
 * backups of {@code .migrate/backups/} (or in {@code [cache] dir}; 0700, entries 0600), named by the SHA-256 of the pass ({@link PassKey}) and the file's path, and the SHA-256
 * of the file's bytes ({@link KeptEntry}). Bounded by {@code [cache] max_bytes}: the entries least recently written or
 * reused are deleted first. An optimisation only: a missing, damaged or foreign entry is a miss, and nothing the cache
 * fails to do fails a run. Not thread-safe: one run, one thread.
 */
public final class StepCache {

    /** The cache's folder in the installation's state folder, unless {@code [cache] dir} names another. */
    public static final String FOLDER = "stepcache";
    /** How an entry's name ends: its output's bytes. */
    static final String ENTRY = ".out";
    /** How the name of an entry's trailer ends (the entry's name and this). */
    static final String TRAILER = ".kept";
    private static final Logger LOG = LoggerFactory.getLogger(StepCache.class);
    private static final Duration STALE = Duration.ofDays(1);

    private final Optional<Path> folder;
    private final boolean writable;
    private final long maxBytes;
    private final long keepFree;
    private final Map<String, Long> entries = new LinkedHashMap<>(16, 0.75f, true); // least recently used first
    /** The jars' hashes are remembered in this file of the folder, so that a run does not hash the engine's jar. */
    private static final String CODE = "code";
    private final CodeIdentity code;
    private long total;

    private StepCache(Optional<Path> folder, boolean writable, long maxBytes, long keepFree) {
        this.folder = folder;
        this.writable = writable;
        this.maxBytes = maxBytes;
        this.keepFree = keepFree;
        this.code = folder.map(f -> CodeIdentity.read(f.resolve(CODE))).orElseGet(() -> CodeIdentity.remembering(List.of()));
        folder.ifPresent(this::load);
    }

    /**
     * The cache of an installation, as the settings say ({@code [cache] enabled}, {@code dir}, {@code max_bytes}).
     *
     * @param settings    the effective settings
     * @param stateFolder the installation's state folder ({@code .migrate}), where the cache is unless
     *                    {@code [cache] dir} names a folder
     * @param writable    false to reuse entries but keep none (a dry run, {@code info})
     * @return the cache; one that keeps and finds nothing when the setting turns it off
     */
    public static StepCache open(EngineSettings settings, Path stateFolder, boolean writable) {
        if (!settings.value("cache.enabled").map(Boolean::parseBoolean).orElse(true)) {
            return none();
        }
        Path folder = settings.value("cache.dir").filter(d -> !d.isBlank()).map(Path::of)
                .orElse(stateFolder.resolve(FOLDER)).toAbsolutePath().normalize();
        long max = settings.wholeNumber("cache.max_bytes", 0, 0, Long.MAX_VALUE, "0 or a whole number of bytes");
        return new StepCache(Optional.of(folder), writable, max == 0 ? tenthOf(folder) : max, settings.keepFreeBytes());
    }

    /** @return a cache that keeps and finds nothing */
    public static StepCache none() {
        return new StepCache(Optional.empty(), false, 0, 0);
    }

    /** @return the cache's folder; empty when it is off */
    public Optional<Path> folder() {
        return folder;
    }

    /** @return the bytes its entries take now */
    public long size() {
        return total;
    }

    /** @return the most its entries may take */
    public long maxBytes() {
        return maxBytes;
    }

    /** @return the SHA-256 of the code some classes are loaded from, for {@link PassKey} */
    public Function<Collection<Class<?>>, Optional<String>> code() {
        return classes -> {
            Optional<String> identity = code.of(classes);
            if (writable) {
                folder.ifPresent(f -> code.save(f.resolve(CODE)));
            }
            return identity;
        };
    }

    /**
     * @param passKey  the pass ({@link PassKey}); empty when it cannot be named (then nothing is kept or reused)
     * @param readable where the bytes of a file the pass reads are now (the input before the pass writes it, the
     *                 staged output after)
     * @param hashes   the run's hash cache, told each input's SHA-256 as the pass reads it
     * @return the outputs of the pass kept from earlier runs
     */
    public PassOutputs forPass(Optional<String> passKey, Function<String, Path> readable, HashCache hashes) {
        return new PassOutputs(this, passKey.filter(k -> folder.isPresent()), readable, hashes);
    }

    /** @return the names of the entries of a slot (one pass, one path) */
    List<String> candidates(String slot) {
        String prefix = slot + "-";
        return entries.keySet().stream().filter(n -> n.startsWith(prefix)).toList();
    }

    /** @return an entry's file: its output's bytes */
    Path file(String name) {
        return folder.orElseThrow().resolve(name);
    }

    /** @return an entry's trailer */
    Path trailer(String name) {
        return folder.orElseThrow().resolve(name + TRAILER);
    }

    /** Marks an entry as just used: it is evicted last (its modification time says so to later runs). */
    void used(String name) {
        entries.get(name);
        if (writable) {
            try {
                Files.setLastModifiedTime(trailer(name), FileTime.from(Instant.now())); // never the output: it may be a link
            } catch (IOException e) {
                LOG.debug("{}: its time could not be set", name, e);
            }
        }
    }

    /** Deletes an entry found damaged. */
    void forget(String name) {
        Long size = entries.remove(name);
        total -= size == null ? 0 : size;
        if (writable) {
            delete(file(name));
            delete(trailer(name));
        }
    }

    /**
     * @param inputBytes the size of the file about to be migrated
     * @return whether its output is kept: not in a dry run, nor for a file larger than the cache, nor when the
     *         space is short
     */
    boolean accepts(long inputBytes) {
        if (!writable || folder.isEmpty() || inputBytes > maxBytes) {
            return false;
        }
        try {
            PrivateFiles.createFolders(folder.get());
            FileStore store = Files.getFileStore(folder.get());
            return store.getUsableSpace() - 2 * inputBytes >= keepFree; // else the run's own staging needs the space
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("{}: no entry can be written", folder.get(), e);
            return false;
        }
    }

    /** @return the bound for the largest output kept */
    long limit() {
        return maxBytes;
    }

    /**
     * Makes a written output an entry: a hard link to it where the file system makes one (no copy; a later write into
     * the file in place fails the entry's SHA-256 and makes it a miss), else a private copy; then its trailer. Both
     * are made under temporary names and renamed, the trailer last. Then the least recently used entries are deleted
     * until the cache is within its bound.
     *
     * @param output   the written output (the staged file)
     * @param slot     the pass and the file
     * @param inputSha the SHA-256 of the input
     * @param trailer  the entry's trailer ({@link KeptEntry#bytes})
     */
    void store(Path output, String slot, String inputSha, byte[] trailer) throws IOException {
        String name = slot + "-" + inputSha + ENTRY;
        Path data = temporary();
        try {
            Files.delete(data);
            if (!HardLinks.link(data, output)) {
                try (OutputStream out = PrivateFiles.newOutputStream(data)) {
                    Files.copy(output, out);
                }
            }
            AtomicFiles.move(data, file(name));
        } finally {
            Files.deleteIfExists(data);
        }
        AtomicFiles.replacePrivately(trailer(name), trailer, false);
        long size = Files.size(file(name)) + trailer.length;
        Long before = entries.put(name, size);
        total += size - (before == null ? 0 : before);
        evictBeyond(maxBytes);
    }

    private Path temporary() throws IOException {
        return PrivateFiles.createUniqueFile(folder.orElseThrow(), "entry-", ".tmp");
    }

    private void evictBeyond(long bound) {
        List<String> order = new ArrayList<>(entries.keySet());
        for (int i = 0; total > bound && i < order.size() - 1; i++) {
            String name = order.get(i);
            total -= entries.remove(name);
            delete(file(name));
            delete(trailer(name));
            LOG.debug("{}: evicted, the cache is over {} bytes", name, bound);
        }
    }

    private void load(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        record Found(String name, long size, FileTime time) {
        }
        List<Found> found = new ArrayList<>();
        Instant stale = Instant.now().minus(STALE);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                FileTime time = Files.getLastModifiedTime(f);
                Path meta = folder.resolve(name + TRAILER);
                boolean whole = name.endsWith(ENTRY) && Files.isRegularFile(f) && Files.isRegularFile(meta);
                if (whole) {
                    found.add(new Found(name, Files.size(f) + Files.size(meta), Files.getLastModifiedTime(meta)));
                } else if (writable && time.toInstant().isBefore(stale) && (name.endsWith(".tmp") || name.endsWith(ENTRY)
                        || name.endsWith(TRAILER) && !Files.exists(folder.resolve(name.replace(TRAILER, ""))))) {
                    delete(f); // left by a run that died, half an entry, or an entry of an older format
                }
            }
        } catch (IOException e) {
            LOG.debug("{}: could not be listed; starting empty", folder, e);
            return;
        }
        found.sort(Comparator.comparing(Found::time).thenComparing(Found::name));
        found.forEach(f -> {
            entries.put(f.name(), f.size());
            total += f.size();
        });
        if (writable) {
            evictBeyond(maxBytes); // the bound may have been lowered
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("{}: could not be deleted", file, e);
        }
    }

    /** A tenth of the file system the folder is (or would be) on; 1 GiB where that cannot be read. */
    private static long tenthOf(Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? 1L << 30 : Files.getFileStore(existing).getTotalSpace() / 10;
        } catch (IOException e) {
            return 1L << 30;
        }
    }
}
