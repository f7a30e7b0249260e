package dev.verpath.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.PrintWriter;

/**
 * Logback's first configuration, found through {@code META-INF/services}: warnings and errors as text on stderr
 * until the command has read its {@code [log]} settings ({@link LogBackend}). It stops logback from looking for
 * {@code logback.xml} and from its own default, which would print every debug line on stdout.
 */
public final class QuietLogStart extends ContextAwareBase implements Configurator {

    /** Made by logback's service loader. */
    public QuietLogStart() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        LogBackend.install(context, Level.WARN, new TextLogLayout(), new PrintWriter(System.err, true));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
