package dev.verpath.engine.remote;

import dev.verpath.engine.files.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * A remote that is a folder (a mounted share): each object a file under it. An upload writes {@code NAME.part}
 * beside the object and renames it into place once whole and synced; an upload cut off leaves the part, and the
 * next upload of the same file keeps the part's bytes when they are the file's first bytes, and appends the rest.
 */
final class FolderRemote implements RemoteStore {

    /** The suffix of an object being uploaded. */
    static final String PART = ".part";

    private final Path root;
    private final int chunkBytes;

    /**
     * @param root       the folder
     * @param chunkBytes how many bytes are written (and reported) at a time
     */
    FolderRemote(Path root, int chunkBytes) {
        this.root = root;
        this.chunkBytes = chunkBytes;
    }

    private Path file(String key) {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("key outside the remote: " + key);
        }
        return file;
    }

    @Override
    public Optional<Long> size(String key) throws IOException {
        Path file = file(key);
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Optional.of(Files.size(file)) : Optional.empty();
    }

    @Override
    public void upload(String key, Path source, String sha256, LongConsumer sent) throws IOException {
        Path target = file(key);
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + PART);
        long size = Files.size(source);
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.READ)) {
            long kept = keptPrefix(in, out, size);
            out.truncate(kept);
            ByteBuffer buffer = ByteBuffer.allocate(chunkBytes);
            for (long at = kept; at < size; ) {
                buffer.clear();
                int n = in.read(buffer, at);
                buffer.flip();
                while (buffer.hasRemaining()) {
                    out.write(buffer, at + (n - buffer.remaining()));
                }
                at += n;
                sent.accept(n);
            }
            out.force(true);
        }
        AtomicFiles.move(part, target);
    }

    /** How many bytes of a part left by an upload cut off are the source's first bytes (0 when they differ). */
    private long keptPrefix(FileChannel in, FileChannel out, long size) throws IOException {
        long have = Math.min(out.size(), size);
        ByteBuffer a = ByteBuffer.allocate(chunkBytes);
        ByteBuffer b = ByteBuffer.allocate(chunkBytes);
        for (long at = 0; at < have; at += chunkBytes) {
            int len = (int) Math.min(chunkBytes, have - at);
            a.clear().limit(len);
            b.clear().limit(len);
            readFully(in, a, at);
            readFully(out, b, at);
            if (!Arrays.equals(a.array(), 0, len, b.array(), 0, len)) {
                return 0;
            }
        }
        return have;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long at) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                throw new IOException("file shorter than expected");
            }
        }
    }

    @Override
    public void put(String key, byte[] bytes) throws IOException {
        AtomicFiles.write(file(key), bytes);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(file(key));
    }

    @Override
    public List<String> keys(String prefix) throws IOException {
        Path folder = file(prefix);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(k -> !k.endsWith(PART)).sorted().toList();
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(file(key));
    }

    @Override
    public void close() {
        // nothing held
    }
}
