package dev.drill.redis;

import dev.drill.config.DrillProperties;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.SlotHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A real Redis Cluster of three masters, each the embedded redis-server in cluster mode in a folder of its own
 * under one temporary folder; the slots are assigned here (a third to each master) and the nodes meet
 * before {@link #start} returns. Closing stops every node and deletes the folder, also after a failed start.
 */
public final class RedisClusterFixture implements AutoCloseable {

    public static final int MASTERS = 3;

    private static final Duration FORMING = Duration.ofSeconds(15);

    private final Path root;
    private final String password = RedisPassword.generate();
    private final List<EmbeddedRedis> nodes = new ArrayList<>();

    private RedisClusterFixture(Path root) {
        this.root = root;
    }

    public static RedisClusterFixture start() {
        RedisClusterFixture cluster = new RedisClusterFixture(TempDirs.create("drill-cluster-"));
        try {
            cluster.startNodes();
            cluster.form();
            return cluster;
        } catch (RuntimeException | Error e) {
            try {
                cluster.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** {@code spring.data.redis.cluster.nodes}: every master, host:port, comma separated. */
    public String nodes() {
        return nodes.stream().map(n -> "127.0.0.1:" + n.port()).collect(Collectors.joining(","));
    }

    /** The password every node asks for (a secret: never log it). */
    public String password() {
        return password;
    }

    public List<EmbeddedRedis> servers() {
        return List.copyOf(nodes);
    }

    /** Which master (0, 1 or 2) serves {@code slot}: the test gave master i the i-th third of the slots. */
    public static int masterOf(int slot) {
        return slot * MASTERS / SlotHash.SLOT_COUNT;
    }

    /** The master serving {@code key}, by the CRC16 of its hash tag as Redis computes it. */
    public static int masterOf(String key) {
        return masterOf(SlotHash.getSlot(key));
    }

    /**
     * Runs {@code test} with Drill's Redis set up the Boot way for this cluster: {@code
     * spring.data.redis.cluster.nodes} and the password, Boot's auto-configuration and Drill's {@link
     * RedisConfig} (its Lettuce options), as the application wires them; the context is closed afterwards.
     */
    public void withTemplate(Consumer<StringRedisTemplate> test) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
                .withUserConfiguration(Properties.class, RedisConfig.class)
                .withPropertyValues(
                        "drill.discord.token=x",
                        "drill.content.path=content",
                        "drill.redis.data-dir=" + root.resolve("unused"),
                        "drill.redis.request-queue-size=1000",
                        "drill.scheduler.tick=0",
                        "drill.management.port=0",
                        "drill.management.address=127.0.0.1",
                        "spring.data.redis.timeout=5s",
                        "spring.data.redis.cluster.nodes=" + nodes(),
                        "spring.data.redis.password=" + password)
                .run(context -> {
                    if (context.getStartupFailure() != null) {
                        throw context.getStartupFailure();
                    }
                    test.accept(context.getBean(StringRedisTemplate.class));
                });
    }

    @EnableConfigurationProperties(DrillProperties.class)
    @Configuration(proxyBeanMethods = false)
    static class Properties {}

    private void startNodes() {
        for (int i = 0; i < MASTERS; i++) {
            Path dir = root.resolve("node-" + i);
            writePassword(dir);
            nodes.add(EmbeddedRedis.start(
                    dir,
                    portWithFreeBus(),
                    ShutdownHooks.jvm(),
                    List.of(
                            "cluster-enabled yes",
                            // In the node's own folder (its dir): nodes.conf is where a node keeps its view.
                            "cluster-config-file nodes.conf",
                            // A master that was alone waits this long before it serves (its rejoin delay): short
                            // for a quick start, long enough that a loaded machine's pause fails no node.
                            "cluster-node-timeout 2000")));
        }
    }

    /** Slots 0..16383 in three ranges, one per master, then every node meets the first; waits until all agree. */
    private void form() {
        RedisClient client = RedisClient.create();
        List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();
        try {
            for (EmbeddedRedis node : nodes) {
                connections.add(client.connect(RedisURI.builder()
                        .withHost("127.0.0.1")
                        .withPort(node.port())
                        .withPassword(password.toCharArray())
                        .withTimeout(Duration.ofSeconds(5))
                        .build()));
            }
            for (int i = 0; i < MASTERS; i++) {
                int from = i * SlotHash.SLOT_COUNT / MASTERS;
                int to = (i + 1) * SlotHash.SLOT_COUNT / MASTERS;
                connections
                        .get(i)
                        .sync()
                        .clusterAddSlots(IntStream.range(from, to).toArray());
            }
            for (int i = 1; i < MASTERS; i++) {
                connections.get(i).sync().clusterMeet("127.0.0.1", nodes.get(0).port());
            }
            awaitFormed(connections);
        } finally {
            connections.forEach(StatefulRedisConnection::close);
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    /** Polls CLUSTER INFO: the cluster forms in about a second, by gossip between the nodes' own threads. */
    private static void awaitFormed(List<StatefulRedisConnection<String, String>> connections) {
        long deadline = System.nanoTime() + FORMING.toNanos();
        while (true) {
            boolean formed = true;
            for (StatefulRedisConnection<String, String> c : connections) {
                RedisCommands<String, String> node = c.sync();
                String info = node.clusterInfo();
                formed &= info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:" + MASTERS);
            }
            if (formed) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("The Redis Cluster did not form within " + FORMING.toSeconds() + " s: "
                        + connections.get(0).sync().clusterInfo());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the Redis Cluster formed", e);
            }
        }
    }

    /** The same password in every node's folder, owner-only, so one client password fits all of them. */
    private void writePassword(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(EmbeddedRedis.PASSWORD_FILE);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free port whose cluster bus port (port + 10000) is free too. */
    private static int portWithFreeBus() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (port + 10_000 > 65_535) {
                    continue;
                }
                try (ServerSocket bus = new ServerSocket(port + 10_000, 1, InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (IOException taken) {
                    // Try another.
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("No free loopback port with a free cluster bus port");
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (EmbeddedRedis node : nodes) {
            try {
                node.stop();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        try {
            TempDirs.delete(root);
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
