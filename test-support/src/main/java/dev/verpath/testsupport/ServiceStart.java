package dev.verpath.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code start --path INST --pid-file F --port-file P [--port N] [--require KEY ...]}: runs a {@link ServeServer} in
 * a detached JVM (its own session where {@code setsid} exists, stdin from /dev/null, stdout and stderr appended to
 * the log beside the pid file), waits up to 10 s for its port file, and returns. Starting a server that runs is a
 * no-op that succeeds, as {@code systemctl start} is.
 */
final class ServiceStart {

    private static final long WAIT_MILLIS = 10_000;
    private static final long POLL_MILLIS = 20;
    private static final List<String> SETSID = List.of("/usr/bin/setsid", "/bin/setsid");

    private ServiceStart() {
    }

    /** @return the exit status: 0 listening, 1 when the server exited or never listened */
    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        ServiceOptions options = ServiceOptions.parse(args, List.of("path", "pid-file", "port-file", "port"), true);
        Path pidFile = options.path("pid-file");
        Path portFile = options.path("port-file");
        options.path("path");
        options.port();
        Optional<ProcessHandle> running = ServerProcess.running(pidFile);
        if (running.isPresent()) {
            out.println("already running (pid " + running.get().pid() + ")");
            return 0;
        }
        ServeServer.delete(pidFile);
        ServeServer.delete(portFile);
        Path log = ServeService.logFile(pidFile);
        Process launcher = new ProcessBuilder(detached(ServeService.java(ServeServer.class, options.arguments())))
                .redirectInput(new File("/dev/null")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        while (System.nanoTime() < deadline) {
            Optional<String> port = read(portFile);
            if (port.isPresent()) {
                out.println("started (pid " + read(pidFile).orElse("?") + ", port " + port.get() + ", log " + log + ")");
                return 0;
            }
            if (!launcher.isAlive() && launcher.exitValue() != 0) {
                err.println("serve did not start: " + lastLine(log) + " (exit " + launcher.exitValue() + ", log " + log
                        + ")");
                return 1;
            }
            Thread.sleep(POLL_MILLIS);
        }
        launcher.destroyForcibly();
        err.println("serve did not listen within " + WAIT_MILLIS / 1000 + " s (log " + log + ")");
        return 1;
    }

    private static List<String> detached(List<String> command) {
        List<String> line = new ArrayList<>();
        SETSID.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().ifPresent(line::add);
        line.addAll(command);
        return line;
    }

    private static Optional<String> read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("(no output)");
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
