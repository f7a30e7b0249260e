package dev.verpath.builtin.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static String format(String ts) throws Exception {
        return Timestamps.format(MAPPER.readTree(ts));
    }

    @Test
    void writesWholeSecondsWithoutAFraction() throws Exception {
        assertThat(format("1700000000")).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(format("0")).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(format("-1")).isEqualTo("1969-12-31T23:59:59Z");
    }

    @Test
    void roundsAFractionHalfUpToTheMillisecond() throws Exception {
        assertThat(format("1700000000.5")).isEqualTo("2023-11-14T22:13:20.500Z");
        assertThat(format("1700000000.0005")).isEqualTo("2023-11-14T22:13:20.001Z");
        assertThat(format("1700000000.00049")).isEqualTo("2023-11-14T22:13:20.000Z");
        assertThat(format("1700000000.9996")).isEqualTo("2023-11-14T22:13:21.000Z");
        assertThat(format("1.7e9")).isEqualTo("2023-11-14T22:13:20.000Z");
        assertThat(format("-0.25")).isEqualTo("1969-12-31T23:59:59.750Z");
    }

    @Test
    void refusesTimesOutsideFourDigitYears() {
        assertThatThrownBy(() -> format("999999999999")).isInstanceOf(DateTimeException.class);
    }

    @Test
    void readsBackTheSameNumber() {
        assertThat(Timestamps.parse("2023-11-14T22:13:20Z").toString()).isEqualTo("1700000000");
        assertThat(Timestamps.parse("2023-11-14T22:13:20.500Z").decimalValue().toPlainString()).isEqualTo("1700000000.5");
        assertThat(Timestamps.parse("2023-11-14T22:13:20.000Z").decimalValue().toPlainString()).isEqualTo("1700000000.0");
        assertThat(Timestamps.parse("2023-11-14T23:13:20.25+01:00").decimalValue().toPlainString()).isEqualTo("1700000000.25");
        assertThat(Timestamps.parse("2023-11-14t22:13:20z").toString()).isEqualTo("1700000000");
        JsonNode integral = Timestamps.parse("1970-01-01T00:00:00Z");
        assertThat(integral.isIntegralNumber()).isTrue();
    }

    @Test
    void refusesTextThatIsNotRfc3339() {
        assertThatThrownBy(() -> Timestamps.parse("2023-11-14 22:13")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Timestamps.parse("yesterday")).isInstanceOf(DateTimeException.class);
    }
}
