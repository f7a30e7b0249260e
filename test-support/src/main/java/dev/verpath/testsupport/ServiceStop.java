package dev.verpath.testsupport;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code stop --pid-file F}: SIGTERM, up to 10 s for the server to end, then SIGKILL; the pid file is removed. Stopping
 * a server that does not run succeeds, as {@code systemctl stop} does.
 */
final class ServiceStop {

    private static final long GRACE_SECONDS = 10;
    private static final long POLL_MILLIS = 20;

    private ServiceStop() {
    }

    /** @return the exit status: 0 stopped or not running, 1 when the process outlived SIGKILL */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        ServiceOptions options = ServiceOptions.parse(args, List.of("pid-file"), false);
        Path pidFile = options.path("pid-file");
        Optional<ProcessHandle> server = ServerProcess.running(pidFile);
        if (server.isEmpty()) {
            ServeServer.delete(pidFile);
            out.println("not running (" + pidFile + " names no running server)");
            return 0;
        }
        ProcessHandle process = server.get();
        process.destroy();
        String how = "stopped";
        if (!ended(process, GRACE_SECONDS)) {
            process.destroyForcibly();
            how = "killed after " + GRACE_SECONDS + " s";
            if (!ended(process, GRACE_SECONDS)) {
                err.println("cannot stop the server: pid " + process.pid() + " still runs after SIGKILL");
                return 1;
            }
        }
        ServeServer.delete(pidFile);
        out.println(how + " (pid " + process.pid() + ")");
        return 0;
    }

    /** Polls: {@code onExit()} of a process that is not our child polls too, but with waits of up to a second. */
    private static boolean ended(ProcessHandle process, long seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try {
            while (ServerProcess.alive(process) && System.nanoTime() < deadline) {
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !ServerProcess.alive(process);
    }
}
