package dev.verpath.engine.validate;

import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** A validation of every category leaves .migrate/validated with its start, for the launcher's choice of compiler. */
class ValidationStampTest {

    private static final RuleRegistry LEDGER = RuleRegistry.ofBuiltIns(
            new RecordCacheTest.Ledger(Severity.ERROR, "the record's v is not 1"));
    /** Half a minute ahead, so that the files just written are settled (outside the racy window) for the caches. */
    private static final Instant START = Instant.now().plus(Duration.ofSeconds(30)).truncatedTo(ChronoUnit.MICROS);

    @TempDir
    Path root;

    private Path stamp;

    @BeforeEach
    void install() throws IOException {
        Files.writeString(root.resolve("VERSION"), "ledger 1.0.0\n");
        Files.writeString(root.resolve("ledger.conf"), "ok\n");
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("data/a.jsonl"), "{\"v\":\"1\"}\n{\"v\":\"2\"}\n");
        stamp = root.resolve(".migrate").resolve(ValidationStamp.FILE);
    }

    /** A clock a second later at each reading: the stamp must be the first, taken before any file is read. */
    private static Clock ticking() {
        return new Clock() {
            private long readings;

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return START.plusSeconds(readings++);
            }
        };
    }

    private void validate(Set<ValidationCategory> categories, boolean full, boolean repair) {
        new InstallationValidation(LEDGER, EngineSettings.defaults(), ticking())
                .validate(ValidationRequest.of(root, Optional.empty(), categories, false, full, repair), line -> { });
    }

    @Test
    void aValidationOfEveryCategoryStampsItsStartOncePrivately() throws IOException {
        validate(Set.of(), false, false);

        assertThat(Files.getLastModifiedTime(stamp).toInstant()).isEqualTo(START);
        assertThat(Files.size(stamp)).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stamp))).isEqualTo("rw-------");
        assertThat(root.resolve(".migrate/recordcache")).exists(); // the files the stamp vouches for are held

        validate(Set.of(), true, false); // --full reads every file again: the stamp holds for it too
        assertThat(Files.getLastModifiedTime(stamp).toInstant()).isEqualTo(START);
    }

    @Test
    void aValidationOfSomeCategoriesOrARepairLeavesNoStamp() {
        validate(Set.of(ValidationCategory.SECURITY), false, false);
        assertThat(stamp).doesNotExist();

        validate(Set.of(), false, true);
        assertThat(stamp).doesNotExist();
    }

    @Test
    void aStampIsNeverMadeWhereThereIsNoStateFolder() throws IOException {
        Path bare = Files.createDirectories(root.resolve("bare"));

        assertThat(ValidationStamp.record(bare.resolve(".migrate"), START)).isFalse();
        assertThat(bare.resolve(".migrate")).doesNotExist();
    }
}
