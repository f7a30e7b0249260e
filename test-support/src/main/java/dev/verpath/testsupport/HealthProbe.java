package dev.verpath.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code health --port-file P}: one {@code GET /health} on 127.0.0.1, exit 0 on 200, 1 otherwise, its line printed. */
final class HealthProbe {

    private static final int TIMEOUT_MILLIS = 5_000;

    private HealthProbe() {
    }

    /** @return the exit status: 0 when the server answered 200 */
    static int run(List<String> args, PrintStream out) {
        ServiceOptions options = ServiceOptions.parse(args, List.of("port-file"), false);
        Path portFile = options.path("port-file");
        int port;
        try {
            port = Integer.parseInt(Files.readString(portFile, StandardCharsets.UTF_8).strip());
        } catch (IOException | NumberFormatException e) {
            out.println("unhealthy: not running (no port in " + portFile + ")");
            return 1;
        }
        try {
            URL url = new URL("http://127.0.0.1:" + port + "/health");
            HttpURLConnection connection = (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            int status = connection.getResponseCode();
            InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
            out.println(text.lines().findFirst().orElse("HTTP " + status));
            return status == 200 ? 0 : 1;
        } catch (IOException e) {
            out.println("unhealthy: no answer from 127.0.0.1:" + port + " (" + e.getMessage() + ")");
            return 1;
        }
    }
}
