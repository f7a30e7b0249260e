package dev.verpath.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The first use of libraries a command needs, made on a thread of its own while the main thread builds the command
 * line's model: logging (logback looks for its configuration and starts its context), and for a command that reads
 * an installation Jackson (its first {@code ObjectMapper} sets up date formats and locale data) and the TOML parser
 * of the source validation (its lexer's tables). Each is a one-time cost of 10-25 ms that the second core otherwise
 * idles through (bench/README.md, issue 30: 10 no-op steps).
 *
 * <p>Only class initialisation and throw-away objects: nothing here is kept, and a failure is ignored (the main thread
 * then meets the same first use itself and reports it there). Logging is the one ordering that matters: SLF4J hands a
 * thread that asks while another is initialising it a stand-in whose MDC is not the real one, so the main thread
 * waits for {@link #loggingReady()} before its first logging call.
 */
final class StartupWarmup {

    private static final CountDownLatch LOGGING = new CountDownLatch(1);
    /** The commands that read an installation (the current folder without {@code --path}). */
    private static final Set<String> ON_AN_INSTALLATION = Set.of("version", "config", "data", "models", "validate",
            "rollback", "status", "backups", "demo");
    private static volatile boolean begun;

    private StartupWarmup() {
    }

    /**
     * Starts the warm-up thread (a daemon: the process never waits for it to exit). Logging is warmed for every
     * command; Jackson and the TOML parser only for a command that reads an installation (one of those that work on
     * one, or any given {@code --path}): warming them for {@code info --from --to}, which uses neither, cost it
     * 0.08 s of CPU and 0.02 s of wall on two cores.
     *
     * @param args the command's arguments
     */
    static void begin(String[] args) {
        begun = true;
        boolean installation = readsAnInstallation(args);
        Thread thread = new Thread(() -> run(installation), "verpath-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until logging is set up, when {@link #begin(String[])} started the warm-up; returns at once otherwise. */
    static void loggingReady() {
        if (!begun) {
            return;
        }
        try {
            LOGGING.await(5, TimeUnit.SECONDS); // a stuck warm-up costs a pause, never the command
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * @param args the command's arguments
     * @return whether they name a command that works on an installation, or an installation ({@code --path}); a
     *         value that happens to be such a word only warms more
     */
    static boolean readsAnInstallation(String[] args) {
        for (String arg : args) {
            if (ON_AN_INSTALLATION.contains(arg) || arg.equals("--path") || arg.startsWith("--path=")) {
                return true;
            }
        }
        return false;
    }

    private static void run(boolean installation) {
        try {
            LoggerFactory.getILoggerFactory();
        } catch (RuntimeException | LinkageError e) {
            // the main thread's own first use reports it
        } finally {
            LOGGING.countDown();
        }
        if (!installation) {
            return;
        }
        try {
            new ObjectMapper().readTree("{\"warm\":[1,\"a\"]}");
            org.tomlj.Toml.parse("warm = 1\n");
        } catch (java.io.IOException | RuntimeException | LinkageError e) {
            // as above
        }
    }
}
