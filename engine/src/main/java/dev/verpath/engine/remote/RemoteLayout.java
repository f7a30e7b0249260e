package dev.verpath.engine.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a backup's objects lie on a remote (docs/formats.md): {@code <product>/<id>/} holds the backup's archive
 * under its own name, {@code objects.json} (the archive's name, size and SHA-256, which the manifest does not
 * record) and {@code manifest.json}, written last; every file kept outside the archive (weights) is
 * {@code weights/<sha256>}, once for every backup that holds those bytes.
 */
final class RemoteLayout {

    /** The manifest's name: the object that makes a remote backup complete. */
    static final String MANIFEST = "manifest.json";
    /** The index's name: what the backup's archive is. */
    static final String INDEX = "objects.json";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RemoteLayout() {
    }

    /**
     * @param product the product
     * @param id      the backup id
     * @param name    an object of the backup ({@link #MANIFEST}, {@link #INDEX}, its archive)
     * @return the object's key
     */
    static String backupObject(String product, String id, String name) {
        return product + "/" + id + "/" + name;
    }

    /**
     * @param sha256 a file's SHA-256
     * @return the key of the object holding those bytes
     */
    static String weight(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return "weights/" + sha256;
    }

    /**
     * @param key a key of the remote
     * @return the product and backup id, when the key is a backup's manifest ({@code <product>/<id>/manifest.json})
     */
    static Optional<String[]> manifestKey(String key) {
        String[] parts = key.split("/");
        if (parts.length == 3 && parts[2].equals(MANIFEST) && NAME.matcher(parts[0]).matches()
                && NAME.matcher(parts[1]).matches() && !parts[0].equals("weights")) {
            return Optional.of(new String[] {parts[0], parts[1]});
        }
        return Optional.empty();
    }

    /**
     * What a backup's archive is.
     *
     * @param name   its file name
     * @param size   its size
     * @param sha256 its SHA-256
     */
    record Archive(String name, long size, String sha256) {
    }

    /**
     * @param archive the backup's archive, when it has one
     * @return the index's bytes
     * @throws IOException never in practice
     */
    static byte[] index(Optional<Archive> archive) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        archive.ifPresentOrElse(a -> root.putObject("archive").put("name", a.name()).put("size", a.size())
                .put("sha256", a.sha256()), () -> root.putNull("archive"));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    /**
     * @param bytes an index's bytes
     * @return the archive it names, when any
     * @throws IOException when it is not an index, or names an archive by a name that is not a plain file name
     */
    static Optional<Archive> archive(byte[] bytes) throws IOException {
        JsonNode archive = JSON.readTree(bytes).path("archive");
        if (archive.isMissingNode() || archive.isNull()) {
            return Optional.empty();
        }
        String name = archive.path("name").asText();
        String sha256 = archive.path("sha256").asText();
        if (!NAME.matcher(name).matches() || !SHA256.matcher(sha256).matches()) {
            throw new IOException("not a backup index");
        }
        return Optional.of(new Archive(name, archive.path("size").asLong(), sha256));
    }
}
