package dev.verpath.engine.plugin;

import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.RuleBugFailure;
import dev.verpath.engine.files.ProductFiles;
import dev.verpath.engine.graph.GraphStore;
import dev.verpath.engine.graph.VersionGraph;
import dev.verpath.engine.settings.EngineSettings;
import dev.verpath.rules.FlagConflict;
import dev.verpath.rules.FlagDescriptor;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.Product;
import dev.verpath.rules.RecordCheck;
import dev.verpath.rules.RuleDescriptor;
import dev.verpath.rules.RuleSet;
import dev.verpath.rules.ValidationRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every rule set the engine loaded, built-in and plugin alike, indexed for lookup. Immutable.
 *
 * <p>Refuses duplicate rule ids, a product declared twice, and rules of a product nobody declares. Two
 * owners (the built-ins, or a plugin) whose migration rules claim the same edge and kind (same product,
 * declared {@code from} in its normal form, {@code to}, and {@link dev.verpath.rules.RuleKind kind}) are refused
 * with a {@link RuleConflictException} unless the preferences name the owner that wins; the other owners'
 * rules of that edge and kind are then left out.
 */
public final class RuleRegistry {

    private final List<LoadedRuleSet> ruleSets;
    private final Map<String, Product> products;
    private final Map<String, ProductFiles> productFiles;
    private final List<MigrationRule> rules;
    private final List<ValidationRule> validations;
    private final List<RecordCheck> recordChecks;
    private final List<FlagDescriptor> flags;
    private final List<FlagConflict> flagConflicts;
    private final Map<String, String> originOfRule;
    private final Map<String, String> overridden;
    private final GraphStore store;
    private volatile VersionGraph graph;

    private RuleRegistry(List<LoadedRuleSet> ruleSets, Map<String, String> preferences) {
        this.ruleSets = List.copyOf(ruleSets);
        Map<String, Product> productsByName = new TreeMap<>();
        Map<String, ProductFiles> filesByName = new HashMap<>();
        Map<String, String> declaredBy = new HashMap<>();
        Map<String, String> origin = new HashMap<>();
        List<MigrationRule> allRules = new ArrayList<>();
        ProductRuns runs = new ProductRuns();
        List<ValidationRule> allValidations = new ArrayList<>();
        List<RecordCheck> allChecks = new ArrayList<>();
        Map<String, FlagDescriptor> allFlags = new TreeMap<>();
        List<FlagConflict> allConflicts = new ArrayList<>();
        for (LoadedRuleSet loaded : this.ruleSets) {
            RuleSet set = loaded.ruleSet();
            declareProducts(loaded, declaredBy, productsByName, filesByName);
            for (MigrationRule rule : set.rules()) {
                RuleDescriptor d = rule.descriptor();
                claimId(origin, d.id(), loaded.origin());
                allRules.add(rule);
                runs.add(d.product(), loaded, d.id());
            }
            for (ValidationRule rule : set.validations()) {
                claimId(origin, rule.descriptor().id(), loaded.origin());
                allValidations.add(rule);
            }
            for (RecordCheck check : set.recordChecks()) {
                claimId(origin, check.descriptor().id(), loaded.origin());
                allChecks.add(check);
            }
            for (FlagDescriptor flag : set.flags()) {
                allFlags.putIfAbsent(flag.name(), flag);
            }
            allConflicts.addAll(set.flagConflicts());
        }
        requireDeclaredProducts(runs, productsByName, origin);
        Map<String, String> dropped = ClaimedEdges.settle(allRules, runs, preferences);
        if (!dropped.isEmpty()) {
            allRules.removeIf(r -> dropped.containsKey(r.descriptor().id()));
        }
        this.products = Map.copyOf(productsByName);
        this.productFiles = Map.copyOf(filesByName);
        this.rules = IdOrder.sorted(allRules, r -> r.descriptor().id());
        this.validations = IdOrder.sorted(allValidations, r -> r.descriptor().id());
        this.recordChecks = IdOrder.sorted(allChecks, c -> c.descriptor().id());
        this.flags = List.copyOf(allFlags.values());
        this.flagConflicts = List.copyOf(allConflicts);
        this.originOfRule = Collections.unmodifiableMap(origin); // not copied: 100,000 ids of a large plugin cost ~25 ms
        this.overridden = Map.copyOf(dropped);
        this.store = GraphStore.NONE;
    }

    /** The same rules, with their graphs kept in another store. */
    private RuleRegistry(RuleRegistry same, GraphStore store) {
        this.ruleSets = same.ruleSets;
        this.products = same.products;
        this.productFiles = same.productFiles;
        this.rules = same.rules;
        this.validations = same.validations;
        this.recordChecks = same.recordChecks;
        this.flags = same.flags;
        this.flagConflicts = same.flagConflicts;
        this.originOfRule = same.originOfRule;
        this.overridden = same.overridden;
        this.store = store;
    }

    /** @return a registry of the same rules whose {@link #graph} keeps each product's graph in a store between runs */
    public RuleRegistry withGraphStore(GraphStore store) {
        return new RuleRegistry(this, store);
    }

    /** Declares the products of one rule set, refusing a product another rule set declared already. */
    private static void declareProducts(LoadedRuleSet loaded, Map<String, String> declaredBy,
                                        Map<String, Product> productsByName, Map<String, ProductFiles> filesByName) {
        for (Product product : loaded.ruleSet().products()) {
            String previous = declaredBy.putIfAbsent(product.name(), loaded.origin());
            if (previous != null) {
                throw new RuleBugFailure(ErrorCode.RULE_SET_INVALID, "product '" + product.name()
                        + "' is declared by both " + previous + " and " + loaded.origin()
                        + "; remove one of them from the plugins folder");
            }
            productsByName.put(product.name(), product);
            filesByName.put(product.name(), compiled(product, loaded.origin()));
        }
    }

    /** Refuses a migration rule of a product no rule set declares: the first in load order. */
    private static void requireDeclaredProducts(ProductRuns runs, Map<String, Product> productsByName,
                                                Map<String, String> origin) {
        for (ProductRuns.Run run : runs.runs()) {
            if (!productsByName.containsKey(run.product())) {
                throw new RuleBugFailure(ErrorCode.RULE_SET_INVALID, "rule " + run.firstId() + " of "
                        + origin.get(run.firstId()) + " migrates product '" + run.product()
                        + "' that no rule set declares; install the plugin that declares it");
            }
        }
    }

    private static void claimId(Map<String, String> origin, String id, String by) {
        String previous = origin.putIfAbsent(id, by);
        if (previous != null) {
            throw new RuleBugFailure(ErrorCode.RULE_SET_INVALID, "rule id '" + id + "' is used by both " + previous + " and " + by + "; rule ids must be unique");
        }
    }

    /**
     * A registry of the given rule sets.
     *
     * @param ruleSets the rule sets with where each came from
     * @return the registry
     * @throws MigrationException with {@link ErrorCode#RULE_SET_INVALID} when they conflict
     */
    public static RuleRegistry of(List<LoadedRuleSet> ruleSets) {
        return new RuleRegistry(ruleSets, Map.of());
    }

    /**
     * A registry of the given rule sets, where the preferences settle edges that several owners claim.
     *
     * @param ruleSets    the rule sets with where each came from
     * @param preferences the owner ({@code built-in} or a plugin id) that wins, by edge key (see
     *                    {@link EngineSettings#edgeKey}); {@code [plugins] prefer} of the migration config
     * @return the registry
     * @throws RuleConflictException when owners claim one edge and kind and no preference picks one of them
     * @throws MigrationException    with {@link ErrorCode#RULE_SET_INVALID} when they conflict otherwise
     */
    public static RuleRegistry of(List<LoadedRuleSet> ruleSets, Map<String, String> preferences) {
        return new RuleRegistry(ruleSets, preferences);
    }

    /**
     * A registry of built-in rule sets (origin {@code built-in}), for tests and embedding.
     *
     * @param ruleSets the rule sets
     * @return the registry
     */
    public static RuleRegistry ofBuiltIns(RuleSet... ruleSets) {
        List<LoadedRuleSet> loaded = new ArrayList<>();
        for (RuleSet set : ruleSets) {
            loaded.add(new LoadedRuleSet(set, LoadedRuleSet.BUILT_IN));
        }
        return new RuleRegistry(loaded, Map.of());
    }

    /** @return the rule sets in load order */
    public List<LoadedRuleSet> ruleSets() {
        return ruleSets;
    }

    /**
     * The version graph of every product, built from the loaded rules on the first call (each product's part when
     * first asked for) and the same afterwards.
     *
     * @return the version graph of every product
     * @throws MigrationException when a rule's versions are not versions (see {@link VersionGraph#of})
     */
    public VersionGraph graph() {
        VersionGraph built = graph;
        if (built == null) {
            built = VersionGraph.of(products.keySet(), rules(), store);
            graph = built;
        }
        return built;
    }

    /** @return every declared product by name */
    public Map<String, Product> products() {
        return products;
    }

    /**
     * @param name a product name
     * @return the product, or empty when none is declared under that name
     */
    public Optional<Product> product(String name) {
        return Optional.ofNullable(products.get(name));
    }

    /**
     * @param name a product name
     * @return the roles of the product's files, compiled; {@link ProductFiles#NONE} when no product has that name
     */
    public ProductFiles files(String name) {
        return productFiles.getOrDefault(name, ProductFiles.NONE);
    }

    private static ProductFiles compiled(Product product, String origin) {
        try {
            return ProductFiles.of(product);
        } catch (IllegalArgumentException e) {
            throw new RuleBugFailure(ErrorCode.RULE_SET_INVALID, "product '" + product.name() + "' of " + origin + ": "
                    + e.getMessage() + "; fix the product's file roles or remove the plugin");
        }
    }

    /** @return every migration rule, sorted by id */
    public List<MigrationRule> rules() {
        return rules;
    }

    /**
     * @param product a product name
     * @return the migration rules of that product, sorted by id
     */
    public List<MigrationRule> rules(String product) {
        return rules.stream().filter(r -> r.descriptor().product().equals(product)).toList();
    }

    /** @return every validation rule, sorted by id */
    public List<ValidationRule> validations() {
        return validations;
    }

    /** @return every record check, sorted by id */
    public List<RecordCheck> recordChecks() {
        return recordChecks;
    }

    /** @return every declared flag, sorted by name */
    public List<FlagDescriptor> flags() {
        return flags;
    }

    /** @return the flag values the loaded rule sets cannot work with together, in load order */
    public List<FlagConflict> flagConflicts() {
        return flagConflicts;
    }

    /**
     * Where a rule came from.
     *
     * @param ruleId a rule id
     * @return {@code built-in} or {@code plugin <id>}, or empty for an unknown id
     */
    public Optional<String> origin(String ruleId) {
        return Optional.ofNullable(originOfRule.get(ruleId));
    }

    /**
     * The migration rules left out because {@code [plugins] prefer} chose another owner for their edge.
     *
     * @return the origin that won, by the id of the rule left out
     */
    public Map<String, String> overridden() {
        return overridden;
    }
}
