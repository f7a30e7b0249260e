package dev.verpath.engine.log;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.MDC;

/**
 * The fields a run's log lines carry (SLF4J's MDC), so that a JSON log line says which run, product, step, rule and
 * file it is about. The MDC belongs to a thread: work handed to another thread takes the caller's fields along with
 * {@link #carried(Callable)}.
 */
public final class LogFields {

    /** The id of the command's run, as the audit trail names it. */
    public static final String RUN_ID = "run_id";
    /** The product being migrated. */
    public static final String PRODUCT = "product";
    /** The step, as {@code <from> -> <to>}. */
    public static final String STEP = "step";
    /** The rule running, by id. */
    public static final String RULE = "rule";
    /** The file being read or written, relative to the installation. */
    public static final String FILE = "file";
    /** The plugin whose rule logged the line, by id. */
    public static final String PLUGIN = "plugin";

    private LogFields() {
    }

    /**
     * Sets a field until the returned handle is closed, then puts back what it held before (so nested scopes and
     * several commands in one thread, as in tests, never leave a stale field behind).
     *
     * @param key   one of the names above
     * @param value the value
     * @return the handle that restores the field
     */
    public static AutoCloseableField put(String key, String value) {
        Optional<String> before = Optional.ofNullable(MDC.get(key));
        MDC.put(key, value);
        return () -> before.ifPresentOrElse(v -> MDC.put(key, v), () -> MDC.remove(key));
    }

    /**
     * Work to run on another thread with the fields the calling thread has now.
     *
     * @param work the work
     * @param <T>  its result
     * @return the same work, carrying the fields
     */
    public static <T> Callable<T> carried(Callable<T> work) {
        Map<String, String> fields = Optional.ofNullable(MDC.getCopyOfContextMap()).orElse(Map.of());
        return () -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            MDC.setContextMap(fields);
            try {
                return work.call();
            } finally {
                MDC.setContextMap(before == null ? Map.of() : before);
            }
        };
    }

    /** A field set for a while; closing it never throws. */
    @FunctionalInterface
    public interface AutoCloseableField extends AutoCloseable {
        @Override
        void close();
    }
}
