package dev.verpath.cli;

import dev.verpath.engine.files.AtomicFiles;
import dev.verpath.testsupport.HostProgram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code ./migrate} launcher in a subprocess, from a given folder, with a clean environment: no
 * {@code MIGRATE_} or {@code TRUSTFORMERS_} variables, and {@code XDG_CACHE_HOME} a temporary folder of this test run
 * (removed when the JVM exits), so that no test writes into the user's own cache (the kept version graphs).
 */
final class Launcher {

    private static final long TIMEOUT_SECONDS = 300;
    private static Path cache;

    private Launcher() {
    }

    /** @return the cache folder the launched commands are given ({@code XDG_CACHE_HOME}), made on first use */
    static synchronized Path cache() {
        if (cache == null) {
            try {
                cache = Files.createTempDirectory("verpath-test-cache-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a temporary cache folder", e);
            }
            Path made = cache;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    AtomicFiles.deleteTree(made);
                } catch (IOException e) {
                    // a temporary folder left behind
                }
            }));
        }
        return cache;
    }

    /** @return the launcher script at the repository root */
    static Path script() {
        String configured = System.getProperty("migrate.launcher");
        Path script = configured != null ? Path.of(configured) : Path.of("..", "migrate");
        return script.toAbsolutePath().normalize();
    }

    /**
     * Runs {@code migrate} with the arguments in the given folder.
     *
     * @param cwd  the working folder
     * @param args the arguments
     * @return exit code, stdout and stderr
     */
    static CommandRun run(Path cwd, String... args) {
        return runScript(script(), cwd, args);
    }

    /** Runs the given launcher (a symlink to it, say). */
    static CommandRun runScript(Path script, Path cwd, String... args) {
        return runScript(script, cwd, Map.of(), args);
    }

    /** Runs {@code migrate} with extra environment variables (MIGRATE_JAVA_OPTS for a test hook, say). */
    static CommandRun run(Path cwd, Map<String, String> extra, String... args) {
        return runScript(script(), cwd, extra, args);
    }

    /**
     * Starts {@code migrate} in the background with extra environment variables; its stdout and stderr go to
     * the given file.
     *
     * @return the process: the JVM itself, since the launcher execs java
     */
    static Process start(Path cwd, Map<String, String> extra, Path output, String... args) throws IOException {
        return start(script(), cwd, extra, output, args);
    }

    /** Starts the given launcher (see {@link #underUmask}) in the background, as {@link #start(Path, Map, Path, String...)}. */
    static Process start(Path script, Path cwd, Map<String, String> extra, Path output, String... args) throws IOException {
        ProcessBuilder builder = builder(script, cwd, extra, args).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /**
     * Runs the command-line jar itself (no launcher, no build), as another user through {@code setpriv} when a
     * user id is given (the caller runs as root then), with a clean environment.
     *
     * @param uid  the user (and group) id to run as, or empty for the current user
     * @param jar  the jar, readable by that user
     * @param cwd  the working folder
     * @param args the arguments
     * @return exit code and stdout and stderr together (as {@code out}; {@code err} is empty)
     */
    static CommandRun runJarAs(java.util.Optional<Integer> uid, Path jar, Path cwd, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        uid.ifPresent(id -> HostProgram.require("running the command as user " + id, "setpriv", "--reuid=" + id,
                "--regid=" + id, "--clear-groups", "--", "true"));
        uid.ifPresent(id -> command.addAll(List.of("setpriv", "--reuid=" + id, "--regid=" + id, "--clear-groups", "--")));
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        clean(builder.environment());
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("java -jar " + jar + " " + String.join(" ", args) + " took over " + TIMEOUT_SECONDS + " s");
        }
        return new CommandRun(process.exitValue(), output, "");
    }

    private static ProcessBuilder builder(Path script, Path cwd, Map<String, String> extra, String... args) {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
        Map<String, String> env = builder.environment();
        clean(env);
        env.putAll(extra);
        return builder;
    }

    private static void clean(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("MIGRATE_") || k.startsWith("TRUSTFORMERS_"));
        env.put("XDG_CACHE_HOME", cache().toString());
    }

    /** Runs the given launcher with extra environment variables (PATH or HOME replaced, say). */
    static CommandRun runScript(Path script, Path cwd, Map<String, String> extra, String... args) {
        ProcessBuilder builder = builder(script, cwd, extra, args);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("migrate " + String.join(" ", args) + " took over " + TIMEOUT_SECONDS + " s");
            }
            CommandRun run = new CommandRun(process.exitValue(), out.join(), err.join());
            MessageShape.check(run, args);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a launcher that runs the real one under a umask ({@code sh -c 'umask 022; exec migrate ...'}).
     *
     * @param folder where to write it
     * @param umask  the umask, such as {@code 022}
     * @return the launcher
     */
    static Path underUmask(Path folder, String umask) throws IOException {
        Path wrapper = folder.resolve("migrate-umask-" + umask);
        Files.writeString(wrapper, "#!/bin/sh\numask " + umask + "\nexec '" + script() + "' \"$@\"\n");
        wrapper.toFile().setExecutable(true);
        return wrapper;
    }

    /** Copies a folder tree (files and folders only). */
    static void copy(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
