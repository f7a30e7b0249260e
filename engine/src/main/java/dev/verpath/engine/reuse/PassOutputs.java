package dev.verpath.engine.reuse;

import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.records.KeptOutputs;
import dev.verpath.engine.validate.FileStamp;
import dev.verpath.rules.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outputs of one record pass in the {@link StepCache}. A file's entries are those of its slot (the pass and the
 * path); the one whose input SHA-256 is the file's is its kept output. The file is hashed only when its slot has
 * entries, and not even then when an entry recorded the file's {@link FileStamp} (size, modification and change time,
 * inode, taken when the file had settled, as git's index and the {@code StatCache} do) and the file has it still.
 * A file its slot has no entry for is hashed as the pass reads it. One pass, one thread.
 */
public final class PassOutputs implements KeptOutputs {

    /** How a file's SHA-256 is had when no stamp vouches for it. */
    @FunctionalInterface
    public interface Hashing {
        /** @return the file's SHA-256, 64 hex digits */
        String sha256() throws IOException;
    }

    private final StepCache cache;
    private final Optional<String> passKey;
    private final Function<String, Path> readable;
    private final HashCache hashes;

    PassOutputs(StepCache cache, Optional<String> passKey, Function<String, Path> readable, HashCache hashes) {
        this.cache = cache;
        this.passKey = passKey;
        this.readable = readable;
        this.hashes = hashes;
    }

    @Override
    public Optional<Kept> find(Workspace workspace, String path) throws IOException {
        return find(path, () -> workspace.sha256(path)).map(Kept.class::cast);
    }

    /**
     * The output kept for a file.
     *
     * @param path    the file, relative to the root
     * @param hashing gives its SHA-256 when that is needed
     * @return its kept output, when there is one for its bytes
     * @throws IOException when the file cannot be read
     */
    public Optional<KeptEntry> find(String path, Hashing hashing) throws IOException {
        if (passKey.isEmpty()) {
            return Optional.empty();
        }
        String slot = slot(path);
        List<String> names = cache.candidates(slot);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        Optional<FileStamp> now = stamp(readable.apply(path));
        for (String name : names) {
            Optional<KeptEntry> entry = KeptEntry.read(cache.file(name), cache.trailer(name), () -> cache.forget(name));
            if (entry.isPresent() && now.isPresent() && entry.get().trailer().inputStamp().filter(now.get()::same).isPresent()
                    && name.equals(slot + "-" + entry.get().trailer().inputSha256() + StepCache.ENTRY)) {
                cache.used(name);
                return entry;
            }
        }
        String name = slot + "-" + hashing.sha256() + StepCache.ENTRY;
        if (!names.contains(name)) {
            return Optional.empty();
        }
        Optional<KeptEntry> entry = KeptEntry.read(cache.file(name), cache.trailer(name), () -> cache.forget(name));
        if (entry.isEmpty()) {
            cache.forget(name); // damaged: a miss
            return Optional.empty();
        }
        cache.used(name);
        return entry;
    }

    @Override
    public Keeping keep(String path) {
        if (passKey.isEmpty()) {
            return Keeping.NONE;
        }
        Path input = readable.apply(path);
        try {
            return cache.accepts(Files.size(input))
                    ? new EntryWriter(cache, slot(path), input, () -> readable.apply(path), hashes, cache.limit())
                    : Keeping.NONE;
        } catch (IOException e) {
            return Keeping.NONE;
        }
    }

    private String slot(String path) {
        return HashCache.hashText(passKey.orElseThrow() + "\n" + path);
    }

    private static Optional<FileStamp> stamp(Path file) {
        try {
            return Optional.of(FileStamp.of(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
