package dev.verpath.engine.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.model.SystemSnapshot;
import dev.verpath.engine.files.FileOwner;
import dev.verpath.engine.files.Mount;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a backup holds ({@code manifest.json}): where each mount was, and every entry with its type, mode,
 * owner and group, modification time, size, SHA-256 and link target. Immutable.
 *
 * @param id       the backup id
 * @param created  when it was taken
 * @param product  the product
 * @param from     the version before the migration
 * @param to       the version the migration aimed at
 * @param mounts   the real places the logical paths map to
 * @param entries  every entry, sorted by path
 * @param system   the system the backup was taken on (Verpath, plugins, Java, OS, settings); empty in a manifest
 *                 written before it was recorded
 * @param scope    the paths a backup of chosen files holds (files, or folders with everything below); empty for
 *                 a backup of the whole installation
 */
public record BackupManifest(String id, Instant created, String product, String from, String to,
                             List<Mount> mounts, List<Entry> entries, Optional<SystemSnapshot> system,
                             List<String> scope) {

    /**
     * A manifest of the whole installation.
     *
     * @param id      the backup id
     * @param created when it was taken
     * @param product the product
     * @param from    the version before the migration
     * @param to      the version the migration aimed at
     * @param mounts  the real places the logical paths map to
     * @param entries every entry, sorted by path
     * @param system  the system snapshot, when one was recorded
     */
    public BackupManifest(String id, Instant created, String product, String from, String to, List<Mount> mounts,
                          List<Entry> entries, Optional<SystemSnapshot> system) {
        this(id, created, product, from, to, mounts, entries, system, List.of());
    }

    /**
     * A manifest that records no system snapshot.
     *
     * @param id      the backup id
     * @param created when it was taken
     * @param product the product
     * @param from    the version before the migration
     * @param to      the version the migration aimed at
     * @param mounts  the real places the logical paths map to
     * @param entries every entry, sorted by path
     */
    public BackupManifest(String id, Instant created, String product, String from, String to, List<Mount> mounts,
                          List<Entry> entries) {
        this(id, created, product, from, to, mounts, entries, Optional.empty());
    }

    /** The manifest's file name in a backup folder. */
    public static final String FILE = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One backed-up entry.
     *
     * @param path     the logical path
     * @param type     {@code file}, {@code dir} or {@code symlink}
     * @param mode     POSIX permissions such as {@code rw-r--r--}
     * @param mtime    modification time in milliseconds
     * @param size     size in bytes (files)
     * @param sha256   the file's SHA-256 (files)
     * @param target   the link's target (symlinks)
     * @param stored   how the bytes are kept: {@code copy}, {@code hardlink}, {@code archive} or {@code none}
     * @param stat     for a hard link, the stored file's inode and change time when the backup was made
     *                 ({@code <inode>:<ctime ns>}): while both are unchanged its bytes are too, as git's index trusts
     * @param owner    its numeric owner and group ({@code uid}, {@code gid}); empty in a backup made before they were
     *                 recorded (or where the file system has none), which a restore then leaves as it finds them
     */
    public record Entry(String path, String type, String mode, long mtime, long size, Optional<String> sha256,
                        Optional<String> target, String stored, Optional<String> stat, Optional<FileOwner> owner) {

        /** An entry without a recorded stat or owner. */
        public Entry(String path, String type, String mode, long mtime, long size, Optional<String> sha256,
                     Optional<String> target, String stored) {
            this(path, type, mode, mtime, size, sha256, target, stored, Optional.empty(), Optional.empty());
        }

        /** An entry without a recorded owner. */
        public Entry(String path, String type, String mode, long mtime, long size, Optional<String> sha256,
                     Optional<String> target, String stored, Optional<String> stat) {
            this(path, type, mode, mtime, size, sha256, target, stored, stat, Optional.empty());
        }

        /**
         * This entry with a stat.
         *
         * @param stat the stat
         * @return a new entry
         */
        public Entry withStat(Optional<String> stat) {
            return new Entry(path, type, mode, mtime, size, sha256, target, stored, stat, owner);
        }

        /**
         * This entry with an owner.
         *
         * @param owner the owner and group
         * @return a new entry
         */
        public Entry withOwner(Optional<FileOwner> owner) {
            return new Entry(path, type, mode, mtime, size, sha256, target, stored, stat, owner);
        }
    }

    /** Copies the lists. */
    public BackupManifest {
        mounts = List.copyOf(mounts);
        entries = List.copyOf(entries);
        scope = List.copyOf(scope);
        java.util.Objects.requireNonNull(system, "system");
    }

    /**
     * @return the manifest as pretty JSON bytes
     * @throws IOException never in practice
     */
    public byte[] toJson() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", id);
        root.put("created", created.toString());
        root.put("product", product);
        root.put("from", from);
        root.put("to", to);
        ArrayNode ms = root.putArray("mounts");
        for (Mount m : mounts) {
            ms.addObject().put("logical", m.logical()).put("real", m.real().toString());
        }
        ArrayNode es = root.putArray("entries");
        for (Entry e : entries) {
            ObjectNode n = es.addObject();
            n.put("path", e.path());
            n.put("type", e.type());
            n.put("mode", e.mode());
            e.owner().ifPresent(o -> n.put("uid", o.uid()).put("gid", o.gid()));
            n.put("mtime", e.mtime());
            n.put("size", e.size());
            e.sha256().ifPresent(h -> n.put("sha256", h));
            e.target().ifPresent(t -> n.put("target", t));
            n.put("stored", e.stored());
            e.stat().ifPresent(st -> n.put("stat", st));
        }
        system.ifPresent(snapshot -> root.set("system", snapshot.json()));
        if (partial()) {
            ArrayNode chosen = root.putArray("scope");
            scope.forEach(chosen::add);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    /**
     * @param json the manifest's bytes
     * @return the manifest
     * @throws IOException when it is not a manifest
     */
    public static BackupManifest parse(byte[] json) throws IOException {
        JsonNode root = JSON.readTree(json);
        List<Mount> mounts = new ArrayList<>();
        for (JsonNode m : root.path("mounts")) {
            mounts.add(new Mount(m.path("logical").asText(), Path.of(m.path("real").asText())));
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode n : root.path("entries")) {
            entries.add(new Entry(n.path("path").asText(), n.path("type").asText(), n.path("mode").asText(),
                    n.path("mtime").asLong(), n.path("size").asLong(),
                    Optional.ofNullable(n.get("sha256")).map(JsonNode::asText),
                    Optional.ofNullable(n.get("target")).map(JsonNode::asText), n.path("stored").asText(),
                    Optional.ofNullable(n.get("stat")).map(JsonNode::asText), owner(n)));
        }
        if (!root.has("id") || mounts.isEmpty()) {
            throw new IOException("not a backup manifest");
        }
        return new BackupManifest(root.path("id").asText(), Instant.parse(root.path("created").asText()),
                root.path("product").asText(), root.path("from").asText(), root.path("to").asText(), mounts, entries,
                Optional.ofNullable(root.get("system")).filter(JsonNode::isObject).map(SystemSnapshot::read),
                scope(root.path("scope")));
    }

    /**
     * Whether the backup holds chosen files only ({@code migrate backups create --path DIR FILE...}): a restore puts
     * back those and leaves every other file as it finds it.
     *
     * @return true for a backup of chosen files, false for one of the whole installation
     */
    public boolean partial() {
        return !scope.isEmpty();
    }

    /**
     * @param path a logical path
     * @return whether the backup covers it: every path for a whole backup; a chosen path or one below it for a
     *         partial one
     */
    public boolean covers(String path) {
        return !partial() || scope.stream().anyMatch(c -> path.equals(c) || path.startsWith(c + "/"));
    }

    private static List<String> scope(JsonNode chosen) {
        List<String> paths = new ArrayList<>();
        chosen.forEach(p -> paths.add(p.asText()));
        return paths;
    }

    /** @return the entry's owner, when both ids are recorded as numbers (a backup made before they were has none) */
    private static Optional<FileOwner> owner(JsonNode entry) {
        JsonNode uid = entry.get("uid");
        JsonNode gid = entry.get("gid");
        if (uid == null || gid == null || !uid.canConvertToInt() || !gid.canConvertToInt()) {
            return Optional.empty();
        }
        return Optional.of(new FileOwner(uid.intValue(), gid.intValue()));
    }
}
