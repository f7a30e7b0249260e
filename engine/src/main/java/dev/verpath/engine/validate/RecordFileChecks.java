package dev.verpath.engine.validate;

import dev.verpath.engine.failure.Excerpt;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.records.RecordFile;
import dev.verpath.rules.Finding;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.RecordCheck;
import dev.verpath.rules.RecordLine;
import dev.verpath.rules.RecordRule;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationDescriptor;
import dev.verpath.rules.Workspace;
import dev.verpath.engine.progress.ProgressMeter;
import dev.verpath.engine.progress.ProgressPhase;
import dev.verpath.engine.progress.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The product's record checks on the installed record files, for {@code migrate validate} and the validation of a
 * migration's source: the checks that the record pipeline runs on each record as it leaves a step, run here on each
 * record of the files as they are. The record files are those the product's record rules name ({@code paths} of its
 * {@link RecordRule}s, at every version): the files migration reads as records, and no others. Each line is read as
 * migration reads it ({@link RecordFile}, {@code [data_migration] max_record_bytes}): a line migration would refuse is
 * an error of {@value #SYNTAX_ID}, and a record a check refuses is a finding of that check, in the check's words, on
 * its line. At most {@value #SHOWN} findings of one check a file, then one finding counting the rest. Stateless.
 */
final class RecordFileChecks {

    /** The id of the engine's finding for a line that is not a record. */
    static final String SYNTAX_ID = "engine.schema.record-syntax";

    /** A line of a record file that migration would refuse. */
    static final ValidationDescriptor SYNTAX = TreeCheck.describe(SYNTAX_ID, "Record lines", "Checks that every line of "
            + "a record file is one JSON object no longer than [data_migration] max_record_bytes, as migration reads it.",
            ValidationCategory.SCHEMA, Severity.ERROR);

    /** Findings shown per check and file. */
    static final int SHOWN = 20;

    private static final String REMEDY = "Fix or remove the line, or restore the file from a backup and migrate again.";

    private RecordFileChecks() {
    }

    /**
     * @param registry       the loaded rules
     * @param view           a read-only view of the installation
     * @param product        the product
     * @param version        the version the installation should be at
     * @param maxRecordBytes the longest record line read whole
     * @param categories     the categories asked for
     * @param listener       told how reading the files goes ({@link ProgressPhase#CHECKING_RECORDS}: bytes read)
     * @param cache          the findings of files checked before, by their stamps; {@link RecordCache#none()} for none
     * @return the findings, in file and line order
     * @throws IOException when the record files cannot be listed
     */
    static List<Finding> findings(RuleRegistry registry, Workspace view, String product, String version,
                                  long maxRecordBytes, Set<ValidationCategory> categories, ProgressListener listener,
                                  RecordCache cache) throws IOException {
        List<RecordCheck> checks = new InstallationValidator(registry, maxRecordBytes).recordChecks(product, version)
                .stream().filter(c -> categories.contains(c.descriptor().category())).toList();
        boolean syntax = categories.contains(ValidationCategory.SCHEMA);
        List<Finding> findings = new ArrayList<>();
        if (checks.isEmpty() && !syntax) {
            return findings;
        }
        Set<String> files = files(registry, view, product);
        if (!files.isEmpty()) {
            cache.use(settings(product, version, maxRecordBytes, syntax, checks), code(registry, checks));
        }
        Map<String, List<Finding>> byFile = new HashMap<>();
        Map<String, Optional<FileStamp>> toRead = new LinkedHashMap<>();
        long total = 0;
        for (String path : files) {
            Optional<FileStamp> stamp = cache.stamp(path);
            Optional<List<Finding>> known = stamp.flatMap(s -> cache.recall(path, s));
            if (known.isPresent()) {
                byFile.put(path, known.get());
            } else {
                toRead.put(path, stamp);
                total += sizeOf(view, path);
            }
        }
        if (!toRead.isEmpty()) {
            try (ProgressMeter meter = ProgressMeter.start(listener, ProgressPhase.CHECKING_RECORDS, total)) {
                toRead.forEach((path, stamp) -> byFile.put(path, checkFile(view, path, maxRecordBytes, checks, syntax,
                        version, meter, stamp, cache)));
            }
        }
        files.forEach(path -> findings.addAll(byFile.get(path)));
        return findings;
    }

    /** What selects and tunes the checks, for {@link RecordCache#use}: the same text for the same checks. */
    private static String settings(String product, String version, long maxRecordBytes, boolean syntax,
                                   List<RecordCheck> checks) {
        StringBuilder text = new StringBuilder().append(product).append(' ').append(version).append(" max_record_bytes ")
                .append(maxRecordBytes).append(" syntax ").append(syntax).append(" shown ").append(SHOWN);
        for (RecordCheck check : checks) {
            ValidationDescriptor d = check.descriptor();
            // field by field: a record's toString is slow on a cold start
            for (Object field : List.of(d.id(), d.displayName(), d.description(), d.product(), d.versions(), d.category(),
                    d.severity(), check.getClass().getName())) {
                text.append(field).append('\t');
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The code that runs the checks: the engine's reading of records, and every rule set's jar. */
    private static List<Class<?>> code(RuleRegistry registry, List<RecordCheck> checks) {
        List<Class<?>> classes = new ArrayList<>(List.of(RecordFileChecks.class, RecordFile.class,
                com.fasterxml.jackson.core.JsonFactory.class));
        registry.ruleSets().forEach(l -> classes.add(l.ruleSet().getClass()));
        checks.forEach(c -> classes.add(c.getClass()));
        return classes;
    }

    /** @return the findings of one file; remembered in the cache when it was read whole and is unchanged */
    private static List<Finding> checkFile(Workspace view, String path, long maxRecordBytes, List<RecordCheck> checks,
                                           boolean syntax, String version, ProgressMeter meter,
                                           Optional<FileStamp> stamp, RecordCache cache) {
        Map<ValidationDescriptor, Integer> counts = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        Instant started = cache.now();
        boolean whole = true;
        try (InputStream in = meter.counting(view.open(path))) {
            RecordFile.read(in, maxRecordBytes, line -> check(line, path, checks, syntax, counts, findings));
        } catch (IOException | UncheckedIOException e) {
            whole = false;
            findings.add(Finding.of(SYNTAX, path, null, "could not be read: " + Excerpt.reason(e),
                    "Check the file's permissions and run again."));
        }
        counts.forEach((d, n) -> {
            if (n > SHOWN) {
                findings.add(Finding.of(d, path, null, (n - SHOWN) + " more records do not match version " + version,
                        REMEDY));
            }
        });
        cache.countChecked(sizeOf(view, path));
        if (whole) {
            stamp.ifPresent(s -> cache.remember(path, s, started, findings));
        }
        return findings;
    }

    /** @return the file's size, 0 when it cannot be read (reading it then says why) */
    private static long sizeOf(Workspace view, String path) {
        try {
            return view.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void check(RecordLine line, String path, List<RecordCheck> checks, boolean syntax,
                              Map<ValidationDescriptor, Integer> counts, List<Finding> findings) {
        if (line.problem().isPresent()) {
            if (syntax) {
                add(SYNTAX, path, line.line(), line.problem().get(), counts, findings);
            }
            return;
        }
        for (RecordCheck check : checks) {
            ValidationDescriptor d = check.descriptor();
            Optional<String> problem;
            try {
                problem = check.check(line.record().orElseThrow());
            } catch (RuntimeException e) {
                problem = Optional.of("record check " + d.id() + " failed to run: " + Excerpt.reason(e)
                        + " (a bug in the check, not in your data: report it to the check's authors)");
            }
            problem.ifPresent(p -> add(d, path, line.line(), p, counts, findings));
        }
    }

    private static void add(ValidationDescriptor d, String path, long line, String message,
                            Map<ValidationDescriptor, Integer> counts, List<Finding> findings) {
        if (counts.merge(d, 1, Integer::sum) <= SHOWN) {
            findings.add(Finding.of(d, path, "line " + line, message, REMEDY));
        }
    }

    /** The files the product's record rules name, sorted. */
    private static Set<String> files(RuleRegistry registry, Workspace view, String product) throws IOException {
        Set<String> files = new TreeSet<>();
        for (MigrationRule rule : registry.rules(product)) {
            if (rule instanceof RecordRule) {
                for (String glob : rule.descriptor().paths()) {
                    files.addAll(view.files(glob));
                }
            }
        }
        return files;
    }
}
