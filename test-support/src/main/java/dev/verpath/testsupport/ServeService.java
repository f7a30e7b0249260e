package dev.verpath.testsupport;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.File;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real small {@code serve} service for the end-to-end tests of hooks and the health gate, run as plain commands
 * the way an operator's hooks run {@code systemctl} and {@code curl}:
 * <pre>
 * java -cp CP dev.verpath.testsupport.ServeService start --path INST --pid-file F --port-file P [--port N] [--require KEY ...]
 * java -cp CP dev.verpath.testsupport.ServeService stop --pid-file F
 * java -cp CP dev.verpath.testsupport.ServeService health --port-file P
 * </pre>
 * {@code start} runs a detached {@link ServeServer} on 127.0.0.1 (port 0, the default, picks a free port) and
 * returns once it listens (exit 0), or exits 1 with one line when it exits first or does not listen within 10 s; its
 * log is {@link #logFile}. {@code stop} ends it (SIGTERM, SIGKILL after 10 s) and removes the pid file; exit 0, also
 * when it did not run. {@code health} asks {@code GET /health} once and prints the answer's line: exit 0 on 200
 * ({@code ok <version>}), 1 otherwise. A wrong command line exits 2. Tests build the command lines with
 * {@link #command}.
 */
public final class ServeService {

    /** The verbs, in the order a hook uses them. */
    public static final List<String> VERBS = List.of("start", "stop", "health");

    private ServeService() {
    }

    /**
     * Runs one verb and exits with its status.
     *
     * @param args the verb and its options
     */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /**
     * Runs one verb in this JVM (what {@link #main} does, without exiting).
     *
     * @param args the verb and its options
     * @param out  where the verb's result line goes
     * @param err  where a failure's line goes
     * @return the exit status
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String verb = args.isEmpty() ? "" : args.get(0);
        List<String> options = args.isEmpty() ? List.of() : args.subList(1, args.size());
        try {
            switch (verb) {
                case "start":
                    return ServiceStart.run(options, out, err);
                case "stop":
                    return ServiceStop.run(options, out, err);
                case "health":
                    return HealthProbe.run(options, out);
                default:
                    err.println("usage: ServeService start|stop|health [--option value ...] (got '" + verb + "')");
                    return 2;
            }
        } catch (ServiceOptions.UsageError e) {
            err.println(verb + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println(verb + " failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The command line of one verb: this JVM's java binary, the classpath that holds this module and Jackson, this
     * class and the arguments. Ready for a hook's argument list or a {@link ProcessBuilder}.
     *
     * @param verb {@code start}, {@code stop} or {@code health}
     * @param args the verb's options, e.g. {@code "--pid-file", pid.toString()}
     * @return the argument list, immutable
     * @throws IllegalArgumentException for another verb
     */
    public static List<String> command(String verb, String... args) {
        if (!VERBS.contains(verb)) {
            throw new IllegalArgumentException("no verb " + verb + "; the verbs are " + VERBS);
        }
        List<String> verbAndArgs = new ArrayList<>();
        verbAndArgs.add(verb);
        verbAndArgs.addAll(Arrays.asList(args));
        return java(ServeService.class, verbAndArgs);
    }

    /**
     * The same command line as {@link #command}, as one POSIX shell string with every word single-quoted, for a hook
     * given as a shell string.
     *
     * @param verb {@code start}, {@code stop} or {@code health}
     * @param args the verb's options
     * @return the shell line
     */
    public static String shellLine(String verb, String... args) {
        return command(verb, args).stream().map(w -> "'" + w.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
    }

    /**
     * The log a started server writes: beside the pid file, named like it with {@code .log} for a final
     * {@code .pid} ({@code serve.pid} logs to {@code serve.log}).
     *
     * @param pidFile the pid file
     * @return the log file
     */
    public static Path logFile(Path pidFile) {
        String name = pidFile.getFileName().toString();
        return pidFile.resolveSibling((name.endsWith(".pid") ? name.substring(0, name.length() - 4) : name) + ".log");
    }

    /**
     * The pid of the server a pid file names, while it runs (a zombie waiting for init does not run).
     *
     * @param pidFile the pid file {@code start} was given
     * @return the pid, or empty when no server of that pid file runs
     */
    public static Optional<Long> runningPid(Path pidFile) {
        return ServerProcess.running(pidFile).map(ProcessHandle::pid);
    }

    /**
     * Whether a process runs (a zombie does not), for a test that saw a pid and wants it gone.
     *
     * @param pid the process id
     * @return true while it runs
     */
    public static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).filter(ServerProcess::alive).isPresent();
    }

    /** A java command line running a main class of this module with the classpath it needs. */
    static List<String> java(Class<?> main, List<String> args) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath(), main.getName()));
        line.addAll(args);
        return List.copyOf(line);
    }

    private static String classpath() {
        return Stream.of(ServeService.class, TomlMapper.class, ObjectMapper.class, JsonFactory.class,
                JsonAutoDetect.class).map(ServeService::location).distinct().collect(Collectors.joining(File.pathSeparator));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " is loaded from", e);
        }
    }
}
