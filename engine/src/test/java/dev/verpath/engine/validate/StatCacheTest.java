package dev.verpath.engine.validate;

import dev.verpath.engine.files.HashCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class StatCacheTest {

    /** A clock ahead of the files' times, so the files of a test count as settled (outside the racy window). */
    private static final Clock LATER = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(30));

    @TempDir
    Path root;

    private Path file(String name, String text) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String hash(StatCache cache, Path file) throws IOException {
        return new HashCache(cache).sha256(file);
    }

    @Test
    void anUnchangedFileIsReadOnceAcrossRuns() throws IOException {
        Path weights = file("models/a/w.safetensors", "weights");

        StatCache first = StatCache.open(root, false, LATER);
        String hashed = hash(first, weights);
        assertThat(first.save()).isTrue();
        StatCache second = StatCache.open(root, false, LATER);
        String recalled = hash(second, weights);

        assertThat(hashed).isEqualTo(HashCache.hash(weights));
        assertThat(first.hashed()).isEqualTo(1);
        assertThat(first.hashedBytes()).isEqualTo(7);
        assertThat(recalled).isEqualTo(hashed);
        assertThat(second.hashed()).isZero();
        assertThat(second.recalled()).isEqualTo(1);
        assertThat(second.save()).as("nothing new to write").isFalse();
        assertThat(Files.readString(root.resolve(".migrate/statcache")))
                .startsWith("{\"format\":\"verpath-statcache\",\"version\":1}\n{\"path\":\"models/a/w.safetensors\",\"size\":7,");
    }

    @Test
    void aChangeThatKeepsSizeAndModificationTimeIsSeenThroughTheChangeTime() throws IOException, InterruptedException {
        Path weights = file("w.bin", "aaaa");
        FileTime mtime = Files.getLastModifiedTime(weights);
        StatCache first = StatCache.open(root, false, LATER);
        hash(first, weights);
        first.save();
        Thread.sleep(50); // past the file system's clock tick, which the racy window covers outside tests

        Files.writeString(weights, "bbbb");
        Files.setLastModifiedTime(weights, mtime);
        StatCache second = StatCache.open(root, false, LATER);

        assertThat(hash(second, weights)).isEqualTo(HashCache.hash(weights));
        assertThat(second.hashed()).isEqualTo(1);
    }

    @Test
    void aFileReplacedByRenameIsSeenThroughItsInode() throws IOException {
        Path weights = file("w.bin", "aaaa");
        FileTime mtime = Files.getLastModifiedTime(weights);
        StatCache first = StatCache.open(root, false, LATER);
        hash(first, weights);
        first.save();

        Path other = file("other.bin", "bbbb");
        Files.setLastModifiedTime(other, mtime);
        Files.move(other, weights, StandardCopyOption.REPLACE_EXISTING);
        StatCache second = StatCache.open(root, false, LATER);

        assertThat(hash(second, weights)).isEqualTo(HashCache.hash(weights));
        assertThat(second.recalled()).isZero();
    }

    @Test
    void aFileChangedJustBeforeItWasHashedIsNotRemembered() throws IOException {
        Path weights = file("w.bin", "fresh");

        StatCache first = StatCache.open(root, false, Clock.systemUTC());
        hash(first, weights);

        assertThat(first.save()).as("a racily clean file is not written down").isFalse();
        StatCache second = StatCache.open(root, false, LATER);
        hash(second, weights);
        assertThat(second.hashed()).isEqualTo(1);
    }

    @Test
    void fullIgnoresWhatTheCacheHolds() throws IOException {
        Path weights = file("w.bin", "aaaa");
        StatCache first = StatCache.open(root, false, LATER);
        hash(first, weights);
        first.save();

        StatCache full = StatCache.open(root, true, LATER);
        hash(full, weights);

        assertThat(full.hashed()).isEqualTo(1);
        assertThat(full.recalled()).isZero();
    }

    @Test
    void aDamagedOrForeignCacheFileIsIgnored() throws IOException {
        Path weights = file("w.bin", "aaaa");
        file(".migrate/statcache", "{\"format\":\"verpath-statcache\",\"version\":1}\n{\"path\":\"w.bin\",\"size\":4,\"sha256\":\"ab");

        StatCache cache = StatCache.open(root, false, LATER);

        assertThat(hash(cache, weights)).isEqualTo(HashCache.hash(weights));
        assertThat(cache.hashed()).isEqualTo(1);
        file(".migrate/statcache", "something else entirely\n");
        assertThat(hash(StatCache.open(root, false, LATER), weights)).isEqualTo(HashCache.hash(weights));
    }

    @Test
    void entriesOfFilesThatAreGoneAreDropped() throws IOException {
        Path kept = file("kept.bin", "k");
        Path gone = file("gone.bin", "g");
        StatCache first = StatCache.open(root, false, LATER);
        hash(first, kept);
        hash(first, gone);
        first.save();

        Files.delete(gone);
        Files.writeString(kept, "changed");
        StatCache second = StatCache.open(root, false, LATER);
        hash(second, kept);
        second.save();

        assertThat(Files.readString(root.resolve(".migrate/statcache"))).contains("kept.bin").doesNotContain("gone.bin");
    }

    @Test
    void filesOutsideTheRootOrInTheStateFolderAreHashedButNotRemembered(@TempDir Path elsewhere) throws IOException {
        Path outside = elsewhere.resolve("x.bin");
        Files.writeString(outside, "x");
        Path state = file(".migrate/staging/y.bin", "y");

        StatCache cache = StatCache.open(root, false, LATER);

        assertThat(hash(cache, outside)).isEqualTo(HashCache.hash(outside));
        assertThat(hash(cache, state)).isEqualTo(HashCache.hash(state));
        assertThat(cache.hashed()).isEqualTo(2);
        assertThat(cache.save()).isFalse();
    }
}
