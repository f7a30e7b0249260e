package dev.verpath.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The server process {@code ServeService start} runs: a stand-in for a real {@code serve} node. At its start it reads
 * the installation once ({@link ServeHealth}), listens on 127.0.0.1 only, writes its pid file and then its port file
 * (each atomically; the port file last, so that it means "listening"), and answers {@code GET /health} with 200
 * {@code ok <version>} or 503 {@code unhealthy: <reason>} until it is stopped. It does not watch the files: a changed
 * config takes effect at the next start, as with a real server.
 *
 * <p>A config it cannot read makes it unhealthy, not exit: it starts and answers 503 naming the file, so that the
 * start hook succeeds and the health gate is what finds the fault (a real server might exit instead; then the
 * start hook would fail, a case the hook tests cover with a failing command). SIGTERM stops it and removes its port
 * file. Its output (one line a start, one a stop) goes to the log file {@code start} chose.
 */
public final class ServeServer {

    private ServeServer() {
    }

    /**
     * Runs the server: {@code --path INST --pid-file F --port-file P [--port N] [--require KEY ...]}. Returns once it
     * listens; the server's own thread keeps the JVM alive. Exits with status 1 when it cannot listen, 2 on a wrong
     * command line.
     *
     * @param args the options
     */
    public static void main(String[] args) {
        try {
            serve(args);
        } catch (RuntimeException | Error e) {
            System.out.println("serve server failed: " + e);
            System.exit(1);
        }
    }

    private static void serve(String[] args) {
        ServiceOptions options;
        try {
            options = ServiceOptions.parse(List.of(args), List.of("path", "pid-file", "port-file", "port"), true);
            options.path("path");
            options.path("pid-file");
            options.path("port-file");
            options.port();
        } catch (ServiceOptions.UsageError e) {
            System.out.println("serve server: " + e.getMessage());
            System.exit(2);
            return;
        }
        ServeHealth health = ServeHealth.of(options.path("path"), options.required());
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
        } catch (IOException e) {
            System.out.println("cannot listen on 127.0.0.1:" + options.port() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        server.createContext("/", exchange -> answer(exchange, 404, "not found: only GET /health is served"));
        server.createContext("/health", exchange -> answer(exchange, health));
        server.start();
        int port = server.getAddress().getPort();
        Path portFile = options.path("port-file");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            delete(portFile);
            System.out.println("stopped");
        }));
        writeAtomically(options.path("pid-file"), ProcessHandle.current().pid() + "\n");
        writeAtomically(portFile, port + "\n");
        System.out.println("serve " + health.version().orElse("(no version)") + " from " + options.path("path")
                + " listening on 127.0.0.1:" + port + ", " + health.line());
    }

    private static void answer(HttpExchange exchange, ServeHealth health) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            answer(exchange, 405, "only GET");
            return;
        }
        answer(exchange, health.healthy() ? 200 : 503, health.line());
    }

    private static void answer(HttpExchange exchange, int status, String line) throws IOException {
        byte[] body = (line + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Writes a small file by a rename, so that a reader sees nothing or all of it. */
    static void writeAtomically(Path file, String text) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Deletes a file when it is there. */
    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
