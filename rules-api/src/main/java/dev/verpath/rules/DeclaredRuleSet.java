package dev.verpath.rules;

import java.util.List;
import java.util.Objects;

/**
 * A rule set declared in one expression instead of six getters: extend it, mark the class
 * {@code @org.pf4j.Extension}, and hand the constructor what the set holds. PF4J needs a class with a public
 * no-argument constructor, which is why this is a class to extend rather than a value.
 *
 * <pre>{@code
 * @Extension
 * public final class GatewayRules extends DeclaredRuleSet {
 *     public GatewayRules() {
 *         super(DeclaredRuleSet.of("gateway-rules")
 *                 .products(Product.of("gateway", "The API gateway.").config("config/*.toml")
 *                         .weights("models/**}{@code /*.safetensors").modelsFolder("models").build())
 *                 .rules(new RecordEdits(...), new TomlEdits(...))
 *                 .validations(new GatewayConfigValidation()));
 *     }
 * }
 * }</pre>
 */
public abstract class DeclaredRuleSet implements RuleSet {

    private final Contents contents;

    /**
     * @param contents what the set holds
     */
    protected DeclaredRuleSet(Contents contents) {
        this.contents = Objects.requireNonNull(contents, "contents");
    }

    /**
     * @param id the set's id, unique among the loaded rule sets
     * @return empty contents to add to
     */
    public static Contents of(String id) {
        return new Contents(id, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * What a declared rule set holds. Immutable; each method returns new contents.
     *
     * @param id           the set's id
     * @param products     the products it declares
     * @param rules        its migration rules
     * @param validations  its validation rules
     * @param recordChecks its record checks
     * @param flags        the flags its rules read
     * @param conflicts    the flag values its rules cannot work with together
     * @param risks        the known risks of its edges (since 2.3.0)
     * @param requirements what its products need of the machine (since 2.4.0)
     */
    public record Contents(String id, List<Product> products, List<MigrationRule> rules, List<ValidationRule> validations,
                           List<RecordCheck> recordChecks, List<FlagDescriptor> flags, List<FlagConflict> conflicts,
                           List<EdgeRisk> risks, List<ProductRequirement> requirements) {

        /** Checks the id and copies the lists. */
        public Contents {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("a rule set needs an id");
            }
            products = List.copyOf(products);
            rules = List.copyOf(rules);
            validations = List.copyOf(validations);
            recordChecks = List.copyOf(recordChecks);
            flags = List.copyOf(flags);
            conflicts = List.copyOf(conflicts);
            risks = List.copyOf(risks);
            requirements = List.copyOf(requirements);
        }

        /**
         * Contents without requirements, as in 2.3.0.
         *
         * @param id           the set's id
         * @param products     the products it declares
         * @param rules        its migration rules
         * @param validations  its validation rules
         * @param recordChecks its record checks
         * @param flags        the flags its rules read
         * @param conflicts    the flag values its rules cannot work with together
         * @param risks        the known risks of its edges
         */
        public Contents(String id, List<Product> products, List<MigrationRule> rules, List<ValidationRule> validations,
                        List<RecordCheck> recordChecks, List<FlagDescriptor> flags, List<FlagConflict> conflicts,
                        List<EdgeRisk> risks) {
            this(id, products, rules, validations, recordChecks, flags, conflicts, risks, List.of());
        }

        /**
         * Contents without risks, as before 2.3.0.
         *
         * @param id           the set's id
         * @param products     the products it declares
         * @param rules        its migration rules
         * @param validations  its validation rules
         * @param recordChecks its record checks
         * @param flags        the flags its rules read
         * @param conflicts    the flag values its rules cannot work with together
         */
        public Contents(String id, List<Product> products, List<MigrationRule> rules, List<ValidationRule> validations,
                        List<RecordCheck> recordChecks, List<FlagDescriptor> flags, List<FlagConflict> conflicts) {
            this(id, products, rules, validations, recordChecks, flags, conflicts, List.of(), List.of());
        }

        /**
         * @param declared the known risks of the set's edges
         * @return these contents with them
         * @since 2.3.0
         */
        public Contents risks(EdgeRisk... declared) {
            return new Contents(id, products, rules, validations, recordChecks, flags, conflicts, List.of(declared),
                    requirements);
        }

        /**
         * @param declared what the set's products need of the machine
         * @return these contents with them
         * @since 2.4.0
         */
        public Contents requirements(ProductRequirement... declared) {
            return new Contents(id, products, rules, validations, recordChecks, flags, conflicts, risks, List.of(declared));
        }

        /**
         * @param declared the products
         * @return these contents with them
         */
        public Contents products(Product... declared) {
            return new Contents(id, List.of(declared), rules, validations, recordChecks, flags, conflicts, risks, requirements);
        }

        /**
         * @param declared the migration rules
         * @return these contents with them
         */
        public Contents rules(MigrationRule... declared) {
            return new Contents(id, products, List.of(declared), validations, recordChecks, flags, conflicts, risks, requirements);
        }

        /**
         * @param declared the validation rules
         * @return these contents with them
         */
        public Contents validations(ValidationRule... declared) {
            return new Contents(id, products, rules, List.of(declared), recordChecks, flags, conflicts, risks, requirements);
        }

        /**
         * @param declared the record checks
         * @return these contents with them
         */
        public Contents recordChecks(RecordCheck... declared) {
            return new Contents(id, products, rules, validations, List.of(declared), flags, conflicts, risks, requirements);
        }

        /**
         * @param declared the flags
         * @return these contents with them
         */
        public Contents flags(FlagDescriptor... declared) {
            return new Contents(id, products, rules, validations, recordChecks, List.of(declared), conflicts, risks, requirements);
        }

        /**
         * @param declared flag values the set's rules cannot work with together
         * @return these contents with them
         */
        public Contents conflicts(FlagConflict... declared) {
            return new Contents(id, products, rules, validations, recordChecks, flags, List.of(declared), risks, requirements);
        }
    }

    @Override
    public final String id() {
        return contents.id();
    }

    @Override
    public final List<Product> products() {
        return contents.products();
    }

    @Override
    public final List<MigrationRule> rules() {
        return contents.rules();
    }

    @Override
    public final List<ValidationRule> validations() {
        return contents.validations();
    }

    @Override
    public final List<RecordCheck> recordChecks() {
        return contents.recordChecks();
    }

    @Override
    public final List<FlagDescriptor> flags() {
        return contents.flags();
    }

    @Override
    public final List<FlagConflict> flagConflicts() {
        return contents.conflicts();
    }

    @Override
    public final List<EdgeRisk> risks() {
        return contents.risks();
    }

    @Override
    public final List<ProductRequirement> requirements() {
        return contents.requirements();
    }
}
