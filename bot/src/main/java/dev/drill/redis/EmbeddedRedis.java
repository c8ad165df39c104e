package dev.drill.redis;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A real Redis server started from the binaries inside the embedded-redis jar, with AOF on so that a
 * restart keeps what was written. Used as the default store when no {@code REDIS_URL} is given, and by
 * tests.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private RedisServer server;

    private EmbeddedRedis(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts Redis on the given loopback port (0 picks a free one), persisting under {@code dataDir}. */
    public static EmbeddedRedis start(Path dataDir, int port) {
        EmbeddedRedis redis = new EmbeddedRedis(dataDir.toAbsolutePath(), port == 0 ? freePort() : port);
        redis.start();
        return redis;
    }

    /** Starts the server again from its own files (the AOF), on the same port. */
    public synchronized void start() {
        if (server != null && server.isActive()) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + dataDir)
                    .setting("appendonly yes")
                    .setting("appendfsync everysec")
                    // The AOF is the durable copy; RDB snapshots would only add a second, staler one.
                    .setting("save \"\"")
                    .setting("protected-mode yes")
                    .onShutdownForceStop(true)
                    .build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded Redis in " + dataDir, e);
        }
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        shutdownGracefully();
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded Redis", e);
        } finally {
            server = null;
        }
    }

    /**
     * Asks Redis to shut down itself: it then writes and fsyncs its AOF, so a stop loses nothing, where
     * killing the process could lose the last second of writes ({@code appendfsync everysec}).
     */
    private void shutdownGracefully() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("*1\r\n$8\r\nSHUTDOWN\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Redis answers nothing on success: it closes the connection when it exits.
            while (socket.getInputStream().read() != -1) {
                // drain an error reply, if any
            }
        } catch (IOException e) {
            // Not reachable or already gone: the process stop below still runs.
        }
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port for the embedded Redis", e);
        }
    }
}
