package dev.drill.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

@DisplayName("The embedded Redis")
class EmbeddedRedisTests {

    @TempDir
    Path dataDir;

    private EmbeddedRedis redis;
    private LettuceConnectionFactory factory;

    @AfterEach
    void stop() {
        if (factory != null) {
            factory.destroy();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    @DisplayName("keeps what was written across a restart, from its AOF in the data folder")
    void survivesRestart() {
        // GIVEN a running embedded Redis with a guild's settings and a board
        redis = EmbeddedRedis.start(dataDir, 0);
        StringRedisTemplate redisTemplate = template(redis.port());
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

    private StringRedisTemplate template(int port) {
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
        factory.afterPropertiesSet();
        factory.start();
        return new StringRedisTemplate(factory);
    }
}
