package dev.verpath.engine.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verpath.rules.json.JsonNumber;
import dev.verpath.rules.json.JsonValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Values read from a record's bytes: a number is read as spelled, whether or not it is one of the shared ones. */
class JsonValuesTest {

    @Test
    void numbersAreReadAsSpelledSmallOrNot() {
        for (String literal : new String[] {"0", "7", "10", "999", "9999", "10000", "123456", "-0", "-1", "-9999",
            "0.5", "1.50", "1e3", "1E-7", "9.0", "1700000000", "123456789012345678901234567890"}) {
            byte[] line = ("[" + literal + "]").getBytes(StandardCharsets.US_ASCII);
            JsonValue read = JsonValues.read(line, 1, line.length - 1);
            assertThat(read).as(literal).isEqualTo(new JsonNumber(literal));
            assertThat(((JsonNumber) read).literal()).as(literal).isEqualTo(literal);
        }
    }

    @Test
    void aSmallNumberReadTwiceIsTheSameValueAndEqualToOneMadeAnew() {
        byte[] line = "42,42".getBytes(StandardCharsets.US_ASCII);
        JsonValue first = JsonValues.read(line, 0, 2);
        JsonValue second = JsonValues.read(line, 3, 5);
        assertThat(second).isSameAs(first).isEqualTo(new JsonNumber("42"));
        assertThat(first.hashCode()).isEqualTo(new JsonNumber("42").hashCode());
    }
}
