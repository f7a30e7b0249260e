package dev.verpath.engine.reuse;

import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.engine.files.PrivateFiles;
import dev.verpath.engine.records.KeptOutputs;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.validate.CodeIdentity;
import java.io.IOException;
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
    /** How an entry's name ends. */
    static final String ENTRY = ".out";
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
     * @param readable where the bytes of a file the pass reads are now
     * @return the outputs of the pass kept from earlier runs
     */
    public PassOutputs forPass(Optional<String> passKey, Function<String, Path> readable) {
        return new PassOutputs(this, passKey.filter(k -> folder.isPresent()), readable);
    }

    /** @return the names of the entries of a slot (one pass, one path) */
    List<String> candidates(String slot) {
        String prefix = slot + "-";
        return entries.keySet().stream().filter(n -> n.startsWith(prefix)).toList();
    }

    /** @return an entry's file */
    Path file(String name) {
        return folder.orElseThrow().resolve(name);
    }

    /** Marks an entry as just used: it is evicted last (its modification time says so to later runs). */
    void used(String name) {
        entries.get(name);
        if (writable) {
            try {
                Files.setLastModifiedTime(file(name), FileTime.from(Instant.now()));
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
        }
    }

    /**
     * @param inputBytes the size of the file about to be migrated
     * @return a new private temporary file for its entry; empty when nothing is kept now (a dry run, a file larger than
     *         the cache, too little free space)
     */
    Optional<Path> temporary(long inputBytes) {
        if (!writable || folder.isEmpty() || inputBytes > maxBytes) {
            return Optional.empty();
        }
        try {
            PrivateFiles.createFolders(folder.get());
            FileStore store = Files.getFileStore(folder.get());
            if (store.getUsableSpace() - 2 * inputBytes < keepFree) {
                return Optional.empty(); // the run's own staging needs the space more
            }
            return Optional.of(Files.createTempFile(folder.get(), "entry-", ".tmp", PrivateFiles.fileMode(folder.get())));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("{}: no entry can be written", folder.get(), e);
            return Optional.empty();
        }
    }

    /** @return the bound for the largest output kept */
    long limit() {
        return maxBytes;
    }

    /**
     * Renames a finished temporary file to its entry's name, then deletes the least recently used entries until
     * the cache is within its bound.
     */
    void store(Path temporary, String slot, String inputSha) throws IOException {
        String name = slot + "-" + inputSha + ENTRY;
        long size = Files.size(temporary);
        AtomicFiles.move(temporary, file(name));
        Long before = entries.put(name, size);
        total += size - (before == null ? 0 : before);
        evictBeyond(maxBytes);
    }

    private void evictBeyond(long bound) {
        List<String> order = new ArrayList<>(entries.keySet());
        for (int i = 0; total > bound && i < order.size() - 1; i++) {
            String name = order.get(i);
            total -= entries.remove(name);
            delete(file(name));
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
                if (name.endsWith(ENTRY) && Files.isRegularFile(f)) {
                    found.add(new Found(name, Files.size(f), time));
                } else if (writable && name.endsWith(".tmp") && time.toInstant().isBefore(stale)) {
                    delete(f); // left by a run that died
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

    /** Deletes a file of the cache, saying nothing when it cannot. */
    void deleteQuietly(Path file) {
        delete(file);
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
