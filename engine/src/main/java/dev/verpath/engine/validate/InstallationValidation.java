package dev.verpath.engine.validate;

import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.failure.VersionFileProblem;
import dev.verpath.engine.files.HashCache;
import dev.verpath.engine.progress.ProgressListener;
import dev.verpath.engine.files.Mount;
import dev.verpath.engine.files.NetworkFileSystem;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.workspace.Installation;
import dev.verpath.engine.workspace.LiveTree;
import dev.verpath.engine.workspace.ShadowWorkspace;
import dev.verpath.rules.Finding;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.Severity;
import dev.verpath.rules.ValidationCategory;
import dev.verpath.rules.ValidationDescriptor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code migrate validate}: the installation at its version (or the one asked for), the categories asked for,
 * hashes through the installation's {@link StatCache} and the record checks' findings through its {@link RecordCache}
 * (unless {@code --full} or {@code --repair}), strictness, and {@code --repair} followed by a second validation when
 * anything was restored. Reads only, but for the two caches and the repaired files. Not thread-safe.
 */
public final class InstallationValidation {

    /** The engine's check that VERSION holds a version (and a product the history agrees with). */
    public static final ValidationDescriptor VERSION_FILE_CHECK = TreeCheck.describe("engine.schema.version-file",
            "Version file", "Checks that VERSION holds '<version>' or '<product> <version>' and that the product agrees "
                    + "with the history.", ValidationCategory.SCHEMA, Severity.ERROR);

    private final RuleRegistry registry;
    private final EngineSettings settings;
    private final Clock clock;
    private final ProgressListener listener;

    /**
     * @param registry the loaded rules
     * @param settings the effective settings
     * @param clock    the clock (racy window of the stat cache, backup names)
     */
    public InstallationValidation(RuleRegistry registry, EngineSettings settings, Clock clock) {
        this(registry, settings, clock, ProgressListener.NONE);
    }

    /**
     * @param registry the loaded rules
     * @param settings the effective settings
     * @param clock    the clock (racy window of the stat cache, backup names)
     * @param listener told how hashing the weights and reading the record files go
     */
    public InstallationValidation(RuleRegistry registry, EngineSettings settings, Clock clock, ProgressListener listener) {
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
    }

    /** One pass: the findings, and what they were found on (for the repair). */
    private record Pass(List<Finding> findings, TreeScan tree, ShadowWorkspace view) {
    }

    /**
     * Validates, and repairs when asked.
     *
     * @param request  what to check
     * @param progress receives a line on hashing and repairing
     * @return the report
     * @throws MigrationException with {@link ErrorCode#USAGE} when no version is known, {@link ErrorCode#IO_FAILED}
     *                            when the installation cannot be read
     */
    public ValidationReport validate(ValidationRequest request, Consumer<String> progress) {
        Installation installation;
        List<Finding> versionFile = List.of();
        try {
            installation = Installation.at(request.root());
        } catch (VersionFileProblem e) {
            // VERSION itself is wrong: a finding, and the rest is checked at the version the history (or --version) gives
            installation = Installation.ignoringVersionFile(request.root());
            versionFile = List.of(versionFileFinding(e));
        }
        String product = installation.product();
        if (!versionFile.isEmpty() && request.version().or(installation::version).isEmpty()) {
            return new ValidationReport(product, "(unknown)", versionFile, List.of(ValidationCategory.values()), false, List.of());
        }
        Installation at = installation;
        String version = request.version().or(installation::version).orElseThrow(() -> new InputFailure(ErrorCode.USAGE,                 at.root().resolve(Installation.VERSION_FILE) + ": missing; give --version"));
        boolean strict = Strictness.of(request.strict(), settings, registry, product);
        List<ValidationCategory> categories = Arrays.stream(ValidationCategory.values()).filter(request::checks).toList();
        Path backups = settings.backupDir().orElse(installation.stateFolder().resolve("backups")).toAbsolutePath().normalize();
        if (request.repair()) {
            NetworkFileSystem.refuse(installation.root(), settings.allowNetworkFs());
        }
        try {
            Pass pass = check(installation, product, version, request, backups, request.full(), progress);
            List<Finding> findings = new java.util.ArrayList<>(versionFile);
            findings.addAll(pass.findings());
            List<Repair> repairs = List.of();
            if (request.repair()) {
                repairs = new ChecksumRepair(installation.root(), backups, clock).repair(pass.tree(), pass.view());
                repairs.forEach(r -> progress.accept((r.repaired() ? "repaired " : "could not repair ") + r.path()));
                if (repairs.stream().anyMatch(Repair::repaired)) {
                    findings = new java.util.ArrayList<>(versionFile);
                    findings.addAll(check(installation, product, version, request, backups, false, progress).findings());
                }
            }
            return new ValidationReport(product, version, strict ? Strictness.apply(findings) : findings, categories, strict,
                    repairs);
        } catch (IOException e) {
            throw new EnvironmentFailure(installation.root() + ": cannot read the installation ("
                    + e.getMessage() + ")", e);
        }
    }

    /** VERSION's own problem as a finding: what is wrong with line 1, and the remedy the refusal gives. */
    private static Finding versionFileFinding(VersionFileProblem e) {
        String remedy = Character.toUpperCase(e.remedy().charAt(0)) + e.remedy().substring(1) + ".";
        return Finding.of(VERSION_FILE_CHECK, Installation.VERSION_FILE, "line 1", e.problem(), remedy);
    }

    private Pass check(Installation installation, String product, String version, ValidationRequest request, Path backups,
                       boolean full, Consumer<String> progress) throws IOException {
        // --repair writes: what it decides on is read afresh, never recalled (the results are remembered for later runs)
        boolean fresh = full || request.repair();
        Instant started = clock.instant();
        StatCache cache = StatCache.open(installation.root(), fresh, clock);
        RecordCache records = RecordCache.open(installation.root(), fresh, clock);
        LiveTree live = LiveTree.scan(List.of(new Mount("", installation.root())), Set.of(backups));
        HashCache hashes = new HashCache(cache);
        if (request.checks(ValidationCategory.INTEGRITY)) {
            // the weights are hashed on every core, with progress; the integrity rules then hit the cache
            hashes.hashAll(live.entries().entrySet().stream().filter(e -> e.getValue().type() == LiveTree.Type.FILE
                    && registry.files(product).isWeight(e.getKey())).map(e -> e.getValue().real()).toList(), listener);
        }
        ShadowWorkspace view = new ShadowWorkspace(live, installation.stateFolder().resolve("unused"), false, hashes);
        // the walk of the tree on disk serves only the engine's checks and repair; rules read the view
        TreeScan tree = request.engineChecks() || request.repair()
                ? TreeScan.of(installation.root(), Set.of(backups), registry.files(product))
                : new TreeScan(installation.root(), registry.files(product), List.of());
        Optional<Thresholds> engineChecks = request.engineChecks() ? Optional.of(Thresholds.of(settings)) : Optional.empty();
        List<Finding> findings = new ValidationRun(registry, engineChecks, settings.maxRecordBytes()).withProgress(listener)
                .withRecordCache(records).findings(new ReadOnlyView(view, Set.of()), tree, product, version, request.categories());
        cache.save();
        records.save();
        if (!request.repair() && request.engineChecks()
                && request.categories().size() == ValidationCategory.values().length) {
            ValidationStamp.record(installation.stateFolder(), started);
        }
        String ignored = full ? " (--full: cache ignored)" : fresh ? " (--repair: cache ignored)" : "";
        if (cache.hashed() + cache.recalled() > 0) {
            progress.accept("hashed " + cache.hashed() + " file(s), " + PerformanceChecks.bytes(cache.hashedBytes())
                    + "; " + cache.recalled() + " unchanged file(s) taken from the stat cache" + ignored);
        }
        if (records.checked() + records.recalled() > 0) {
            progress.accept("checked " + records.checked() + " record file(s), " + PerformanceChecks.bytes(records.checkedBytes())
                    + "; " + records.recalled() + " unchanged file(s) taken from the record cache" + ignored);
        }
        return new Pass(findings, tree, view);
    }
}
