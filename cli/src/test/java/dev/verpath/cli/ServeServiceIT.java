package dev.verpath.cli;

import dev.verpath.testsupport.ServeService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The real small serve service the hook and health-gate tests stop, start and check: each verb runs as the plain
 * command a hook would run ({@link ServeService#command}), on a copy of the demo installation (serve 0.1.0).
 */
class ServeServiceIT {

    private static final long COMMAND_SECONDS = 30;

    @TempDir
    Path work;

    private Path inst;
    private Path pidFile;
    private Path portFile;

    /** Exit status and what the command printed on stdout and stderr together. */
    private record Outcome(int exit, String output) {
    }

    @BeforeEach
    void demo() throws IOException {
        inst = work.resolve("inst");
        Files.createDirectories(inst);
        DemoInstallation.write(inst);
        pidFile = work.resolve("run/serve.pid");
        portFile = work.resolve("run/serve.port");
        Files.createDirectories(pidFile.getParent());
    }

    @AfterEach
    void stopWhatRuns() throws IOException, InterruptedException {
        run(ServeService.command("stop", "--pid-file", pidFile.toString()));
    }

    @Test
    void startsDetachedOnTheDemoInstallationAndAnswersHealthy() throws IOException, InterruptedException {
        long before = System.nanoTime();
        Outcome start = start();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - before);

        assertThat(start.exit()).as(start.output()).isZero();
        assertThat(seconds).as("start returned (its pipes closed) once the server listened").isLessThan(10);
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(ServeService.runningPid(pidFile)).contains(pid);
        assertThat(start.output().strip()).isEqualTo("started (pid " + pid + ", port "
                + Files.readString(portFile).strip() + ", log " + work.resolve("run/serve.log") + ")");
        assertThat(health()).isEqualTo(new Outcome(0, "ok 0.1.0\n"));
        assertThat(Files.readString(work.resolve("run/serve.log"))).contains("listening on 127.0.0.1:");
    }

    @Test
    void theShellLineRunsTheSameCommand() throws IOException, InterruptedException {
        assertThat(start().exit()).isZero();

        Outcome health = run(List.of("sh", "-c", ServeService.shellLine("health", "--port-file", portFile.toString())));

        assertThat(health).isEqualTo(new Outcome(0, "ok 0.1.0\n"));
    }

    @Test
    void aConfigOfTheWrongShapeIsUnhealthyAfterARestart() throws IOException, InterruptedException {
        assertThat(start().exit()).isZero();
        Files.writeString(inst.resolve("VERSION"), "2.0.0\n");

        assertThat(health()).as("the config is read at the start only").isEqualTo(new Outcome(0, "ok 0.1.0\n"));
        assertThat(stop().exit()).isZero();
        assertThat(start().exit()).isZero();
        assertThat(health()).isEqualTo(
                new Outcome(1, "unhealthy: config/server.toml lacks server.bind_address, which serve 2.0.0 needs\n"));
    }

    @Test
    void aRequiredKeyThatIsMissingMakesItUnhealthy() throws IOException, InterruptedException {
        assertThat(start("--require", "cors_origin", "--require", "tls.certificate").exit()).isZero();

        assertThat(health()).isEqualTo(new Outcome(1,
                "unhealthy: config/server.toml lacks tls.certificate, which this server requires (--require)\n"));
    }

    @Test
    void stopEndsTheProcessAndRemovesThePidFileAndAgainIsANoOp() throws IOException, InterruptedException {
        assertThat(start().exit()).isZero();
        long pid = ServeService.runningPid(pidFile).orElseThrow();

        Outcome stop = stop();

        assertThat(stop).isEqualTo(new Outcome(0, "stopped (pid " + pid + ")\n"));
        assertThat(ServeService.isAlive(pid)).isFalse();
        assertThat(pidFile).doesNotExist();
        assertThat(portFile).as("the server removes its port file on SIGTERM").doesNotExist();
        assertThat(health()).isEqualTo(new Outcome(1, "unhealthy: not running (no port in " + portFile + ")\n"));
        assertThat(stop()).isEqualTo(new Outcome(0, "not running (" + pidFile + " names no running server)\n"));
    }

    @Test
    void startingWhatRunsIsANoOp() throws IOException, InterruptedException {
        assertThat(start().exit()).isZero();
        long pid = ServeService.runningPid(pidFile).orElseThrow();

        assertThat(start()).isEqualTo(new Outcome(0, "already running (pid " + pid + ")\n"));
        assertThat(ServeService.runningPid(pidFile)).contains(pid);
    }

    @Test
    void aConfigItCannotParseStartsAnUnhealthyServer() throws IOException, InterruptedException {
        Files.writeString(inst.resolve("config/server.toml"), "host = \"0.0.0.0\"\nport = = 8080\n");

        assertThat(start().exit()).isZero();

        assertThat(health()).isEqualTo(new Outcome(1, "unhealthy: config/server.toml is not valid TOML (line 2)\n"));
    }

    @Test
    void aServerThatCannotListenFailsTheStartInOneLine() throws IOException, InterruptedException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Outcome start = start("--port", Integer.toString(taken.getLocalPort()));

            assertThat(start.exit()).isEqualTo(1);
            assertThat(start.output()).hasLineCount(1).startsWith("serve did not start: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort() + ": ").endsWith("(exit 1, log " + work.resolve("run/serve.log") + ")\n");
            assertThat(pidFile).doesNotExist();
        }
    }

    @Test
    void servesTheMigratedInstallationAndRefusesItWhenItRequiresAKeyTheRulesNeverWrite()
            throws IOException, InterruptedException {
        CommandRun migrate = CommandRun.of("version", "--path", inst.toString(), "--to", "2.1.0", "--quiet");
        assertThat(migrate.exit()).as(migrate.err()).isZero();

        assertThat(start().exit()).isZero();
        assertThat(health()).isEqualTo(new Outcome(0, "ok 2.1.0\n"));
        assertThat(stop().exit()).isZero();
        assertThat(start("--require", "server.tls_certificate").exit()).isZero();
        assertThat(health()).isEqualTo(new Outcome(1,
                "unhealthy: config/server.toml lacks server.tls_certificate, which this server requires (--require)\n"));
    }

    @Test
    void aWrongCommandLineExitsTwo() throws IOException, InterruptedException {
        assertThat(run(ServeService.command("stop"))).isEqualTo(new Outcome(2, "stop: --pid-file is required\n"));
        assertThat(run(ServeService.command("health", "--pid-file", "x")).exit()).isEqualTo(2);
    }

    private Outcome start(String... extra) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--path", inst.toString(), "--pid-file", pidFile.toString(),
                "--port-file", portFile.toString()));
        args.addAll(List.of(extra));
        return run(ServeService.command("start", args.toArray(String[]::new)));
    }

    private Outcome stop() throws IOException, InterruptedException {
        return run(ServeService.command("stop", "--pid-file", pidFile.toString()));
    }

    private Outcome health() throws IOException, InterruptedException {
        return run(ServeService.command("health", "--port-file", portFile.toString()));
    }

    /** Runs a command to the end of its output: a server that kept the pipe open would fail the test here. */
    private Outcome run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "cannot read the output: " + e.getMessage();
            }
        });
        try {
            String text = output.get(COMMAND_SECONDS, TimeUnit.SECONDS);
            assertThat(process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
            return new Outcome(process.exitValue(), text);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            return fail("no end of output within " + COMMAND_SECONDS + " s from " + String.join(" ", command), e);
        }
    }
}
