package dev.verpath.cli;

import dev.verpath.testsupport.ServeService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The serve service reading its installation through a symbolic link, as a release layout serves: started at the
 * release the link points at, with a {@code migration_config.toml} in the working folder whose hooks stop and start it
 * through the link ({@code before_commit}, {@code after_commit}, {@code after_rollback}) and whose health check asks it.
 */
final class LinkedService implements AutoCloseable {

    private final Path pid;
    private final Path port;

    private LinkedService(Path pid, Path port) {
        this.pid = pid;
        this.port = port;
    }

    /**
     * Points {@code link} at {@code release}, starts the service through it, and writes the hooks.
     *
     * @param work          the working folder (the run folder and migration_config.toml go there)
     * @param link          the link to make
     * @param release       the release it points at
     * @param startRequires what the start after a commit also requires (to make a new release unhealthy)
     * @return the running service; close to stop it
     */
    static LinkedService serving(Path work, Path link, Path release, List<String> startRequires)
            throws IOException, InterruptedException {
        Path pid = work.resolve("run/serve.pid");
        Path port = work.resolve("run/serve.port");
        Files.createSymbolicLink(link, release);
        Files.createDirectories(pid.getParent());
        List<String> restart = ServeService.command("start", "--path", link.toString(), "--pid-file", pid.toString(),
                "--port-file", port.toString());
        assertThat(run(restart)).isZero();
        List<String> start = new ArrayList<>(restart);
        start.addAll(startRequires);
        Files.writeString(work.resolve("migration_config.toml"), "[hooks]\nbefore_commit = "
                + toml(ServeService.command("stop", "--pid-file", pid.toString()))
                + "\nafter_commit = " + toml(start) + "\nafter_rollback = " + toml(restart) + "\n[health]\ncommand = "
                + toml(ServeService.command("health", "--port-file", port.toString()))
                + "\nretries = 2\ninterval = \"200ms\"\n");
        return new LinkedService(pid, port);
    }

    /** @return what the health check prints: {@code ok VERSION} while it serves */
    String health() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ServeService.command("health", "--port-file", port.toString()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        return out;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(ServeService.command("stop", "--pid-file", pid.toString()));
    }

    private static String toml(List<String> words) {
        return words.stream().map(w -> "'" + w + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }
}
