package dev.verpath.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The server process a pid file names, when it is still running and is a {@link ServeServer}. */
final class ServerProcess {

    private ServerProcess() {
    }

    /**
     * The running server of a pid file. A missing or unreadable pid file, a process that is gone, and a process
     * that is not a {@link ServeServer} (the pid was reused) are all "not running".
     *
     * @param pidFile the pid file
     * @return the process, or empty when none of ours runs
     */
    static Optional<ProcessHandle> running(Path pidFile) {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).strip());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ServerProcess::alive).filter(ServerProcess::isServer);
    }

    /**
     * Whether a process still runs. A zombie does not: a server that {@code start} detached is reaped by init, which
     * may take a second or more (this machine's init does), and {@link ProcessHandle#isAlive} counts it alive until
     * then.
     *
     * @param process the process
     * @return true while it runs
     */
    static boolean alive(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"), StandardCharsets.US_ASCII);
            int end = stat.lastIndexOf(')');
            return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
        } catch (IOException e) {
            return process.isAlive();
        }
    }

    private static boolean isServer(ProcessHandle process) {
        return process.info().arguments().map(List::of).orElse(List.of()).contains(ServeServer.class.getName());
    }
}
