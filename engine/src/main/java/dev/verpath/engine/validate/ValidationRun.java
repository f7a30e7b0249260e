package dev.verpath.engine.validate;

import dev.verpath.engine.graph.VersionGraph;
import dev.verpath.engine.graph.VersionText;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.rules.Finding;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationDescriptor;
import dev.verpath.rules.ValidationRule;
import dev.verpath.rules.Workspace;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.progress.ProgressPhase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One validation of an installation at a version: that the version is one the loaded rules know, the
 * product's validation rules and record checks ({@link RecordFileChecks}) on a read-only view, and the engine's own
 * checks on the files on disk; only the categories asked for. Not thread-safe; one run per call.
 */
public final class ValidationRun {

    /** The engine's check that the installation's version is a known one. */
    public static final ValidationDescriptor KNOWN_VERSION = TreeCheck.describe("engine.schema.known-version",
            "Known version", "Checks that the product and the version the installation is at are known to a loaded rule "
                    + "set.", ValidationCategory.SCHEMA, Severity.ERROR);

    private static final String VERSION_FILE = "VERSION";

    private final RuleRegistry registry;
    private final Optional<Thresholds> engineChecks;
    private final long maxRecordBytes;
    private final ProgressListener listener;
    private final RecordCache records;

    /**
     * A run of the product's rules and the engine's checks.
     *
     * @param registry   the loaded rules
     * @param thresholds the limits of the performance checks
     */
    public ValidationRun(RuleRegistry registry, Thresholds thresholds) {
        this(registry, Optional.of(thresholds));
    }

    /**
     * @param registry     the loaded rules
     * @param engineChecks the limits of the performance checks, or empty to run the product's rules alone
     */
    public ValidationRun(RuleRegistry registry, Optional<Thresholds> engineChecks) {
        this(registry, engineChecks, dev.verpath.engine.records.RecordRun.DEFAULT_MAX_RECORD_BYTES);
    }

    /**
     * @param registry       the loaded rules
     * @param engineChecks   the limits of the performance checks, or empty to run the product's rules alone
     * @param maxRecordBytes the longest record line read whole ({@code [data_migration] max_record_bytes})
     */
    public ValidationRun(RuleRegistry registry, Optional<Thresholds> engineChecks, long maxRecordBytes) {
        this(registry, engineChecks, maxRecordBytes, ProgressListener.NONE, RecordCache.none());
    }

    private ValidationRun(RuleRegistry registry, Optional<Thresholds> engineChecks, long maxRecordBytes,
                          ProgressListener listener, RecordCache records) {
        this.registry = registry;
        this.engineChecks = engineChecks;
        this.maxRecordBytes = maxRecordBytes;
        this.listener = listener;
        this.records = records;
    }

    /**
     * @param listener told how reading the record files goes ({@link ProgressPhase#CHECKING_RECORDS})
     * @return this run, telling the listener
     */
    public ValidationRun withProgress(ProgressListener listener) {
        return new ValidationRun(registry, engineChecks, maxRecordBytes, listener, records);
    }

    /**
     * @param records the findings of record files checked before ({@code migrate validate}'s {@link RecordCache});
     *                without it every record file is read
     * @return this run, recalling and remembering the record checks' findings there
     */
    public ValidationRun withRecordCache(RecordCache records) {
        return new ValidationRun(registry, engineChecks, maxRecordBytes, listener, records);
    }

    /**
     * Validates.
     *
     * @param view       a read-only view of the installation, for the product's rules
     * @param tree       the installation on disk, for the engine's checks
     * @param product    the product
     * @param version    the version the installation should be at
     * @param categories the categories to check
     * @return the findings, sorted by {@link InstallationValidator#ORDER}
     */
    public List<Finding> findings(Workspace view, TreeScan tree, String product, String version,
                                  Set<ValidationCategory> categories) {
        List<Finding> findings = new ArrayList<>();
        if (engineChecks.isPresent() && categories.contains(ValidationCategory.SCHEMA)) {
            knownVersion(product, version).ifPresent(findings::add);
        }
        findings.addAll(new InstallationValidator(registry, maxRecordBytes).validate(view, product, version, categories));
        try {
            findings.addAll(RecordFileChecks.findings(registry, view, product, version, maxRecordBytes, categories, listener,
                    records));
        } catch (IOException | java.io.UncheckedIOException e) {
            findings.add(Finding.of(RecordFileChecks.SYNTAX, "", null, "the record files could not be listed: "
                    + dev.verpath.engine.failure.Excerpt.reason(e), "Check the installation's permissions and run again."));
        }
        List<Finding> productFindings = List.copyOf(findings);
        for (TreeCheck check : engineChecks.map(EngineChecks::all).orElse(List.of())) {
            ValidationDescriptor d = check.descriptor();
            if (!categories.contains(d.category())) {
                continue;
            }
            try {
                // a config file the product's own rule already reports on that line is not reported twice
                check.check(tree).stream().filter(f -> !f.ruleId().equals(ConfigSyntax.DESCRIPTOR.id())
                                || productFindings.stream().noneMatch(p -> p.path().equals(f.path()) && p.location().equals(f.location())))
                        .forEach(findings::add);
            } catch (IOException | RuntimeException e) {
                findings.add(new Finding(d.id(), d.category(), Severity.ERROR, "", Optional.empty(),
                        "check failed to run: " + e.getMessage(), "Make the files it names readable and run it again."));
            }
        }
        findings.sort(InstallationValidator.ORDER);
        return List.copyOf(findings);
    }

    private Optional<Finding> knownVersion(String product, String version) {
        if (registry.product(product).isEmpty()) {
            return Optional.of(Finding.of(KNOWN_VERSION, VERSION_FILE, null, "product '" + product + "' is not known to "
                    + "any loaded rule set (known: " + String.join(", ", new TreeSet<>(registry.products().keySet())) + ")",
                    "Install the plugin that declares " + product + ", or correct the product name in " + VERSION_FILE + "."));
        }
        // the versions the product's edges name (the nodes of its version graph, or one a range edge covers), and
        // those its validation rules name: looked up in the graph planning built, not read again from every rule
        VersionGraph graph = registry.graph();
        String canonical = VersionText.canonical(version);
        boolean inRange = graph.hasVersion(product, canonical) || !graph.edgesFrom(product, canonical).isEmpty();
        TreeSet<String> known = new TreeSet<>(VersionText.ORDER);
        for (ValidationRule rule : registry.validations()) {
            ValidationDescriptor d = rule.descriptor();
            if (d.product().equals(product)) {
                Optional.of(d.versions().trim()).filter(VersionText::isVersion).ifPresent(known::add);
                inRange |= InstallationValidator.covers(d.versions(), version);
            }
        }
        if (!known.contains(version) && !inRange) {
            known.addAll(graph.versions(product));
            return Optional.of(Finding.of(KNOWN_VERSION, VERSION_FILE, null, "version " + version + " is not a version of "
                    + product + " that the loaded rules know (known: " + String.join(", ", known) + ")",
                    "Write the installed version into " + VERSION_FILE + ", or install the plugin that brings version "
                            + version + "."));
        }
        return Optional.empty();
    }
}
