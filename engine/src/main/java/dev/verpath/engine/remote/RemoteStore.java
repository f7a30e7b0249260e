package dev.verpath.engine.remote;

import dev.verpath.engine.files.HashCache;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The objects of one remote, by key relative to its base (the {@code s3://} prefix or the folder). An upload is
 * resumable: an upload cut off (the process killed, the network gone) continues where it stopped when the same
 * file is uploaded again under the same key, and sends none of the bytes the remote already holds. Not
 * thread-safe; closing it releases its connections.
 */
interface RemoteStore extends AutoCloseable {

    /**
     * @param key an object's key
     * @return its size, when the object exists
     * @throws IOException when the remote cannot be asked
     */
    Optional<Long> size(String key) throws IOException;

    /**
     * Uploads a file, resuming an upload of the same key cut off before; the object appears whole or not at all.
     *
     * @param key    the object's key
     * @param file   the file
     * @param sha256 the file's SHA-256, recorded with the object where the remote can keep it
     * @param sent   told of each part's bytes as the remote confirms them (the parts already there are not sent)
     * @throws IOException when the upload fails (uploading again resumes it)
     */
    void upload(String key, Path file, String sha256, LongConsumer sent) throws IOException;

    /**
     * Writes a small object whole (a manifest, an index).
     *
     * @param key   the object's key
     * @param bytes its content
     * @throws IOException when it cannot be written
     */
    void put(String key, byte[] bytes) throws IOException;

    /**
     * @param key an object's key
     * @return its content, streamed
     * @throws IOException when it is missing or cannot be read
     */
    InputStream open(String key) throws IOException;

    /**
     * @param prefix a key prefix, ending in {@code /}
     * @return the keys below it, sorted
     * @throws IOException when the remote cannot be listed
     */
    List<String> keys(String prefix) throws IOException;

    /**
     * Deletes an object; nothing there is nothing to do.
     *
     * @param key an object's key
     * @throws IOException when it cannot be deleted
     */
    void delete(String key) throws IOException;

    @Override
    void close();

    /**
     * Reads an object back and hashes it.
     *
     * @param key an object's key
     * @return its SHA-256, in hex
     * @throws IOException when it cannot be read
     */
    default String sha256(String key) throws IOException {
        MessageDigest digest = HashCache.newDigest();
        try (InputStream in = open(key)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * @param key an object's key
     * @return its content
     * @throws IOException when it is missing or cannot be read
     */
    default byte[] read(String key) throws IOException {
        try (InputStream in = open(key)) {
            return in.readAllBytes();
        }
    }
}
