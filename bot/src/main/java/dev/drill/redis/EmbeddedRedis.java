package dev.drill.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis server run from the binaries inside the embedded-redis jar, with AOF on so that a restart keeps
 * what was written. Used as the default store when no {@code REDIS_URL} is given, and by tests.
 *
 * <p>Private and single: it listens on 127.0.0.1 only and asks for a random password kept in its data folder
 * ({@value #PASSWORD_FILE}, mode 0600); {@code CONFIG} and {@code DEBUG} are disabled. Its pid is in
 * {@value #PID_FILE} and its port in {@value #PORT_FILE}, so a start that finds a server of an earlier run
 * still serving the folder (its JVM was killed) shuts that one down cleanly first. Every stop is a
 * {@code SHUTDOWN}, which fsyncs the AOF; only a server that does not exit is terminated, and killed last.
 */
public final class EmbeddedRedis implements AutoCloseable {

    static final String PASSWORD_FILE = "redis.password";
    static final String PID_FILE = "redis.pid";
    static final String PORT_FILE = "redis.port";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

    /** How long a server gets to exit after {@code SHUTDOWN}, and again after SIGTERM. */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

    private static final String READY = "Ready to accept connections";

    private static Path binary;

    private final Path dataDir;
    private final int port;
    private final String password;
    private final ShutdownHooks hooks;
    private final List<String> extraConfig;
    private final Runnable shutdownHook = this::stop;
    private Process process;

    private EmbeddedRedis(Path dataDir, int port, String password, ShutdownHooks hooks, List<String> extraConfig) {
        this.dataDir = dataDir;
        this.port = port;
        this.password = password;
        this.hooks = hooks;
        this.extraConfig = List.copyOf(extraConfig);
    }

    /**
     * Starts Redis on the given loopback port (0 picks a free one), persisting under {@code dataDir}, stopped
     * gracefully by a JVM shutdown hook if nothing stops it before.
     */
    public static EmbeddedRedis start(Path dataDir, int port) {
        return start(dataDir, port, ShutdownHooks.jvm());
    }

    static EmbeddedRedis start(Path dataDir, int port, ShutdownHooks hooks) {
        return start(dataDir, port, hooks, List.of());
    }

    /**
     * A server with configuration lines added after Drill's own (which they may override), e.g. the
     * {@code cluster-enabled yes} of a Redis Cluster node in tests. Lines go in on stdin like the rest.
     */
    static EmbeddedRedis start(Path dataDir, int port, ShutdownHooks hooks, List<String> extraConfig) {
        Path dir = dataDir.toAbsolutePath().normalize();
        String password;
        try {
            Files.createDirectories(dir);
            password = RedisPassword.loadOrCreate(dir.resolve(PASSWORD_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the embedded Redis's folder " + dir, e);
        }
        EmbeddedRedis redis = new EmbeddedRedis(dir, port == 0 ? freePort() : port, password, hooks, extraConfig);
        redis.start();
        return redis;
    }

    /**
     * Starts the server again from its own files (the AOF), on the same port. A server of an earlier run still
     * serving this folder is shut down first; a pid file whose process is gone is removed.
     */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            stopEarlierServer();
            Files.writeString(dataDir.resolve(PORT_FILE), port + "\n", StandardCharsets.US_ASCII);
            process = launch();
            hooks.add(shutdownHook);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded Redis in " + dataDir, e);
        }
    }

    /**
     * Stops the server gracefully: {@code SHUTDOWN} (it fsyncs the AOF, so nothing written is lost), then waits
     * for it to exit. Only a server that does not exit in time is terminated.
     */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        try {
            shutDown(process.toHandle(), port, password);
            deleteQuietly(dataDir.resolve(PORT_FILE));
        } finally {
            process = null;
            hooks.remove(shutdownHook);
        }
    }

    /**
     * Kills the server process (SIGKILL) as a crash would: no {@code SHUTDOWN}, no fsync, the pid file stays.
     * {@link #start()} afterwards starts from the AOF. For tests and the playground.
     */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly();
            if (!process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The embedded Redis (pid " + process.pid() + ") survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing the embedded Redis", e);
        } finally {
            process = null;
            hooks.remove(shutdownHook);
        }
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The password clients must send (a secret: never log it). */
    public String password() {
        return password;
    }

    /** The file the password is kept in. */
    public Path passwordFile() {
        return dataDir.resolve(PASSWORD_FILE);
    }

    /** The URL clients connect with, password included (a secret: never log it). */
    public String url() {
        return "redis://:" + password + "@127.0.0.1:" + port;
    }

    /** The pid of the running server process, or -1 when it is not running. */
    synchronized long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    @Override
    public void close() {
        stop();
    }

    private Process launch() throws IOException {
        Process started = new ProcessBuilder(binary().toString(), "-")
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .start();
        CompletableFuture<Void> ready = readOutput(started);
        // The configuration goes in on stdin ("-"), so the password is neither in a file outside the folder
        // nor on the command line, where anyone on the machine could read it.
        try (OutputStream config = started.getOutputStream()) {
            config.write(configuration().getBytes(StandardCharsets.UTF_8));
        } catch (IOException exitedEarly) {
            // The server exited before reading it all: its output says why.
        }
        try {
            ready.get();
            return started;
        } catch (ExecutionException e) {
            started.destroyForcibly();
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            started.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while the embedded Redis started", e);
        }
    }

    private String configuration() {
        List<String> lines = new ArrayList<>(List.of(
                "port " + port,
                "bind 127.0.0.1",
                "protected-mode yes",
                "requirepass " + password,
                "rename-command CONFIG \"\"",
                "rename-command DEBUG \"\"",
                "daemonize no",
                "dir " + quoted(dataDir),
                "pidfile " + quoted(dataDir.resolve(PID_FILE)),
                "appendonly yes",
                "appendfsync everysec",
                // The AOF is the durable copy; RDB snapshots would only add a second, staler one.
                "save \"\""));
        lines.addAll(extraConfig);
        lines.add("");
        return String.join("\n", lines);
    }

    /**
     * Reads the server's output until it is ready, and after that for as long as it runs: an output pipe nobody
     * reads fills up, and Redis would then block on its next log line. Its warnings ({@code #}) are logged.
     */
    private static CompletableFuture<Void> readOutput(Process server) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    Deque<String> startup = new ArrayDeque<>();
                    try (BufferedReader lines = server.inputReader(StandardCharsets.UTF_8)) {
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            if (ready.isDone()) {
                                if (line.contains(" # ")) {
                                    log.info("redis: {}", line);
                                } else {
                                    log.debug("redis: {}", line);
                                }
                            } else {
                                log.debug("redis: {}", line);
                                startup.addLast(line);
                                if (startup.size() > 30) {
                                    startup.removeFirst();
                                }
                                if (line.contains(READY)) {
                                    ready.complete(null);
                                }
                            }
                        }
                    } catch (IOException closed) {
                        // The process is gone.
                    }
                    ready.completeExceptionally(new IOException("The embedded Redis exited before it was ready."
                            + (startup.isEmpty()
                                    ? " It printed nothing."
                                    : " Its output:\n" + String.join("\n", startup))));
                },
                "embedded-redis-" + server.pid());
        reader.setDaemon(true);
        reader.start();
        return ready;
    }

    /**
     * A server of an earlier run (its JVM was killed, so nothing shut it down) still serving this folder is shut
     * down cleanly; a pid file of a process that is gone, or is not this folder's Redis, is removed.
     */
    private void stopEarlierServer() throws IOException {
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> earlier = readNumber(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(this::isRedisOfThisFolder);
        if (earlier.isEmpty()) {
            log.info("Removing the stale Redis pid file {}: no Redis of this folder runs under that pid", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle server = earlier.get();
        int earlierPort =
                readNumber(dataDir.resolve(PORT_FILE)).map(Long::intValue).orElse(-1);
        log.warn(
                "A Redis of an earlier run (pid {}, port {}) still serves {}: shutting it down cleanly before"
                        + " starting a new one",
                server.pid(),
                earlierPort,
                dataDir);
        shutDown(server, earlierPort, password);
        Files.deleteIfExists(pidFile);
        log.info("The earlier Redis (pid {}) has stopped", server.pid());
    }

    /** A redis-server whose working directory (Redis changes into its {@code dir}) is this data folder. */
    private boolean isRedisOfThisFolder(ProcessHandle candidate) {
        ProcessHandle.Info info = candidate.info();
        boolean redis = info.command()
                .or(info::commandLine)
                .map(command -> command.contains("redis-server"))
                .orElse(false);
        if (!redis) {
            return false;
        }
        Path cwd = Path.of("/proc", Long.toString(candidate.pid()), "cwd");
        try {
            return Files.isSameFile(Files.readSymbolicLink(cwd), dataDir);
        } catch (IOException | UnsupportedOperationException | SecurityException unknown) {
            // No /proc (macOS) or not ours to inspect: the pid file in this folder names it, so it is this one.
            return true;
        }
    }

    /**
     * {@code SHUTDOWN} (authenticated), then a bounded wait for the process to exit; if it does not, SIGTERM
     * (Redis still shuts down gracefully on it), and SIGKILL only as the last resort.
     */
    private static void shutDown(ProcessHandle server, int port, String password) {
        if (!server.isAlive()) {
            return;
        }
        String refused = port > 0 ? sendShutdown(port, password) : "its port is not known";
        if (refused == null) {
            if (exited(server)) {
                return;
            }
            log.warn(
                    "The embedded Redis (pid {}) did not exit within {} s of SHUTDOWN: terminating it",
                    server.pid(),
                    EXIT_WAIT.toSeconds());
        } else {
            log.warn(
                    "Could not ask the embedded Redis (pid {}) to shut down ({}): terminating it",
                    server.pid(),
                    refused);
        }
        server.destroy();
        if (exited(server)) {
            return;
        }
        log.error(
                "The embedded Redis (pid {}) did not exit within {} s of SIGTERM either: killing it (SIGKILL);"
                        + " up to a second of writes not yet fsynced may be lost",
                server.pid(),
                EXIT_WAIT.toSeconds());
        server.destroyForcibly();
        if (!exited(server)) {
            log.error("The embedded Redis (pid {}) survived SIGKILL", server.pid());
        }
    }

    /**
     * Sends {@code AUTH} and {@code SHUTDOWN} in RESP. Redis then writes and fsyncs its AOF before it exits, so a
     * stop loses nothing, where killing the process could lose the last second ({@code appendfsync everysec}).
     * Returns null once the request is sent, or why it could not be.
     */
    private static String sendShutdown(int port, String password) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            socket.setSoTimeout((int) EXIT_WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(command("AUTH", password));
            out.flush();
            String auth = readLine(in);
            if (!auth.equals("+OK")) {
                return "AUTH answered " + auth;
            }
            out.write(command("SHUTDOWN"));
            out.flush();
            // Redis answers nothing on success: it closes the connection when it exits.
            String reply = readLine(in);
            return reply.isEmpty() ? null : "SHUTDOWN answered " + reply;
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static byte[] command(String... parts) {
        StringBuilder resp = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            resp.append('$')
                    .append(part.getBytes(StandardCharsets.UTF_8).length)
                    .append("\r\n")
                    .append(part)
                    .append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One reply line, without its CRLF; empty when the server closed the connection first. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /**
     * Waits (at most {@link #EXIT_WAIT}) for the process to be gone. Polled: the JDK's own wait for a process
     * that is not our child (a server of an earlier run) checks only every third of a second or so.
     */
    private static boolean exited(ProcessHandle server) {
        long deadline = System.nanoTime() + EXIT_WAIT.toNanos();
        while (server.isAlive()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !server.isAlive();
            }
        }
        return true;
    }

    private static Optional<Long> readNumber(Path file) {
        try {
            return Optional.of(Long.parseLong(
                    Files.readString(file, StandardCharsets.US_ASCII).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("Could not delete {}", file, e);
        }
    }

    /** A path as a Redis configuration argument: quoted, with backslashes and quotes escaped. */
    private static String quoted(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The redis-server binary, taken out of the jar once per JVM (and deleted when the JVM exits). */
    private static synchronized Path binary() throws IOException {
        if (binary == null || !Files.isExecutable(binary)) {
            binary = ExecutableProvider.newJarResourceProvider().get().toPath();
        }
        return binary;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port for the embedded Redis", e);
        }
    }
}
