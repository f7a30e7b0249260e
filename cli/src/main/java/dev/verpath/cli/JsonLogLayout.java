package dev.verpath.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A log line for programs: one JSON object a line, {@code time} (UTC, ISO-8601), {@code level}, {@code logger},
 * {@code message}, then the run's fields flat, where they apply: {@code run_id}, {@code product}, {@code step},
 * {@code rule}, {@code file}, {@code plugin}; {@code error} when the line carries a failure.
 */
final class JsonLogLayout extends LayoutBase<ILoggingEvent> {

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public String doLayout(ILoggingEvent event) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            json.writeStringField("level", event.getLevel().toString());
            json.writeStringField("logger", event.getLoggerName());
            json.writeStringField("message", event.getFormattedMessage());
            for (Map.Entry<String, String> field : new TreeMap<>(event.getMDCPropertyMap()).entrySet()) {
                json.writeStringField(field.getKey(), field.getValue());
            }
            IThrowableProxy cause = event.getThrowableProxy();
            if (cause != null) {
                json.writeStringField("error", String.valueOf(cause.getMessage()));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.append('\n').toString();
    }
}
