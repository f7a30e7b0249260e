package dev.verpath.engine.graph;

import com.github.zafarkhaja.semver.Version;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.RuleBugFailure;
import dev.verpath.rules.MigrationException;
import dev.verpath.rules.MigrationRule;
import dev.verpath.rules.RuleDescriptor;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The versions and ranges rules declare, each distinct text read once: a graph of many rules names the same
 * versions again and again. Not thread-safe while rules are checked; read-only afterwards.
 */
final class RuleTexts {

    /**
     * A version read once.
     *
     * @param text    its canonical text
     * @param version the version
     * @param id      its number among the distinct versions read, from 0: one per canonical text
     */
    record Parsed(String text, Version version, int id) {
    }

    /**
     * Where a rule declares its edge from.
     *
     * @param text    the canonical version, or the range in its normal form
     * @param version the version, when the origin is one
     * @param range   the range, when the origin is one
     */
    record Origin(String text, Optional<Parsed> version, Optional<VersionRange> range) {
    }

    private final Map<String, Optional<Parsed>> versions = new HashMap<>();
    private final Map<String, Parsed> canonical = new HashMap<>();
    private final Map<String, Origin> origins = new HashMap<>();

    /**
     * Reads a rule's versions, refusing a rule whose {@code from} or {@code to} is no version (or range), or which
     * leads to its own origin.
     *
     * @param rule     the rule
     * @param position its place in the list of every rule
     * @param rules    where the rule is kept with its versions
     * @throws MigrationException with {@link ErrorCode#RULE_SET_INVALID} naming the rule
     */
    void check(MigrationRule rule, int position, ProductRules rules) {
        RuleDescriptor d = rule.descriptor();
        Parsed to = to(d);
        Origin from = from(d);
        if (from.text().equals(to.text())) {
            throw invalidRule(d, "leads from " + from.text() + " to itself");
        }
        rules.add(rule, position, from, to);
    }

    /** @return how many distinct versions were read: every {@link Parsed#id} is below it */
    int count() {
        return canonical.size();
    }

    /** @return the version a checked rule leads to */
    Parsed to(RuleDescriptor d) {
        return parsed(d.to()).orElseThrow(() -> invalidRule(d, "leads to '" + d.to() + "'"));
    }

    /** @return where a checked rule leads from */
    Origin from(RuleDescriptor d) {
        Origin known = origins.get(d.from());
        if (known != null) {
            return known;
        }
        Optional<Parsed> version = parsed(d.from());
        Origin origin;
        if (version.isPresent()) {
            origin = new Origin(version.get().text(), version, Optional.empty());
        } else {
            VersionRange range = range(d);
            origin = new Origin(range.text(), Optional.empty(), Optional.of(range));
        }
        origins.put(d.from(), origin);
        return origin;
    }

    private Optional<Parsed> parsed(String text) {
        Optional<Parsed> known = versions.get(text);
        if (known == null) {
            known = text == null ? Optional.empty() : Version.tryParse(text.trim())
                    .map(v -> canonical.computeIfAbsent(v.toString(), t -> new Parsed(t, v, canonical.size())));
            versions.put(text, known);
        }
        return known;
    }

    private static VersionRange range(RuleDescriptor d) {
        try {
            return VersionRange.parse(d.from());
        } catch (MigrationException e) {
            throw invalidRule(d, "declares from '" + d.from() + "', which is neither a version nor a range");
        }
    }

    private static MigrationException invalidRule(RuleDescriptor d, String problem) {
        return new RuleBugFailure(ErrorCode.RULE_SET_INVALID, "rule " + d.id() + " of product " + d.product() + " "
                + problem + "; fix the rule set or remove its plugin");
    }
}
