package dev.verpath.engine.validate;

import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.settings.SettingsLoader;
import dev.verpath.rules.Finding;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import dev.verpath.rules.RecordCheck;
import dev.verpath.rules.RecordRule;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleKind;
import dev.verpath.rules.RuleSet;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationDescriptor;
import dev.verpath.rules.json.JsonValue;
import dev.verpath.testsupport.HostProgram;
import dev.verpath.testsupport.TmpfsDisk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code migrate validate} remembers each record file's findings in .migrate/recordcache, by the file's stamp. */
class RecordCacheTest {

    /** A product "ledger" at 1.0.0 whose records under data/ must have {@code "v":"1"}, an error or a warning. */
    record Ledger(Severity severity, String message) implements RuleSet {
        static final ValidationDescriptor V = descriptor(Severity.ERROR);

        static ValidationDescriptor descriptor(Severity severity) {
            return new ValidationDescriptor("ledger.1.0.0.v", "Record v", "Checks v.", "ledger", "1.0.0",
                    ValidationCategory.SCHEMA, severity);
        }

        @Override
        public String id() {
            return "ledger";
        }

        @Override
        public List<Product> products() {
            return List.of(new Product("ledger", "A test product.", "ledger.conf", "data", "models"));
        }

        @Override
        public List<MigrationRule> rules() {
            return List.of(new RecordRule() {
                @Override
                public RuleDescriptor descriptor() {
                    return new RuleDescriptor("ledger.1.0.0.data", "Data", "Stamps v.", "ledger", "0.9.0", "1.0.0",
                            RuleKind.DATA, List.of(), false, "1", List.of("data/**/*.jsonl"));
                }
            });
        }

        @Override
        public List<RecordCheck> recordChecks() {
            return List.of(RecordCheck.of(descriptor(severity), r -> r.get("v").flatMap(JsonValue::asText).filter("1"::equals).isPresent()
                    ? Optional.empty() : Optional.of(message)));
        }
    }

    private static final Clock LATER = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(30));
    private static final RuleRegistry LEDGER = RuleRegistry.ofBuiltIns(new Ledger(Severity.ERROR, "the record's v is not 1"));

    @TempDir
    Path root;

    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void install() throws IOException {
        Files.writeString(root.resolve("VERSION"), "ledger 1.0.0\n");
        Files.writeString(root.resolve("ledger.conf"), "ok\n");
        Files.createDirectories(root.resolve("data/old"));
        // 25 wrong records (20 shown, then one counting the rest), a line that is not a record, a good file
        Files.writeString(root.resolve("data/a.jsonl"), IntStream.rangeClosed(1, 30)
                .mapToObj(i -> i % 6 == 0 ? "{\"v\":\"1\"}" : "{\"v\":\"" + i + "\"}").collect(Collectors.joining("\n", "", "\n"))
                + "not json\n");
        Files.writeString(root.resolve("data/old/b.jsonl"), "{\"v\":\"1\"}\n{\"v\":\"1\"}\n");
    }

    private ValidationReport validate(RuleRegistry registry, EngineSettings settings, Clock clock, boolean full,
                                      boolean repair) {
        return new InstallationValidation(registry, settings, clock).validate(ValidationRequest.of(root, Optional.empty(),
                Set.of(), false, full, repair), progress::add);
    }

    private ValidationReport validate() {
        return validate(LEDGER, EngineSettings.defaults(), LATER, false, false);
    }

    private List<String> recordLines() {
        return progress.stream().filter(l -> l.startsWith("checked ")).toList();
    }

    @Test
    void aSecondValidationReadsNoUnchangedRecordFileAndReportsTheSameFindings() throws IOException {
        ValidationReport first = validate();
        ValidationReport second = validate();
        ValidationReport full = validate(LEDGER, EngineSettings.defaults(), LATER, true, false);

        assertThat(first.findings()).hasSize(22).extracting(Finding::ruleId).containsOnly(Ledger.V.id(),
                RecordFileChecks.SYNTAX_ID);
        assertThat(first.findings()).filteredOn(f -> f.location().isEmpty()).extracting(Finding::message)
                .containsExactly("4 more records do not match version 1.0.0");
        assertThat(second.findings()).isEqualTo(first.findings());
        assertThat(full.findings()).isEqualTo(first.findings());
        assertThat(recordLines()).containsExactly(
                "checked 2 record file(s), 346 B; 0 unchanged file(s) taken from the record cache",
                "checked 0 record file(s), 0 B; 2 unchanged file(s) taken from the record cache",
                "checked 2 record file(s), 346 B; 0 unchanged file(s) taken from the record cache (--full: cache ignored)");
        Path cache = root.resolve(".migrate/recordcache");
        assertThat(Files.readString(cache)).startsWith("{\"format\":\"verpath-recordcache\",\"version\":1,\"checks\":\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rw-------");
    }

    @Test
    void aFileRewrittenWithItsSizeAndAnotherModificationTimeIsCheckedAgain() throws IOException {
        validate();
        Path b = root.resolve("data/old/b.jsonl");
        Files.writeString(b, "{\"v\":\"1\"}\n{\"v\":\"2\"}\n");
        Files.setLastModifiedTime(b, FileTime.fromMillis(Files.getLastModifiedTime(b).toMillis() - 60_000));

        assertThat(wrongLinesOf("data/old/b.jsonl", validate())).containsExactly("line 2");
        assertThat(recordLines()).last().asString().startsWith("checked 1 record file(s)");
    }

    @Test
    void aFileOfAnotherSizeWithItsOldModificationTimeIsCheckedAgain() throws IOException {
        validate();
        Path b = root.resolve("data/old/b.jsonl");
        FileTime mtime = Files.getLastModifiedTime(b);
        Files.writeString(b, "{\"v\":\"1\"}\n{\"v\":\"22\"}\n");
        Files.setLastModifiedTime(b, mtime);

        assertThat(wrongLinesOf("data/old/b.jsonl", validate())).containsExactly("line 2");
    }

    @Test
    void aFileReplacedByRenameWithItsSizeAndModificationTimeIsCheckedAgain() throws IOException {
        validate();
        Path b = root.resolve("data/old/b.jsonl");
        Path replacement = root.resolve("b.new");
        Files.writeString(replacement, "{\"v\":\"2\"}\n{\"v\":\"1\"}\n");
        Files.setLastModifiedTime(replacement, Files.getLastModifiedTime(b));
        Files.move(replacement, b, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(wrongLinesOf("data/old/b.jsonl", validate())).containsExactly("line 1");
    }

    @Test
    void aFileChangedJustBeforeItWasCheckedIsNotRemembered() {
        validate(LEDGER, EngineSettings.defaults(), Clock.systemUTC(), false, false);
        validate(LEDGER, EngineSettings.defaults(), Clock.systemUTC(), false, false);

        assertThat(recordLines()).allMatch(l -> l.startsWith("checked 2 record file(s)"));
    }

    @Test
    void otherChecksOrCheckSettingsCheckEveryFileAgain() {
        validate();
        ValidationReport otherWords = validate(RuleRegistry.ofBuiltIns(new Ledger(Severity.WARNING, "v must be 1")), EngineSettings.defaults(),
                LATER, false, false);
        ValidationReport shorterLines = validate(RuleRegistry.ofBuiltIns(new Ledger(Severity.WARNING, "v must be 1")), new SettingsLoader(
                Map.of()).load(Optional.empty(), Map.of("data_migration.max_record_bytes", "8")), LATER, false, false);

        assertThat(otherWords.findings()).filteredOn(f -> f.ruleId().equals(Ledger.V.id()))
                .extracting(Finding::severity).containsOnly(Severity.WARNING);
        assertThat(otherWords.findings()).filteredOn(f -> f.ruleId().equals(Ledger.V.id()) && f.location().isPresent())
                .extracting(Finding::message).containsOnly("v must be 1");
        assertThat(shorterLines.findings()).extracting(Finding::ruleId).containsOnly(RecordFileChecks.SYNTAX_ID);
        assertThat(recordLines()).allMatch(l -> l.startsWith("checked 2 record file(s)"));
    }

    @Test
    void aDamagedOrForeignCacheIsIgnoredAndRewritten() throws IOException {
        List<Finding> expected = validate().findings();
        Path cache = root.resolve(".migrate/recordcache");
        String good = Files.readString(cache);
        List<String> damaged = List.of("garbage\n", good.substring(0, good.length() / 2),
                good.replace("\"version\":1", "\"version\":2"), good.replace("\"findings\":[", "\"found\":["),
                good.replace("\"severity\":\"ERROR\"", "\"severity\":\"FATAL\""));

        for (String text : damaged) {
            Files.writeString(cache, text);
            assertThat(validate().findings()).as(text).isEqualTo(expected);
            assertThat(recordLines()).last().asString().as(text).startsWith("checked 2 record file(s)");
            assertThat(Files.readString(cache)).as(text).startsWith("{\"format\":\"verpath-recordcache\",\"version\":1,");
        }
        assertThat(validate().findings()).isEqualTo(expected);
        assertThat(recordLines()).last().asString().startsWith("checked 0 record file(s)");
    }

    @Test
    void repairNeverTakesFindingsFromTheCache() throws IOException {
        validate();
        Path cache = root.resolve(".migrate/recordcache");
        // the stamps still match, so a normal run believes the cache; --repair reads the files
        Files.writeString(cache, Files.readString(cache).replaceAll("\"findings\":\\[[^\\n]*\\]}", "\"findings\":[]}"));

        assertThat(validate().findings()).as("the cache is used").isEmpty();
        assertThat(validate(LEDGER, EngineSettings.defaults(), LATER, false, true).findings()).hasSize(22);
        assertThat(recordLines()).last().asString().startsWith("checked 2 record file(s)").endsWith("(--repair: cache ignored)");
        assertThat(validate().findings()).as("and the cache holds the truth again").hasSize(22);
    }

    @Test
    void aReadOnlyStateFolderStillValidates() throws IOException {
        List<Finding> expected = validate().findings();
        Path state = root.resolve(".migrate");
        HostProgram.run("rm", "-rf", state.toString());
        try (TmpfsDisk disk = TmpfsDisk.mount(state, "1m", "a read-only state folder")) {
            HostProgram.require("a read-only state folder", "mount", "-o", "remount,ro", disk.folder().toString());

            assertThat(validate().findings()).isEqualTo(expected);
            assertThat(validate().findings()).isEqualTo(expected);
            assertThat(state.resolve("recordcache")).doesNotExist();
            assertThat(recordLines()).last().asString().startsWith("checked 2 record file(s)");
        }
    }

    private static List<String> wrongLinesOf(String path, ValidationReport report) {
        return report.findings().stream().filter(f -> f.path().equals(path)).map(f -> f.location().orElse("")).toList();
    }
}
