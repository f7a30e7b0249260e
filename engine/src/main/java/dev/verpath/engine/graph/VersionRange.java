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

    private VersionRange(String text, String expression, Expression predicate) {
        this.text = text;
        this.expression = expression;
        this.predicate = predicate;
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
        return predicate.interpret(Version.parse(version.trim()));
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
