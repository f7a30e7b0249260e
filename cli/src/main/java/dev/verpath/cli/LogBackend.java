package dev.verpath.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.LayoutBase;
import dev.verpath.engine.failure.EnvironmentFailure;
import dev.verpath.engine.settings.LogSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.LoggerFactory;

/**
 * The one SLF4J backend, logback, set up in code from the {@code [log]} settings ({@code --log-level},
 * {@code --log-format}, {@code --log-file} and their variables): no configuration file is looked for or parsed, which
 * keeps its start-up cost to the classes it loads. Lines go to the command's stderr, or are appended to the log file.
 */
final class LogBackend {

    private LogBackend() {
    }

    /**
     * Points every logger at the writer the settings name, at their level and in their format.
     *
     * @param settings the log settings
     * @param err      the command's stderr
     */
    static void configure(LogSettings settings, PrintWriter err) {
        StartupWarmup.loggingReady(); // while SLF4J initialises on the warm-up thread, it hands out a stand-in context
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PrintWriter target = settings.file().map(LogBackend::append).orElse(err);
        Level level = Level.toLevel(settings.level(), Level.WARN);
        install(context, level, settings.format().equals("json") ? new JsonLogLayout() : new TextLogLayout(), target);
        // PF4J's own info lines (its version, each plugin resolved and started) are noise beside the loading decisions
        // Verpath logs itself; its debug lines stay for --log-level debug
        context.getLogger("org.pf4j").setLevel(level == Level.INFO ? Level.WARN : null);
    }

    /** Replaces the context's appenders by one that writes to {@code target}. */
    static void install(LoggerContext context, Level level, LayoutBase<ILoggingEvent> layout, PrintWriter target) {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        layout.setContext(context);
        layout.start();
        WriterAppender appender = new WriterAppender(layout, target);
        appender.setContext(context);
        appender.setName("migrate");
        appender.start();
        root.addAppender(appender);
        root.setLevel(level);
    }

    private static PrintWriter append(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE), true);
        } catch (IOException e) {
            throw new EnvironmentFailure(file + ": cannot open the log file (" + e.getMessage() + "); give --log-file a"
                    + " writable file, or drop it to log to stderr", e);
        }
    }

    /** Writes each event's text to a writer and flushes it, so that a line is whole on disk or on the terminal. */
    private static final class WriterAppender extends AppenderBase<ILoggingEvent> {

        private final LayoutBase<ILoggingEvent> layout;
        private final PrintWriter target;

        WriterAppender(LayoutBase<ILoggingEvent> layout, PrintWriter target) {
            this.layout = layout;
            this.target = target;
        }

        @Override
        protected void append(ILoggingEvent event) {
            target.print(layout.doLayout(event));
            target.flush();
        }
    }
}
