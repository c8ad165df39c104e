package dev.drill.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** A real embedded Redis and a template on it, for store tests; {@link #flush()} between tests. */
public final class RedisFixture implements AutoCloseable {

    private final EmbeddedRedis redis;
    private final LettuceConnectionFactory factory;
    private final StringRedisTemplate template;

    public RedisFixture() {
        try {
            redis = EmbeddedRedis.start(Files.createTempDirectory("drill-redis-"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
        factory.afterPropertiesSet();
        factory.start();
        template = new StringRedisTemplate(factory);
    }

    public StringRedisTemplate template() {
        return template;
    }

    public EmbeddedRedis server() {
        return redis;
    }

    public Path dataDir() {
        return redis.dataDir();
    }

    public void flush() {
        template.execute((org.springframework.data.redis.core.RedisCallback<Object>) c -> {
            c.serverCommands().flushAll();
            return null;
        });
    }

    @Override
    public void close() {
        factory.destroy();
        redis.stop();
    }
}
