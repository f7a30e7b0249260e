package dev.verpath.engine.reuse;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.model.PlanRequest;
import dev.verpath.engine.model.ReuseForecast;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.RunResult;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.SettingsLoader;
import dev.verpath.rules.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Re-runs that redo only what changed: each record file's output is kept, by the SHA-256 of its bytes and what
 * migrates them, in {@code .migrate/stepcache} beside the backups, and a later run reuses it, with the same bytes.
 */
class ReRunReuseTest {

    private static final String BAD = "{\"id\":7,\"amount\":\"seven\"}\n";
    private static final String FIXED = "{\"id\":7,\"amount\":7}\n";

    @TempDir
    Path temp;

    private static MigrationEngine engine(LedgerRules rules, Map<String, String> settings) {
        return MigrationEngine.create(RuleRegistry.ofBuiltIns(rules), new SettingsLoader(Map.of()).load(Optional.empty(),
                settings));
    }

    private static MigrationEngine engine() {
        return engine(LedgerRules.first(), Map.of());
    }

    /** An installation of ledger 1.0.0 with three record files; c.jsonl's last record is {@code last}. */
    private Path install(String name, String last) throws IOException {
        Path root = temp.resolve(name);
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("VERSION"), "ledger 1.0.0\n");
        Files.writeString(root.resolve("app.conf"), "name = books\n");
        for (String file : List.of("a", "b")) {
            StringBuilder records = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                records.append("{\"id\":").append(i).append(",\"amount\":").append(i * 3)
                        .append(i % 50 == 0 ? ",\"note\":\"check\"" : "").append("}\n");
            }
            Files.writeString(root.resolve("data/" + file + ".jsonl"), records);
        }
        Files.writeString(root.resolve("data/c.jsonl"), "{\"id\":1,\"amount\":1,\"note\":\"n\"}\n" + last);
        return root;
    }

    private static RunResult migrate(MigrationEngine engine, Path root) {
        return engine.migrate(new RunRequest(Scope.VERSION, root, Optional.empty(), Optional.empty(), Optional.of("2.0.0"),
                false, false, true, false), line -> { });
    }

    private static Path cache(Path root) {
        return root.resolve(".migrate/stepcache");
    }

    private static List<Path> entries(Path root) throws IOException {
        try (Stream<Path> files = Files.list(cache(root))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".out")).sorted().toList();
        }
    }

    /** Every file and folder outside the state folder: content hash and mode. */
    private static Map<String, String> signature(Path root) throws IOException {
        Map<String, String> sig = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> !p.startsWith(root.resolve(".migrate"))).toList()) {
                sig.put(root.relativize(p).toString(), Files.isRegularFile(p) ? HashCache.hash(p) + " "
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)) : "dir");
            }
        }
        return sig;
    }

    /** Settings that give every installation one step cache ({@code [cache] dir}). */
    private Map<String, String> sharedCache() {
        return Map.of("cache.dir", temp.resolve("shared-cache").toString());
    }

    private static long counter(RunResult result, String name) {
        return result.counters().getOrDefault(name, 0L);
    }

    private static ReuseForecast forecast(MigrationEngine engine, Path root) {
        return engine.reuse(root, engine.plan(new PlanRequest(Optional.of(root), Optional.empty(), Optional.empty(),
                Optional.of("2.0.0"), false)));
    }

    @Test
    void aReRunAfterAFixReusesEveryFileThatDidNotChangeWithTheBytesOfARunFromNothing() throws IOException {
        Path root = install("ledger", BAD);
        assertThatThrownBy(() -> migrate(engine(), root)).isInstanceOf(MigrationException.class)
                .hasMessageContaining("data/c.jsonl:2").hasMessageContaining("amount is not a number");
        assertThat(entries(root)).hasSize(2); // a and b were migrated before c failed, and kept
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache(root)))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entries(root).get(0)))).isEqualTo("rw-------");
        Path trailer = entries(root).get(0).resolveSibling(entries(root).get(0).getFileName() + StepCache.TRAILER);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(trailer))).isEqualTo("rw-------");

        Files.writeString(root.resolve("data/c.jsonl"), "{\"id\":1,\"amount\":1,\"note\":\"n\"}\n" + FIXED);
        Path fresh = install("fresh", FIXED);
        ReuseForecast forecast = forecast(engine(), root);
        assertThat(forecast.files()).isEqualTo(2);
        assertThat(forecast.ofFiles()).isEqualTo(3);
        assertThat(forecast.bytes()).isEqualTo(Files.size(root.resolve("data/a.jsonl")) * 2);
        assertThat(forecast(engine(), fresh).files()).isZero();

        RunResult again = migrate(engine(), root);
        RunResult fromNothing = migrate(engine(), fresh);

        assertThat(counter(again, "reused_files")).isEqualTo(2);
        assertThat(counter(fromNothing, "reused_files")).isZero();
        assertThat(signature(root)).isEqualTo(signature(fresh));
        assertThat(again.warnings()).isEqualTo(fromNothing.warnings()).hasSize(9);
        assertThat(counter(again, "ledger_records")).isEqualTo(counter(fromNothing, "ledger_records")).isEqualTo(402);
        assertThat(counter(again, "records")).isEqualTo(counter(fromNothing, "records"));
        assertThat(Files.readString(root.resolve("data/c.jsonl"))).endsWith("{\"id\":7,\"amount\":7,\"v\":\"2.0.0\"}\n");
    }

    @Test
    void deletingTheCacheGivesTheSameBytes() throws IOException {
        Path kept = install("kept", BAD);
        Path deleted = install("deleted", BAD);
        for (Path root : List.of(kept, deleted)) {
            assertThatThrownBy(() -> migrate(engine(), root)).isInstanceOf(MigrationException.class);
            Files.writeString(root.resolve("data/c.jsonl"), FIXED);
        }
        dev.verpath.engine.files.AtomicFiles.deleteTree(cache(deleted));

        RunResult withCache = migrate(engine(), kept);
        RunResult without = migrate(engine(), deleted);

        assertThat(counter(withCache, "reused_files")).isEqualTo(2);
        assertThat(counter(without, "reused_files")).isZero();
        assertThat(signature(kept)).isEqualTo(signature(deleted));
        assertThat(withCache.warnings()).isEqualTo(without.warnings());
    }

    @Test
    void aChangedRuleNeverReusesAnOutputOfTheOldOne() throws IOException {
        Map<String, String> settings = sharedCache();
        Path first = install("first", FIXED);
        Path second = install("second", FIXED);
        Path third = install("third", FIXED);
        migrate(engine(LedgerRules.first(), settings), first);

        RunResult changedVersion = migrate(engine(new LedgerRules("2", "2.0.0-b"), settings), second);
        RunResult sameRule = migrate(engine(LedgerRules.first(), settings), third);

        assertThat(counter(changedVersion, "reused_files")).isZero();
        assertThat(Files.readString(second.resolve("data/a.jsonl"))).contains("\"v\":\"2.0.0-b\"").doesNotContain("\"v\":\"2.0.0\"");
        assertThat(counter(sameRule, "reused_files")).isEqualTo(3); // the same rule over a shared cache: all reused
        assertThat(signature(third)).isEqualTo(signature(first));
    }

    @Test
    void aDamagedEntryIsAMissNeverAWrongOutput() throws IOException {
        Map<String, String> settings = sharedCache();
        Path first = install("first", FIXED);
        Path second = install("second", FIXED);
        migrate(engine(LedgerRules.first(), settings), first);
        List<Path> entries;
        try (Stream<Path> files = Files.list(temp.resolve("shared-cache"))) {
            entries = files.filter(f -> f.getFileName().toString().endsWith(".out")).sorted().toList();
        }
        assertThat(entries).hasSize(3);
        byte[] flipped = Files.readAllBytes(entries.get(0));
        flipped[10] ^= 0x20; // a byte of the output: its CRC32C no longer matches
        replace(entries.get(0), flipped); // (a new file: the entry may be a hard link to first's live file)
        byte[] truncated = Files.readAllBytes(entries.get(1));
        replace(entries.get(1), java.util.Arrays.copyOf(truncated, truncated.length - 5));

        RunResult result = migrate(engine(LedgerRules.first(), settings), second);

        assertThat(counter(result, "reused_files")).isEqualTo(1);
        assertThat(signature(second)).isEqualTo(signature(first));
    }

    private static void replace(Path file, byte[] content) throws IOException {
        Path next = file.resolveSibling("damaged.tmp");
        Files.write(next, content);
        Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * An entry may be a hard link to the file the run wrote, which is then the live file: whatever later writes into
     * that file in place (a service appending, an operator's edit) changes the entry too, and the entry is a miss.
     */
    @Test
    void anOutputWrittenInPlaceAfterTheRunIsNeverReused() throws IOException {
        Map<String, String> settings = sharedCache();
        Path first = install("first", FIXED);
        Path second = install("second", FIXED);
        Path fresh = install("fresh", FIXED);
        migrate(engine(LedgerRules.first(), settings), first);
        boolean linked = linkedTo(temp.resolve("shared-cache"), first.resolve("data/a.jsonl"));
        Files.writeString(first.resolve("data/a.jsonl"), "{\"id\":900,\"amount\":1}\n", StandardOpenOption.APPEND);
        try (java.nio.channels.FileChannel b = java.nio.channels.FileChannel.open(first.resolve("data/b.jsonl"),
                StandardOpenOption.WRITE)) {
            b.write(java.nio.ByteBuffer.wrap("{\"id\":9".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0);
        }

        RunResult result = migrate(engine(LedgerRules.first(), settings), second);
        migrate(engine(LedgerRules.first(), Map.of("cache.enabled", "false")), fresh);

        assertThat(linked).isTrue(); // a temporary folder's file system makes hard links
        assertThat(counter(result, "reused_files")).isEqualTo(1); // c.jsonl only
        assertThat(signature(second)).isEqualTo(signature(fresh));
    }

    /** The backup archives a record file with the SHA-256 the pass computed as it read it: the file's own. */
    @Test
    void theBackupRecordsTheHashThePassComputed() throws IOException {
        Path root = install("hashed", FIXED);
        String before = HashCache.hash(root.resolve("data/a.jsonl"));

        migrate(engine(), root);

        Path manifest;
        try (Stream<Path> backups = Files.list(root.resolve(".migrate/backups"))) {
            manifest = backups.toList().get(0).resolve("manifest.json");
        }
        com.fasterxml.jackson.databind.JsonNode entries = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(manifest.toFile()).path("entries");
        String recorded = "";
        for (com.fasterxml.jackson.databind.JsonNode e : entries) {
            if (e.path("path").asText().equals("data/a.jsonl")) {
                recorded = e.path("sha256").asText();
            }
        }
        assertThat(recorded).isEqualTo(before);
        assertThat(entries(root)).hasSize(3);
    }

    /** Where the file system makes no hard link, an entry is a private copy, and reused the same. */
    @Test
    void withoutHardLinksAnEntryIsACopy() throws IOException {
        Map<String, String> settings = sharedCache();
        Path first = install("first", FIXED);
        Path second = install("second", FIXED);
        System.setProperty(dev.verpath.engine.files.HardLinks.NONE_PROPERTY, "true");
        try {
            migrate(engine(LedgerRules.first(), settings), first);
        } finally {
            System.clearProperty(dev.verpath.engine.files.HardLinks.NONE_PROPERTY);
        }
        assertThat(linkedTo(temp.resolve("shared-cache"), first.resolve("data/a.jsonl"))).isFalse();

        RunResult result = migrate(engine(LedgerRules.first(), settings), second);

        assertThat(counter(result, "reused_files")).isEqualTo(3);
        assertThat(signature(second)).isEqualTo(signature(first));
    }

    private static boolean linkedTo(Path cache, Path file) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            for (Path entry : files.toList()) {
                if (Files.isSameFile(entry, file)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void theCacheStaysWithinItsBoundForgettingTheLeastRecentlyUsedFirst() throws IOException {
        Path root = install("bounded", FIXED);
        long a = Files.size(root.resolve("data/a.jsonl"));
        Map<String, String> settings = Map.of("cache.max_bytes", Long.toString(a * 2 + a / 2));

        migrate(engine(LedgerRules.first(), settings), root);

        long total = 0;
        for (Path entry : entries(root)) {
            total += Files.size(entry);
        }
        assertThat(total).isLessThanOrEqualTo(a * 2 + a / 2);
        assertThat(entries(root)).hasSize(2); // a's, the least recently used, went when b's came in
    }

    @Test
    void noCacheIsKeptWhenTheSettingSaysSo() throws IOException {
        Path root = install("off", FIXED);

        RunResult result = migrate(engine(LedgerRules.first(), Map.of("cache.enabled", "false")), root);

        assertThat(counter(result, "reused_files")).isZero();
        assertThat(cache(root)).doesNotExist();
    }
}
