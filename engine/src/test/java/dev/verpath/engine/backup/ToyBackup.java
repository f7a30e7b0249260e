package dev.verpath.engine.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EngineSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/**
 * A toy installation migrated once (0.1.0 to 2.0.0, with a backup), and the ways tests craft that backup: edit
 * its manifest, rewrite its archive. Real files, real archives.
 */
public final class ToyBackup {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final Path root;
    public final MigrationEngine engine;
    public final Path backup;

    private ToyBackup(Path root, MigrationEngine engine, Path backup) {
        this.root = root;
        this.engine = engine;
        this.backup = backup;
    }

    /** Writes the toy installation in a folder and migrates it with default settings. */
    public static ToyBackup migrated(Path root) throws IOException {
        return migrated(root, EngineSettings.defaults(), Map.of());
    }

    /**
     * Writes the toy installation (and extra files) in a folder and migrates it once.
     *
     * @param extra more files, logical path to bytes
     */
    public static ToyBackup migrated(Path root, EngineSettings settings, Map<String, byte[]> extra) throws IOException {
        return migrated(root, settings, extra, written -> { });
    }

    /**
     * Writes the toy installation (and extra files) in a folder, lets the test change it (give it to another
     * owner, say) and migrates it once.
     *
     * @param extra   more files, logical path to bytes
     * @param prepare what to do to the written installation before the migration
     */
    public static ToyBackup migrated(Path root, EngineSettings settings, Map<String, byte[]> extra, Preparation prepare)
            throws IOException {
        MigrationEngine engine = MigrationEngine.create(
                RuleRegistry.ofBuiltIns(new dev.verpath.engine.execute.ToyRulesAccess().ruleSet()), settings);
        Files.createDirectories(root);
        Files.writeString(root.resolve("VERSION"), "toy 0.1.0\n");
        Files.writeString(root.resolve("app.conf"), "name = demo\n");
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("data/a.jsonl"), "{\"id\":1}\n");
        Files.createDirectories(root.resolve("models/m1"));
        Files.write(root.resolve("models/m1/w.safetensors"), new byte[] {1, 2, 3});
        for (Map.Entry<String, byte[]> e : extra.entrySet()) {
            Files.createDirectories(root.resolve(e.getKey()).getParent());
            Files.write(root.resolve(e.getKey()), e.getValue());
        }
        prepare.accept(root);
        engine.migrate(new RunRequest(Scope.VERSION, root, Optional.empty(), Optional.empty(), Optional.of("2.0.0"),
                false, false, true, false), line -> { });
        return new ToyBackup(root, engine, engine.backups(root).get(0).folder());
    }

    /** Rolls back to the newest backup. */
    public void rollback() {
        engine.rollback(root, Optional.empty(), Optional.empty(), line -> { });
    }

    /** @return every path of the installation but {@code .migrate/}, with its SHA-256, link target or "dir" */
    public Map<String, String> signature() throws IOException {
        Map<String, String> sig = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> !p.startsWith(root.resolve(".migrate"))).toList()) {
                sig.put(root.relativize(p).toString(), Files.isSymbolicLink(p) ? "link " + Files.readSymbolicLink(p)
                        : Files.isRegularFile(p) ? HashCache.hash(p) : "dir");
            }
        }
        return sig;
    }

    /** Edits the manifest's entries. */
    public void editManifest(Consumer<ArrayNode> edit) throws IOException {
        Path file = backup.resolve(BackupManifest.FILE);
        ObjectNode manifest = (ObjectNode) JSON.readTree(file.toFile());
        edit.accept((ArrayNode) manifest.get("entries"));
        Files.write(file, JSON.writeValueAsBytes(manifest));
    }

    /** Edits the manifest entry of one path. */
    public void editEntry(String path, Consumer<ObjectNode> edit) throws IOException {
        editManifest(entries -> entries.forEach(e -> {
            if (e.get("path").asText().equals(path)) {
                edit.accept((ObjectNode) e);
            }
        }));
    }

    /** @return the archive's entries, name to bytes, in archive order */
    public Map<String, byte[]> archiveEntries() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = new ZstdCompressorInputStream(Files.newInputStream(backup.resolve(BackupArchive.ZSTD)));
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                entries.put(e.getName(), tar.readAllBytes());
            }
        }
        return entries;
    }

    /** Replaces the archive with what the writer puts in a new one. */
    public void rewriteArchive(ArchiveWriter writer) throws IOException {
        try (OutputStream out = new ZstdCompressorOutputStream(Files.newOutputStream(backup.resolve(BackupArchive.ZSTD)));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            writer.write(tar);
        }
    }

    /** Writes one regular-file entry. */
    public static void putFile(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    /** Changes a written installation before it is migrated. */
    @FunctionalInterface
    public interface Preparation {
        void accept(Path root) throws IOException;
    }

    /** Writes the entries of a crafted archive. */
    @FunctionalInterface
    public interface ArchiveWriter {
        void write(TarArchiveOutputStream tar) throws IOException;
    }
}
