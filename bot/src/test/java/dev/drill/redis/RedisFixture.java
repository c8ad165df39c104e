package dev.drill.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A real embedded Redis and a Lettuce template configured like production (auto-reconnect, command
 * timeout), with a short timeout so a test of a Redis outage does not wait five seconds.
 */
public final class RedisFixture implements AutoCloseable {

    private final EmbeddedRedis redis;
    private final Path ownedDir;
    private final LettuceConnectionFactory factory;
    private final StringRedisTemplate template;

    private RedisFixture(EmbeddedRedis redis, Duration timeout, Path ownedDir) {
        this.redis = redis;
        this.ownedDir = ownedDir;
        ClientOptions options = ClientOptions.builder()
                .autoReconnect(true)
                .requestQueueSize(10_000)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build();
        LettuceClientConfiguration client = LettuceClientConfiguration.builder()
                .commandTimeout(timeout)
                .clientOptions(options)
                .build();
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration("127.0.0.1", redis.port());
        server.setPassword(redis.password());
        factory = new LettuceConnectionFactory(server, client);
        factory.afterPropertiesSet();
        factory.start();
        template = new StringRedisTemplate(factory);
    }

    public static RedisFixture start(Path dir) {
        return start(dir, Duration.ofMillis(500));
    }

    public static RedisFixture start(Path dir, Duration timeout) {
        return new RedisFixture(EmbeddedRedis.start(dir, 0), timeout, null);
    }

    /** A fixture in a temporary folder of its own, deleted when it closes (for a whole test class). */
    public static RedisFixture startInTempDir(Duration timeout) {
        Path dir = TempDirs.create("drill-redis-");
        return new RedisFixture(EmbeddedRedis.start(dir, 0), timeout, dir);
    }

    public StringRedisTemplate template() {
        return template;
    }

    public EmbeddedRedis server() {
        return redis;
    }

    public void flushAll() {
        template.execute((org.springframework.data.redis.core.RedisCallback<Object>) c -> {
            c.serverCommands().flushAll();
            return null;
        });
    }

    @Override
    public void close() {
        try {
            factory.destroy();
            redis.stop();
        } finally {
            if (ownedDir != null) {
                TempDirs.delete(ownedDir);
            }
        }
    }
}
