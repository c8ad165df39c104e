package dev.drill.deploy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs a container health-check command on this machine against a local HTTP server, to see which answers
 * it passes. The command's {@code /dev/tcp/127.0.0.1/<port>} is pointed at the server's free port; the
 * rest runs as written.
 */
final class HealthProbe {

    private static final String TCP = "/dev/tcp/127.0.0.1/";
    private static final Duration LIMIT = Duration.ofSeconds(15);

    /** What one run of the probe saw. */
    record Outcome(int exitCode, List<String> requestedPaths) {
        boolean healthy() {
            return exitCode == 0;
        }
    }

    private HealthProbe() {}

    /** Runs {@code command} (written for {@code port}) against a server that answers every request with {@code status}. */
    static Outcome against(List<String> command, int port, int status) throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> paths = new CopyOnWriteArrayList<>();
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            byte[] body = "{\"status\":\"%s\"}"
                    .formatted(status == 200 ? "UP" : "DOWN")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            int exitCode = run(command, port, server.getAddress().getPort());
            return new Outcome(exitCode, List.copyOf(paths));
        } finally {
            server.stop(0);
        }
    }

    /** Runs {@code command} (written for {@code port}) against a port nothing listens on. */
    static Outcome againstNothing(List<String> command, int port) throws IOException, InterruptedException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        return new Outcome(run(command, port, closed), List.of());
    }

    private static int run(List<String> command, int port, int actualPort) throws IOException, InterruptedException {
        List<String> pointed = new ArrayList<>();
        boolean found = false;
        for (String argument : command) {
            found |= argument.contains(TCP + port);
            pointed.add(argument.replace(TCP + port, TCP + actualPort));
        }
        if (!found) {
            throw new AssertionError("The health check does not connect to " + TCP + port + ": " + command);
        }
        ProcessBuilder builder = new ProcessBuilder(pointed)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        return Processes.run(builder, LIMIT);
    }
}
