package dev.verpath.engine.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What identifies a file's bytes without reading them, as git's index keeps it: size, modification and change time
 * in nanoseconds, inode. The change time is set by the kernel on every write and on every change of mode, times or
 * links, and cannot be set back from user space, so a file rewritten with its old size and modification time is
 * still seen; a file replaced by rename has a new inode. Where the file system has no change time or inode
 * (Windows), those are -1 and size and modification time alone decide. Immutable.
 *
 * @param size       the size in bytes
 * @param mtimeNanos the modification time, nanoseconds since the epoch
 * @param ctimeNanos the change time, nanoseconds since the epoch, or -1
 * @param inode      the inode, or -1
 */
public record FileStamp(long size, long mtimeNanos, long ctimeNanos, long inode) {

    /**
     * How old a file's last change must be when it is read for what was read to be remembered by its stamp: a second
     * change within the same tick of the file system's clock would leave the stamp as it was ("racily clean", as git
     * calls it).
     */
    public static final Duration RACY_WINDOW = Duration.ofSeconds(2);

    /**
     * The stamp of a file, not following a symbolic link.
     *
     * @param file the file
     * @return its stamp
     * @throws IOException when its attributes cannot be read
     */
    public static FileStamp of(Path file) throws IOException {
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino", LinkOption.NOFOLLOW_LINKS);
            return new FileStamp((Long) a.get("size"), nanos((FileTime) a.get("lastModifiedTime")),
                    nanos((FileTime) a.get("ctime")), (Long) a.get("ino"));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new FileStamp(a.size(), nanos(a.lastModifiedTime()), -1, -1);
        }
    }

    /** Field by field (cheaper on a cold start than a record's generated equals). */
    public boolean same(FileStamp other) {
        return size == other.size && mtimeNanos == other.mtimeNanos && ctimeNanos == other.ctimeNanos
                && inode == other.inode;
    }

    /**
     * Whether what was read from the file can be remembered by this stamp: the file's stamp after reading is this one,
     * and its last change lies {@link #RACY_WINDOW} or more before the reading started.
     *
     * @param after   the file's stamp after reading
     * @param started when the reading started
     * @return true when it can
     */
    public boolean settled(FileStamp after, Instant started) {
        long limit = started.getEpochSecond() * 1_000_000_000L + started.getNano() - RACY_WINDOW.toNanos();
        return after.same(this) && mtimeNanos < limit && ctimeNanos < limit;
    }

    /**
     * Writes the stamp's fields into a cache line: {@code size}, {@code mtime_ns}, {@code ctime_ns}, {@code inode}.
     *
     * @param line the line
     * @return the line
     */
    public ObjectNode into(ObjectNode line) {
        return line.put("size", size).put("mtime_ns", mtimeNanos).put("ctime_ns", ctimeNanos).put("inode", inode);
    }

    /**
     * @param line a cache line {@link #into} wrote
     * @return the stamp it holds
     */
    public static FileStamp from(JsonNode line) {
        return new FileStamp(line.path("size").asLong(), line.path("mtime_ns").asLong(), line.path("ctime_ns").asLong(),
                line.path("inode").asLong());
    }

    private static long nanos(FileTime time) {
        return time.to(TimeUnit.NANOSECONDS);
    }
}
