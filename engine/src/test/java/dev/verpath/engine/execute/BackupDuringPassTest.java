package dev.verpath.engine.execute;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.verpath.engine.MigrationEngine;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EngineSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run that streams records begins its backup before the shadow run: the record files go into the backup's archive
 * as the pass reads them, the other files after the shadow run, and a rollback gives back every byte.
 */
class BackupDuringPassTest {

    private static final String WRITER = "dev.verpath.engine.backup.BackupWriter";

    @TempDir
    Path root;

    @Test
    void recordFilesAreArchivedAsThePassReadsThemAndRolledBackByteForByte() throws IOException {
        Files.writeString(root.resolve("VERSION"), "toy 0.1.0\n");
        Files.writeString(root.resolve("app.conf"), "name = demo\n");
        Files.createDirectories(root.resolve("data/sub"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            many.append("{\"id\":").append(i).append(",\"note\":\"n").append(i * 7919L).append("\"}\n");
        }
        Files.writeString(root.resolve("data/a.jsonl"), many);
        Files.writeString(root.resolve("data/sub/b.jsonl"), "{\"id\":3}\n");
        Map<String, String> before = signature();
        MigrationEngine engine = MigrationEngine.create(RuleRegistry.ofBuiltIns(new ToyRules()), EngineSettings.defaults());

        List<String> logged = logged(WRITER, () -> engine.migrate(new RunRequest(Scope.VERSION, root,
                Optional.empty(), Optional.empty(), Optional.of("2.0.0"), false, false, true, false), line -> { }));

        assertThat(logged).contains("backup: 2 of 4 archived file(s) written into the archive as the record passes read them");
        assertThat(signature()).isNotEqualTo(before);
        engine.rollback(root, Optional.empty(), Optional.empty(), line -> { });
        assertThat(signature()).isEqualTo(before);
        try (Stream<Path> backups = Files.list(root.resolve(".migrate/backups"))) {
            assertThat(backups).as("one backup, no draft left beside it").hasSize(1);
        }
    }

    @Test
    void aDryRunBeginsNoBackup() throws IOException {
        Files.writeString(root.resolve("VERSION"), "toy 0.1.0\n");
        Files.writeString(root.resolve("app.conf"), "name = demo\n");
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("data/a.jsonl"), "{\"id\":1}\n");
        MigrationEngine engine = MigrationEngine.create(RuleRegistry.ofBuiltIns(new ToyRules()), EngineSettings.defaults());

        engine.migrate(new RunRequest(Scope.VERSION, root, Optional.empty(), Optional.empty(), Optional.of("2.0.0"), true,
                false, true, false), line -> { });

        assertThat(root.resolve(".migrate/backups")).satisfiesAnyOf(b -> assertThat(b).doesNotExist(),
                b -> assertThat(b).isEmptyDirectory());
    }

    private static List<String> logged(String name, Runnable work) {
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
        try {
            work.run();
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(null);
        }
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private Map<String, String> signature() throws IOException {
        Map<String, String> sig = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> !p.startsWith(root.resolve(".migrate")) && Files.isRegularFile(p)).toList()) {
                sig.put(root.relativize(p).toString(), HashCache.hash(p));
            }
        }
        return sig;
    }
}
