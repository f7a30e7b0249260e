package dev.verpath.engine.service;

import dev.verpath.engine.settings.HealthCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until a service is healthy: runs the health command until it exits 0 or its attempts are spent,
 * {@code interval} apart, each attempt killed after the check's {@code timeout}. Its {@code VERPATH_PHASE} (and
 * MDC field {@code hook}) is {@value #PHASE}. Interruptible: an interrupt (a stop signal) ends the wait at once,
 * kills a running attempt, and reports not healthy, with the thread's interrupt flag kept set. Stateless.
 */
public final class HealthGate {

    /** The phase name the health command runs under. */
    public static final String PHASE = "health";

    private static final Logger LOG = LoggerFactory.getLogger(OutputLines.LOGGER);

    private HealthGate() {
    }

    /**
     * Runs the health check.
     *
     * @param check       the command, retries, interval and timeout
     * @param environment what the command is told about the run
     * @param folder      its working folder, the installation
     * @param listener    told of each attempt as it ends
     * @return whether the service became healthy, with every attempt; {@link HealthReport#interrupted()} when the
     *         calling thread was interrupted (its interrupt flag is then set again)
     */
    public static HealthReport await(HealthCheck check, HookEnvironment environment, Path folder,
                                     HealthListener listener) {
        HookRunner runner = new HookRunner(check.timeout());
        List<HealthAttempt> attempts = new ArrayList<>();
        try {
            for (int number = 1; number <= check.retries(); number++) {
                if (number > 1) {
                    Thread.sleep(check.interval().toMillis());
                }
                HealthAttempt attempt = HealthAttempt.of(number, runner.run(PHASE, check.command(), environment, folder));
                attempts.add(attempt);
                listener.attempted(attempt, check.retries());
                if (attempt.healthy()) {
                    return report(new HealthReport(true, attempts, false));
                }
            }
            return report(new HealthReport(false, attempts, false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return report(new HealthReport(false, attempts, true));
        }
    }

    private static HealthReport report(HealthReport report) {
        LOG.info("health: {}", report.summary());
        return report;
    }
}
