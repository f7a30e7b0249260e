package dev.verpath.engine.execute;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.engine.failure.NoPathFailure;
import dev.verpath.engine.files.Mount;
import dev.verpath.engine.files.ProductFiles;
import dev.verpath.engine.model.RunRequest;
import dev.verpath.engine.model.Scope;
import dev.verpath.engine.backup.BackupKeys;
import dev.verpath.engine.plan.EdgeRisks;
import dev.verpath.engine.plan.FewestStepsPlanner;
import dev.verpath.engine.plan.RiskPlanning;
import dev.verpath.engine.plan.MachineRequirements;
import dev.verpath.engine.plan.MigrationPlan;
import dev.verpath.engine.plugin.RuleRegistry;
import dev.verpath.engine.records.RecordRun;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.engine.workspace.Installation;
import dev.verpath.rules.Product;
import dev.verpath.rules.RuleKind;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One migration as the front door resolved it, once: what was asked, the installation found, the product's
 * layout and file roles, the plan, where the rules work, which kinds of rules run with which flags, and the
 * backup decision. Every phase of the run takes this value; none looks any of it up again.
 *
 * @param request      what was asked (a flag that means dry run already made it one)
 * @param installation the installation, as read when the run was resolved
 * @param product      the product's layout
 * @param files        the roles of the product's files (which are weights)
 * @param plan         the steps to run
 * @param mounts       what the workspace shows: the root, or a sub-command's path at its place
 * @param kinds        the kinds of rules that run: those of the scope that the settings enable
 * @param records      what the record rules of every step are given: product, flags, lossy, record size limit
 * @param optimize     whether the last step deduplicates the model files ({@code --optimize} or the setting)
 * @param keepFree     the bytes a run leaves free on every disk it writes to ({@code global.keep_free_bytes})
 * @param backup       where the backup goes and whether one is taken
 * @param requirements what the product needs of the machine ({@code ProductRequirement}), checked before the run
 */
public record ResolvedRun(RunRequest request, Installation installation, Product product, ProductFiles files,
                          MigrationPlan plan, List<Mount> mounts, Set<RuleKind> kinds, RecordRun records,
                          boolean optimize, long keepFree, BackupDecision backup,
                          List<MachineRequirements.LoadedRequirement> requirements) {

    /**
     * Whether and where this run backs up.
     *
     * @param folder        the backup store: {@code --backup-dir}, else {@code .migrate/backups}
     * @param take          whether a backup is taken before the first change: asked ({@code --no-backup} not
     *                      given), enabled ({@code [backup] before_migration}) and not a dry run
     * @param mode          how the backup keeps files ({@code [backup] mode}: auto, hardlink, copy, ...)
     * @param weights       how it keeps weight files ({@code [backup] weights})
     * @param linkedWeights the roles of the files whose bytes the backup keeps without copying them (hard links
     *                      or clones), or {@link ProductFiles#NONE} when it copies every file
     * @param keys          the recipients its archive is encrypted to ({@code [backup] encrypt_to}), when any
     */
    public record BackupDecision(Path folder, boolean take, String mode, String weights, ProductFiles linkedWeights,
                                 BackupKeys keys) {

        /**
         * The backup the settings ask for: {@code [backup]} mode, weights and encryption; the product's weights
         * linked or cloned unless every file is copied.
         *
         * @param folder   the backup store
         * @param take     whether a backup is taken
         * @param settings the effective settings
         * @param files    the roles of the product's files
         * @return the decision
         */
        public static BackupDecision of(Path folder, boolean take, EngineSettings settings, ProductFiles files) {
            String mode = settings.backupMode();
            String weights = settings.backupWeights();
            boolean linked = mode.equals("hardlink") || mode.equals("auto") && !weights.equals("copy");
            return new BackupDecision(folder, take, mode, weights, linked ? files : ProductFiles.NONE,
                    BackupKeys.of(settings));
        }
    }

    /** Copies the collections. */
    public ResolvedRun {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(installation, "installation");
        mounts = List.copyOf(mounts);
        kinds = Set.copyOf(kinds);
        requirements = List.copyOf(requirements);
    }

    /**
     * The installation a request is about: the one at {@code --path} for {@code version}, the one around the
     * path given for {@code config}, {@code data} and {@code models}.
     *
     * @param request the request
     * @return the installation, read now
     */
    public static Installation locate(RunRequest request) {
        return request.scope() == Scope.VERSION ? Installation.at(request.target()) : Installation.around(request.target());
    }

    /**
     * Resolves a request on an installation: plans it (a usage error, such as an unknown version or product,
     * stops here) and decides the rest.
     *
     * @param request      what was asked
     * @param installation the installation, as {@link #locate} read it
     * @param registry     the loaded rules
     * @param settings     the effective settings
     * @return the resolved run
     */
    public static ResolvedRun of(RunRequest request, Installation installation, RuleRegistry registry, EngineSettings settings) {
        MigrationPlan plan = plan(request, installation, registry, settings);
        Product product = registry.product(plan.product()).orElseThrow(() -> new NoPathFailure("unknown product '"
                + plan.product() + "'; known products: " + String.join(", ", registry.products().keySet()), plan.product(),
                NoPathFailure.Missing.PRODUCT, List.copyOf(registry.products().keySet()), List.of()));
        List<Mount> mounts = RunMounts.of(request, product);
        ProductFiles files = registry.files(plan.product());
        BackupDecision backup = BackupDecision.of(installation.backupFolder(settings.backupDir()), !request.dryRun()
                && request.backup() && settings.backupBeforeMigration(), settings, files);
        return new ResolvedRun(request, installation, product, files, plan, mounts, kinds(request.scope(), settings),
                recordRun(registry, settings, plan.product(), request.allowLossy()),
                request.optimize() || settings.optimizeModels(), settings.keepFreeBytes(), backup,
                MachineRequirements.of(registry, plan.product()));
    }

    /**
     * What the record passes of a run depend on besides their rules: the product, every flag's value, whether lossy
     * steps are allowed, the record size limit. The run and {@code info}'s forecast of the step cache build it here
     * alike, so that the forecast names the passes the run will.
     *
     * @param registry the loaded rules (their flags)
     * @param settings the effective settings
     * @param product  the product
     * @param lossy    whether lossy steps are allowed
     * @return the record run
     */
    static RecordRun recordRun(RuleRegistry registry, EngineSettings settings, String product, boolean lossy) {
        Map<String, String> flags = new TreeMap<>();
        registry.flags().forEach(f -> flags.put(f.name(), settings.flag(f).value()));
        return new RecordRun(product, flags, lossy, settings.maxRecordBytes());
    }

    /**
     * The plan of a request: from {@code --from}, else the installation's recorded version; to {@code --to},
     * else the newest reachable version.
     *
     * @param request      what was asked
     * @param installation the installation
     * @param registry     the loaded rules
     * @param settings     the effective settings (the risks accepted, the flags the risks read)
     * @return the plan, planned around the edges that known risks block on the installation
     */
    static MigrationPlan plan(RunRequest request, Installation installation, RuleRegistry registry,
                              EngineSettings settings) {
        String product = installation.product(request.product());
        String from = request.from().or(installation::version).orElseThrow(() -> new InputFailure(ErrorCode.USAGE,
                installation.root().resolve(Installation.VERSION_FILE) + ": missing, and no --from given; give --from"));
        try {
            return RiskPlanning.planTo(new FewestStepsPlanner(registry.graph()), product, from, request.to(),
                    request.allowLossy(), EdgeRisks.on(registry, settings, product, Optional.of(installation.root()), from));
        } catch (NoPathFailure e) {
            if (request.from().isPresent() || e.missing() != NoPathFailure.Missing.SOURCE) {
                throw e;
            }
            // the source came from the installation: name where, so the user knows which file to look at
            throw e.readFrom(installation.versionSource());
        }
    }

    private static Set<RuleKind> kinds(Scope scope, EngineSettings settings) {
        Set<RuleKind> kinds = EnumSet.noneOf(RuleKind.class);
        if (scope.runs(RuleKind.CONFIG) && settings.configRulesEnabled()) {
            kinds.add(RuleKind.CONFIG);
        }
        if (scope.runs(RuleKind.DATA) && settings.dataRulesEnabled()) {
            kinds.add(RuleKind.DATA);
        }
        if (scope.runs(RuleKind.MODEL) && settings.modelRulesEnabled()) {
            kinds.add(RuleKind.MODEL);
        }
        return kinds;
    }

    /**
     * @param kind a kind of rule
     * @return whether this run runs rules of that kind
     */
    public boolean runs(RuleKind kind) {
        return kinds.contains(kind);
    }

    /** @return whether this run writes nothing */
    public boolean dryRun() {
        return request.dryRun();
    }

    /** @return which rules run */
    public Scope scope() {
        return request.scope();
    }
}
