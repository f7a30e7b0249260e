package dev.verpath.engine.log;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * The logger a plugin's rules get through their context: named {@code plugin.<id>}, and every line it writes carries
 * the plugin's id in the {@link LogFields#PLUGIN} field, on whichever thread the rule runs. Thread-safe.
 */
public final class PluginLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    private final String pluginId;
    private final transient Logger delegate;

    private PluginLogger(String pluginId) {
        this.pluginId = pluginId;
        this.name = "plugin." + pluginId;
        this.delegate = LoggerFactory.getLogger(name);
    }

    /**
     * The logger of a plugin.
     *
     * @param pluginId the plugin's id
     * @return its logger
     */
    public static Logger of(String pluginId) {
        return new PluginLogger(pluginId);
    }

    @Override
    public boolean isTraceEnabled() {
        return delegate.isTraceEnabled();
    }

    @Override
    public boolean isDebugEnabled() {
        return delegate.isDebugEnabled();
    }

    @Override
    public boolean isInfoEnabled() {
        return delegate.isInfoEnabled();
    }

    @Override
    public boolean isWarnEnabled() {
        return delegate.isWarnEnabled();
    }

    @Override
    public boolean isErrorEnabled() {
        return delegate.isErrorEnabled();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return PluginLogger.class.getName();
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable cause) {
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        Optional<String> before = Optional.ofNullable(MDC.get(LogFields.PLUGIN));
        MDC.put(LogFields.PLUGIN, pluginId);
        try {
            switch (level) {
                case ERROR -> delegate.error(message, cause);
                case WARN -> delegate.warn(message, cause);
                case INFO -> delegate.info(message, cause);
                case DEBUG -> delegate.debug(message, cause);
                default -> delegate.trace(message, cause);
            }
        } finally {
            before.ifPresentOrElse(v -> MDC.put(LogFields.PLUGIN, v), () -> MDC.remove(LogFields.PLUGIN));
        }
    }
}
