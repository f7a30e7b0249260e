package dev.verpath.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A log line for people: {@code <time> <LEVEL> <logger> [<field>=<value> ...] <message>}, the time in UTC, the
 * logger by its last name, the run's fields (product, step, rule, file, plugin; the run id is left to the JSON
 * lines and the audit trail) in name order.
 */
final class TextLogLayout extends LayoutBase<ILoggingEvent> {

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(Instant.ofEpochMilli(event.getTimeStamp()).toString()).append(' ')
                .append(event.getLevel()).append(' ').append(shortName(event.getLoggerName()));
        Map<String, String> fields = new TreeMap<>(event.getMDCPropertyMap());
        fields.remove("run_id");
        if (!fields.isEmpty()) {
            line.append(' ').append(fields.toString().replace('{', '[').replace('}', ']').replace(", ", " "));
        }
        line.append(": ").append(event.getFormattedMessage());
        IThrowableProxy cause = event.getThrowableProxy();
        if (cause != null) {
            line.append(" (").append(cause.getMessage()).append(')');
        }
        return line.append(System.lineSeparator()).toString();
    }

    private static String shortName(String logger) {
        return logger.startsWith("plugin.") ? logger : logger.substring(logger.lastIndexOf('.') + 1);
    }
}
