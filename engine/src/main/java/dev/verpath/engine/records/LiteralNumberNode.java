package dev.verpath.engine.records;

import com.fasterxml.jackson.databind.node.DecimalNode;
import java.math.BigDecimal;

/**
 * A number read from a record, kept as it was written ({@code 1.50}, {@code 1e3}, {@code -0}) so that
 * a record a rule does not change is written back with the same digits. It behaves as a
 * {@link DecimalNode} of the same value for every reader (equality, {@code decimalValue()},
 * {@code isFloatingPointNumber()}). Only {@link RecordCodec} writes the literal; a general Jackson
 * serializer writes the {@code BigDecimal} (same digits, exponents as {@code 1E+3}). Immutable.
 */
final class LiteralNumberNode extends DecimalNode {

    private static final long serialVersionUID = 1L;

    private final String literal;

    LiteralNumberNode(String literal, BigDecimal value) {
        super(value);
        this.literal = literal;
    }

    /** @return the number exactly as the input wrote it */
    String literal() {
        return literal;
    }
}
