package dev.verpath.engine.graph;

import com.github.zafarkhaja.semver.Version;
import com.github.zafarkhaja.semver.expr.Expression;
import com.github.zafarkhaja.semver.expr.ExpressionParser;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import dev.verpath.rules.MigrationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A range of semantic versions, as a rule's {@code from} may declare it. Immutable and thread-safe.
 *
 * <p>Accepted forms: comparisons joined by spaces ({@code >=1.0.0 <2.0.0}), by {@code &&} or {@code &}
 * ({@code >=1.0.0 && <2.0.0}) or by commas ({@code >=1.0.0, <2.0.0}); alternatives joined by
 * {@code ||}; and everything else java-semver's expression language reads: {@code ~1.2}, {@code ^1.2.3},
 * {@code 1.x}, hyphen ranges {@code 1.0.0 - 1.4.0}, {@code !=1.0.1} and parentheses. The text is
 * rewritten into that language (conjunction {@code &}, disjunction {@code |}) before parsing.
 */
public final class VersionRange {

    private final String text;
    private final String expression;
    private final Expression predicate;
    private final Optional<Version> lowest;
    private final Optional<Version> highest;

    private VersionRange(String text, String expression, Expression predicate) {
        this.text = text;
        this.expression = expression;
        this.predicate = predicate;
        this.lowest = bound(expression, ">");
        this.highest = bound(expression, "<");
    }

    /**
     * The tightest bound that a range made of comparisons joined by {@code &} puts on one side: every version it
     * covers is within it (in precedence order), so the bounds frame a window to look for covered versions in; a
     * range with alternatives or parentheses, or no such comparison, gives none.
     *
     * @param side {@code >} for the lowest version, {@code <} for the highest
     */
    private static Optional<Version> bound(String expression, String side) {
        if (expression.contains("|") || expression.contains("(")) {
            return Optional.empty();
        }
        Optional<Version> bound = Optional.empty();
        for (String term : expression.split(" & ")) {
            String version = term.startsWith(side + "=") ? term.substring(2)
                    : term.startsWith(side) ? term.substring(1)
                    : term.startsWith("=") ? term.substring(1) : term;
            Optional<Version> parsed = version.equals(term) && !Character.isDigit(term.charAt(0)) ? Optional.empty()
                    : Version.tryParse(version);
            boolean tighter = parsed.isPresent() && (bound.isEmpty()
                    || (side.equals(">") ? parsed.get().compareTo(bound.get()) > 0 : parsed.get().compareTo(bound.get()) < 0));
            bound = tighter ? parsed : bound;
        }
        return bound;
    }

    /**
     * Reads a range.
     *
     * @param text the range text, e.g. {@code >=1.0.0 <2.0.0}
     * @return the range
     * @throws MigrationException with {@link ErrorCode#USAGE} naming the text when it is not a range
     */
    public static VersionRange parse(String text) {
        Objects.requireNonNull(text, "text");
        String normalized = normalize(text);
        String expression = toExpression(normalized);
        if (expression.isEmpty()) {
            throw invalid(text);
        }
        try {
            return new VersionRange(normalized, expression, ExpressionParser.newInstance().parse(expression));
        } catch (RuntimeException e) {
            throw invalid(text);
        }
    }

    /**
     * The text with surrounding blanks removed and inner runs of blanks made one space; two texts
     * with the same normal form declare the same origin.
     *
     * @param text range or version text
     * @return the normal form
     */
    public static String normalize(String text) {
        return text.trim().replaceAll("\\s+", " ");
    }

    private static MigrationException invalid(String text) {
        return new InputFailure(ErrorCode.USAGE, "invalid version range '" + text
                + "': write comparisons such as >=1.0.0 <2.0.0 (joined by spaces, && or commas)");
    }

    private static String toExpression(String text) {
        String spaced = text.replace("&&", " ").replace('&', ' ').replace(',', ' ')
                .replace("||", "|").replace("|", " | ").replace("(", " ( ").replace(")", " ) ")
                .replaceAll("(>=|<=|!=|>|<|=|~|\\^)\\s+", "$1").trim();
        List<String> out = new ArrayList<>();
        boolean endsTerm = false;
        for (String token : spaced.isEmpty() ? new String[0] : spaced.split("\\s+")) {
            boolean joiner = token.equals("|") || token.equals("-");
            boolean closes = token.equals(")");
            if (endsTerm && !joiner && !closes) {
                out.add("&");
            }
            out.add(token);
            endsTerm = closes || !(joiner || token.equals("(") || token.equals("!"));
        }
        return String.join(" ", out);
    }

    /**
     * Whether the range covers a version.
     *
     * @param version a version text
     * @return true when the version is in the range
     */
    public boolean contains(String version) {
        return contains(Version.parse(version.trim()));
    }

    /**
     * Whether the range covers a version already parsed.
     *
     * @param version a version
     * @return true when the version is in the range
     */
    boolean contains(Version version) {
        return predicate.interpret(version);
    }

    /** @return no version below this one (precedence order) is in the range; empty when the text sets no such bound */
    Optional<Version> lowest() {
        return lowest;
    }

    /** @return no version above this one (precedence order) is in the range; empty when the text sets no such bound */
    Optional<Version> highest() {
        return highest;
    }

    /** @return the range as declared, in its normal form */
    public String text() {
        return text;
    }

    /** @return the range in java-semver's expression language, e.g. {@code >=1.0.0 & <2.0.0} */
    public String expression() {
        return expression;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VersionRange range && range.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
