package dev.drill.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.drill.config.DrillProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

@DisplayName("The embedded Redis")
class EmbeddedRedisTests {

    @TempDir
    Path dataDir;

    private EmbeddedRedis redis;
    private LettuceConnectionFactory factory;
    private ListAppender<ILoggingEvent> logs;
    private Level logLevel;

    @BeforeEach
    void captureLogs() {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.drill.redis");
        logLevel = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void stop() {
        try {
            if (factory != null) {
                factory.destroy();
            }
            if (redis != null) {
                redis.stop();
            }
        } finally {
            Logger logger = (Logger) LoggerFactory.getLogger("dev.drill.redis");
            logger.detachAppender(logs);
            logger.setLevel(logLevel);
        }
    }

    @Test
    @DisplayName("keeps what was written across a restart, from its AOF in the data folder")
    void survivesRestart() {
        // GIVEN a running embedded Redis with a guild's settings and a board
        redis = EmbeddedRedis.start(dataDir, 0);
        StringRedisTemplate redisTemplate = template(redis);
        redisTemplate.opsForHash().put(Keys.settings(42), "channel", "1001");
        redisTemplate.opsForZSet().incrementScore(Keys.boardAllTime(42), "7", 10);

        // WHEN it is stopped and started again from its own files
        redis.stop();
        redis.start();

        // THEN everything written is still there, and the AOF lives where the log line says
        assertThat(redisTemplate.opsForHash().get(Keys.settings(42), "channel")).isEqualTo("1001");
        assertThat(redisTemplate.opsForZSet().score(Keys.boardAllTime(42), "7")).isEqualTo(10.0);
        assertThat(Files.exists(dataDir.resolve("appendonly.aof"))).isTrue();
    }

    @Test
    @DisplayName("puts every key of a guild in the same cluster slot")
    void keysShareHashTag() {
        assertThat(Keys.settings(42)).contains("{g:42}");
        assertThat(Keys.answers(42, "2026-12-01")).contains("{g:42}");
        assertThat(Keys.boardWeek(42, "2026-W49")).contains("{g:42}");
        assertThat(Keys.member(42, 7)).startsWith("drill:{g:42}:");
    }

    @Test
    @DisplayName(
            "keeps a random password in the data folder, readable by its owner only, and reuses it on later starts")
    void passwordFile() throws IOException {
        assumeThat(dataDir.getFileSystem().supportedFileAttributeViews()).contains("posix");

        // GIVEN a first start on an empty folder
        redis = EmbeddedRedis.start(dataDir, 0);
        String password = redis.password();
        Path file = dataDir.resolve(EmbeddedRedis.PASSWORD_FILE);

        // THEN the password is in the folder, mode 0600, and the URL carries it
        assertThat(password).matches("[A-Za-z0-9_-]{32}");
        assertThat(Files.readString(file).strip()).isEqualTo(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(redis.url()).isEqualTo("redis://:" + password + "@127.0.0.1:" + redis.port());

        // WHEN it restarts, and when a new server starts on the same folder
        redis.stop();
        redis.start();
        assertThat(redis.password()).isEqualTo(password);
        redis.stop();
        redis = EmbeddedRedis.start(dataDir, 0);

        // THEN the same password is used, and it is the one the server asks for
        assertThat(redis.password()).isEqualTo(password);
        assertThat(Files.readString(file).strip()).isEqualTo(password);
        try (Resp client = new Resp(redis.port())) {
            assertThat(client.send("AUTH", password)).isEqualTo("+OK");
        }
        try (EmbeddedRedis other = EmbeddedRedis.start(dataDir.resolve("other"), 0)) {
            assertThat(other.password()).as("another folder, another password").isNotEqualTo(password);
        }
    }

    @Test
    @DisplayName("refuses clients without the password (NOAUTH); CONFIG and DEBUG are unknown commands")
    void refusesStrangers() {
        redis = EmbeddedRedis.start(dataDir, 0);

        try (Resp anonymous = new Resp(redis.port())) {
            assertThat(anonymous.send("PING")).startsWith("-NOAUTH");
            assertThat(anonymous.send("GET", "k")).startsWith("-NOAUTH");
            assertThat(anonymous.send("AUTH", "guess")).startsWith("-WRONGPASS");
        }
        try (Resp client = new Resp(redis.port())) {
            assertThat(client.send("AUTH", redis.password())).isEqualTo("+OK");
            assertThat(client.send("PING")).isEqualTo("+PONG");
            assertThat(client.send("CONFIG", "GET", "requirepass")).startsWith("-ERR unknown command");
            assertThat(client.send("CONFIG", "SET", "requirepass", "")).startsWith("-ERR unknown command");
            assertThat(client.send("DEBUG", "SLEEP", "0")).startsWith("-ERR unknown command");
        }
    }

    @Test
    @DisplayName("names its process in a pid file in the data folder, removed by a graceful stop")
    void pidFile() throws IOException {
        redis = EmbeddedRedis.start(dataDir, 0);
        Path pidFile = dataDir.resolve(EmbeddedRedis.PID_FILE);

        assertThat(Files.readString(pidFile).strip()).isEqualTo(Long.toString(redis.pid()));
        assertThat(Files.readString(dataDir.resolve(EmbeddedRedis.PORT_FILE)).strip())
                .isEqualTo(Integer.toString(redis.port()));

        redis.stop();
        assertThat(pidFile).doesNotExist();
        assertThat(errorsAndWarnings()).isEmpty();
    }

    @Test
    @DisplayName("kill() ends the server as a crash would; start() brings it back from its AOF")
    void killAndRestart() {
        redis = EmbeddedRedis.start(dataDir, 0);
        StringRedisTemplate template = template(redis);
        template.opsForValue().set("before-crash", "kept");
        // Redis has written it to the AOF (not necessarily fsynced): a killed process loses nothing the OS has.
        await().atMost(Duration.ofSeconds(5)).until(() -> aof().contains("before-crash"));
        long killed = redis.pid();

        redis.kill();

        assertThat(alive(killed)).isFalse();
        assertThat(redis.pid()).isEqualTo(-1);
        assertThat(dataDir.resolve(EmbeddedRedis.PID_FILE))
                .as("a crash leaves its pid file")
                .exists();

        redis.start();

        assertThat(template.opsForValue().get("before-crash")).isEqualTo("kept");
        assertThat(redisServersServing(dataDir)).singleElement().isEqualTo(redis.pid());
    }

    @Test
    @DisplayName("a stale pid file (its process is gone, or is not this folder's Redis) does not stop a start")
    void stalePidFile() throws Exception {
        Path pidFile = dataDir.resolve(EmbeddedRedis.PID_FILE);
        Files.createDirectories(dataDir);

        // GIVEN the pid of a process that has exited
        Process gone = new ProcessBuilder(javaCommand(), "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(gone.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Files.writeString(pidFile, gone.pid() + "\n");

        // WHEN Redis starts on the folder
        redis = EmbeddedRedis.start(dataDir, 0);

        // THEN it runs, and the pid file names it
        assertThat(Files.readString(pidFile).strip()).isEqualTo(Long.toString(redis.pid()));
        redis.stop();

        // GIVEN the pid of a live process that is not a Redis (this JVM), WHEN Redis starts, THEN it leaves it be
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
        redis.start();
        assertThat(Files.readString(pidFile).strip()).isEqualTo(Long.toString(redis.pid()));

        // GIVEN a pid file that holds no number, THEN the same
        redis.kill();
        Files.writeString(pidFile, "not a pid\n");
        redis.start();
        assertThat(Files.readString(pidFile).strip()).isEqualTo(Long.toString(redis.pid()));
        assertThat(template(redis).opsForValue().get("anything")).isNull();
        assertThat(errorsAndWarnings()).isEmpty();
    }

    @Test
    @DisplayName("after kill -9 of the JVM that owned it, a new start stops the orphaned server cleanly: one server,"
            + " with its password, and the data written before")
    void orphanOfKilledJvm(@TempDir Path scratch) throws Exception {
        // GIVEN a child JVM that started Redis on the folder and wrote a key; the binary goes in a folder we delete
        Path tmp = Files.createDirectories(scratch.resolve("tmp"));
        // The child is Drill itself (its real main class), with Discord unreachable so that it keeps running
        // and its embedded Redis on the folder.
        Process jvm = new ProcessBuilder(
                        javaCommand(),
                        "-Djava.io.tmpdir=" + tmp,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.drill.DrillApplication",
                        "--drill.discord.token=not-a-real-token",
                        "--drill.discord.rest-url=http://127.0.0.1:9/api/v10/",
                        "--drill.discord.gateway-url=ws://127.0.0.1:9",
                        "--drill.discord.login-retry=1h",
                        "--drill.management.port=0",
                        "--drill.scheduler.tick=0",
                        "--drill.redis.data-dir=" + dataDir)
                .redirectErrorStream(true)
                .redirectOutput(scratch.resolve("child.log").toFile())
                .start();
        long orphan = -1;
        try {
            orphan = awaitChildRedis(dataDir, "written-before", "intact");
            assertThat(redisServersServing(dataDir)).containsExactly(orphan);

            // WHEN the JVM is killed (SIGKILL: nothing runs in it, its redis-server lives on) and Redis starts again
            jvm.destroyForcibly();
            assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(alive(orphan))
                    .as("the orphaned redis-server outlives its JVM")
                    .isTrue();
            redis = EmbeddedRedis.start(dataDir, 0);

            // THEN the orphan is gone, shut down with SHUTDOWN (no signal needed), and exactly one server serves the
            // folder: the new one, with the password, and with the data
            assertThat(alive(orphan)).isFalse();
            assertThat(redisServersServing(dataDir)).containsExactly(redis.pid());
            assertThat(messages(Level.WARN)).singleElement().asString().contains("earlier run (pid " + orphan);
            assertThat(messages(Level.ERROR)).isEmpty();
            try (Resp anonymous = new Resp(redis.port())) {
                assertThat(anonymous.send("GET", "written-before")).startsWith("-NOAUTH");
            }
            assertThat(template(redis).opsForValue().get("written-before")).isEqualTo("intact");
        } finally {
            jvm.destroyForcibly();
            jvm.waitFor(30, TimeUnit.SECONDS);
            if (orphan > 0 && alive(orphan) && redisServersServing(dataDir).contains(orphan)) {
                ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    @DisplayName(
            "its start-up log line says where it listens and where its data and password file are, not the password")
    void logLineHidesPassword() {
        EmbeddedRedisConnectionDetails details =
                EmbeddedRedisConnectionDetails.start(new DrillProperties.Redis(dataDir, 0, 1000));
        try {
            String password = details.getPassword();
            int port = details.getStandalone().getPort();

            assertThat(messages(Level.INFO))
                    .anySatisfy(line -> assertThat(line)
                            .startsWith("No REDIS_URL: embedded Redis on 127.0.0.1:" + port)
                            .contains(dataDir.toAbsolutePath().toString())
                            .contains(EmbeddedRedis.PASSWORD_FILE));
            assertThat(messages(Level.TRACE)).isNotEmpty().noneMatch(line -> line.contains(password));
        } finally {
            details.destroy();
        }
    }

    private StringRedisTemplate template(EmbeddedRedis server) {
        if (factory != null) {
            factory.destroy();
        }
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration("127.0.0.1", server.port());
        config.setPassword(server.password());
        factory = new LettuceConnectionFactory(config);
        factory.afterPropertiesSet();
        factory.start();
        return new StringRedisTemplate(factory);
    }

    private String aof() throws IOException {
        return Files.readString(dataDir.resolve("appendonly.aof"), StandardCharsets.ISO_8859_1);
    }

    /** Log lines of dev.drill.redis at {@code level} or above, as formatted (what an operator would read). */
    private List<String> messages(Level level) {
        synchronized (logs) {
            return logs.list.stream()
                    .filter(event -> event.getLevel().isGreaterOrEqual(level))
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
        }
    }

    private List<String> errorsAndWarnings() {
        return messages(Level.WARN);
    }

    /** Waits (bounded) for the child JVM's {@code READY <pid>} line and returns the pid of its redis-server. */
    /** Waits until the child's Redis answers with the folder's password, writes one key, and returns its pid. */
    private static long awaitChildRedis(Path dataDir, String key, String value) {
        return org.awaitility.Awaitility.await()
                .atMost(90, TimeUnit.SECONDS)
                .pollInterval(java.time.Duration.ofMillis(200))
                .ignoreExceptions()
                .until(
                        () -> {
                            long pid = Long.parseLong(Files.readString(dataDir.resolve(EmbeddedRedis.PID_FILE))
                                    .strip());
                            int port = Integer.parseInt(Files.readString(dataDir.resolve(EmbeddedRedis.PORT_FILE))
                                    .strip());
                            String password = Files.readString(dataDir.resolve("redis.password"))
                                    .strip();
                            try (Resp resp = new Resp(port)) {
                                if (!resp.send("AUTH", password).startsWith("+OK")
                                        || !resp.send("SET", key, value).startsWith("+OK")) {
                                    return -1L;
                                }
                            }
                            return pid;
                        },
                        pid -> pid > 0);
    }

    /**
     * The pids of the redis-server processes whose working directory is {@code folder} (Redis changes into its
     * {@code dir}), read from /proc: every server of that folder, whoever started it.
     */
    static List<Long> redisServersServing(Path folder) {
        assumeThat(Path.of("/proc/self/cwd")).exists();
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            return List.of();
        }
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").contains("redis-server"))
                .filter(p -> {
                    try {
                        return Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "cwd"))
                                .equals(real);
                    } catch (IOException | SecurityException e) {
                        return false;
                    }
                })
                .map(ProcessHandle::pid)
                .toList();
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElseThrow();
    }

    /** A bare RESP connection, to see exactly what Redis answers a client. */
    private static final class Resp implements AutoCloseable {

        private final Socket socket;

        Resp(int port) {
            try {
                socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setSoTimeout(5_000);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Sends one command and returns the first line of the reply. */
        String send(String... parts) {
            StringBuilder command = new StringBuilder("*").append(parts.length).append("\r\n");
            for (String part : parts) {
                command.append('$')
                        .append(part.length())
                        .append("\r\n")
                        .append(part)
                        .append("\r\n");
            }
            try {
                OutputStream out = socket.getOutputStream();
                out.write(command.toString().getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                StringBuilder line = new StringBuilder();
                for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                    if (c != '\r') {
                        line.append((char) c);
                    }
                }
                return line.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
