package dev.drill.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy for tests, between the bot and Redis, that can hold back every chunk it forwards: a slow Redis
 * (or a slow network) on demand. Loopback only, bounded (at most {@link #MAX_CONNECTIONS} connections and
 * {@link #MAX_CHUNKS} chunks in flight per direction), and it stops itself after {@link #MAX_LIFETIME} if a
 * test forgets to close it.
 *
 * <p>A chunk is forwarded {@link #delay(Duration) the delay} after it arrived, in order, so the delay does not
 * add up across chunks: each command waits the delay on its way in and again on its way out.
 */
final class DelayingProxy implements AutoCloseable {

    static final int MAX_CONNECTIONS = 16;
    static final int MAX_CHUNKS = 1_024;
    static final Duration MAX_LIFETIME = Duration.ofMinutes(10);

    private final ServerSocket server;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile long delayNanos;
    private volatile boolean closed;
    private final Thread lifetime;

    private DelayingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("redis-proxy-accept", this::acceptLoop).start();
        lifetime = daemon("redis-proxy-lifetime", () -> {
            try {
                Thread.sleep(MAX_LIFETIME.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            close();
        });
        lifetime.start();
    }

    /** A proxy on a free loopback port to {@code 127.0.0.1:targetPort}, forwarding at once until told otherwise. */
    static DelayingProxy to(int targetPort) {
        try {
            return new DelayingProxy(targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the proxy's port", e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** The URL of the proxied Redis, with its password (the proxy passes AUTH through like any bytes). */
    String url(String password) {
        return "redis://:" + password + "@127.0.0.1:" + port();
    }

    /** From now on, each chunk that arrives is forwarded this long after it arrived. */
    void delay(Duration delay) {
        this.delayNanos = delay.toNanos();
    }

    @Override
    public void close() {
        closed = true;
        if (Thread.currentThread() != lifetime) {
            lifetime.interrupt();
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sockets.forEach(DelayingProxy::closeQuietly);
        sockets.clear();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (sockets.size() >= 2 * MAX_CONNECTIONS) {
                closeQuietly(client);
                continue;
            }
            Socket upstream;
            try {
                upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            } catch (IOException e) {
                closeQuietly(client); // Redis is down: the bot sees a refused connection, as it would
                continue;
            }
            sockets.add(client);
            sockets.add(upstream);
            pump(client, upstream, "up");
            pump(upstream, client, "down");
        }
    }

    /** Reads chunks from {@code from} and writes each to {@code to} once its delay has passed. */
    private void pump(Socket from, Socket to, String direction) {
        BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(MAX_CHUNKS);
        daemon("redis-proxy-read-" + direction, () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream()) {
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            chunks.put(new Chunk(Arrays.copyOf(buffer, n), System.nanoTime() + delayNanos));
                        }
                    } catch (IOException | InterruptedException e) {
                        // closed
                    } finally {
                        chunks.offer(Chunk.END);
                    }
                })
                .start();
        daemon("redis-proxy-write-" + direction, () -> {
                    try (OutputStream out = to.getOutputStream()) {
                        while (!closed) {
                            Chunk chunk = chunks.take();
                            if (chunk == Chunk.END) {
                                break;
                            }
                            long wait = chunk.due() - System.nanoTime();
                            if (wait > 0) {
                                TimeUnit.NANOSECONDS.sleep(wait);
                            }
                            out.write(chunk.bytes());
                            out.flush();
                        }
                    } catch (IOException | InterruptedException e) {
                        // closed
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        sockets.remove(from);
                        sockets.remove(to);
                    }
                })
                .start();
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private record Chunk(byte[] bytes, long due) {
        static final Chunk END = new Chunk(new byte[0], 0);
    }
}
