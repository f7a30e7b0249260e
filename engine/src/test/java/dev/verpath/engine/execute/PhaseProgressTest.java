package dev.verpath.engine.execute;

import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.progress.ProgressMeter;
import dev.verpath.engine.progress.ProgressPhase;
import dev.verpath.engine.settings.EngineSettings;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** The engine tells a progress listener of its long phases, with done never going back nor over the total. */
class PhaseProgressTest {

    /** One call of the listener. */
    private record Event(String kind, ProgressPhase phase, long done, long total) {
    }

    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());

    private final ProgressListener listener = new ProgressListener() {
        @Override
        public void started(ProgressPhase phase, long total) {
            events.add(new Event("started", phase, 0, total));
            if (phase == ProgressPhase.RECORDS) {
                // a listener as slow as a terminal: the pass's first bytes then come a report interval after its start,
                // however fast the pass is (a warm JVM migrated these 17 MB in less than one interval)
                try {
                    Thread.sleep(ProgressMeter.INTERVAL_MILLIS + 20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void advanced(ProgressPhase phase, long done, long total) {
            events.add(new Event("advanced", phase, done, total));
        }

        @Override
        public void ended(ProgressPhase phase, long done, long total) {
            events.add(new Event("ended", phase, done, total));
        }
    };

    @TempDir
    Path root;

    private final MigrationEngine engine = MigrationEngine.create(RuleRegistry.ofBuiltIns(new ToyRules()), EngineSettings.defaults())
            .withProgress(listener);

    @Test
    void hashingRecordsBackupAndCommitAdvanceUpToTheirTotals() throws IOException {
        long recordBytes = install();

        engine.migrate(new RunRequest(Scope.VERSION, root, Optional.empty(), Optional.empty(), Optional.of("2.0.0"), false,
                false, true, false), line -> { });

        assertThat(phases()).containsSubsequence(ProgressPhase.HASHING, ProgressPhase.RECORDS, ProgressPhase.BACKUP,
                ProgressPhase.COMMIT);
        assertThat(endOf(ProgressPhase.HASHING)).isEqualTo(new Event("ended", ProgressPhase.HASHING, 3_000_000, 3_000_000));
        assertThat(endOf(ProgressPhase.RECORDS).done()).isEqualTo(recordBytes).isEqualTo(endOf(ProgressPhase.RECORDS).total());
        assertThat(endOf(ProgressPhase.BACKUP).done()).isEqualTo(endOf(ProgressPhase.BACKUP).total())
                .isGreaterThan(recordBytes + 3_000_000);
        assertThat(events).anyMatch(e -> e.kind().equals("advanced") && e.phase() == ProgressPhase.RECORDS);
        assertEachPhaseMonotonic();
    }

    @Test
    void rollbackAndVerifyingBackupsCountEntries() throws IOException {
        install();
        engine.migrate(new RunRequest(Scope.VERSION, root, Optional.empty(), Optional.empty(), Optional.of("2.0.0"), false,
                false, true, false), line -> { });
        events.clear();

        engine.verifyBackups(root);
        engine.rollback(root, Optional.empty(), Optional.empty(), line -> { });

        assertThat(phases()).containsSubsequence(ProgressPhase.VERIFYING_BACKUPS, ProgressPhase.RESTORE);
        assertThat(endOf(ProgressPhase.RESTORE).done()).isEqualTo(endOf(ProgressPhase.RESTORE).total()).isPositive();
        assertThat(endOf(ProgressPhase.VERIFYING_BACKUPS).done()).isEqualTo(endOf(ProgressPhase.VERIFYING_BACKUPS).total());
        assertEachPhaseMonotonic();
    }

    /** A toy installation with a 3 MB weight and 17 MB of records. */
    private long install() throws IOException {
        Files.writeString(root.resolve("VERSION"), "toy 0.1.0\n");
        Files.writeString(root.resolve("app.conf"), "name = demo\n");
        Files.createDirectories(root.resolve("data"));
        try (Writer out = Files.newBufferedWriter(root.resolve("data/a.jsonl"))) {
            for (int i = 0; i < 400_000; i++) {
                out.write("{\"id\":" + i + ",\"name\":\"record number " + i + "\"}\n");
            }
        }
        Files.writeString(root.resolve("data/b.jsonl"), "{\"id\":1}\n");
        Files.createDirectories(root.resolve("models/m1"));
        Files.write(root.resolve("models/m1/w.safetensors"), new byte[3_000_000]);
        return Files.size(root.resolve("data/a.jsonl")) + Files.size(root.resolve("data/b.jsonl"));
    }

    private List<ProgressPhase> phases() {
        return events.stream().filter(e -> e.kind().equals("started")).map(Event::phase).toList();
    }

    private Event endOf(ProgressPhase phase) {
        return events.stream().filter(e -> e.kind().equals("ended") && e.phase() == phase).reduce((a, b) -> b).orElseThrow();
    }

    /** Within each run of a phase (started to ended), done never decreases and never exceeds the total. */
    private void assertEachPhaseMonotonic() {
        long last = -1;
        for (Event e : events) {
            if (e.kind().equals("started")) {
                last = 0;
                continue;
            }
            assertThat(e.done()).as("%s", e).isGreaterThanOrEqualTo(last).isLessThanOrEqualTo(e.total());
            last = e.done();
        }
    }
}
