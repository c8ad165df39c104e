package dev.drill.redis;

import dev.drill.config.DrillProperties;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Connects to the Redis of {@code REDIS_URL}, or starts the embedded one when none is given. */
@Configuration(proxyBeanMethods = false)
class RedisConfig {

    private static final Logger log = LoggerFactory.getLogger(RedisConfig.class);

    @Bean
    RedisEndpoint redisEndpoint(DrillProperties properties) {
        DrillProperties.Redis redis = properties.redis();
        if (redis.url() != null) {
            return RedisEndpoint.external(RedisURI.create(redis.url()));
        }
        EmbeddedRedis embedded = EmbeddedRedis.start(redis.dataDir(), redis.embeddedPort());
        log.info(
                "No REDIS_URL: embedded Redis on 127.0.0.1:{}, data in {} (AOF, fsync every second)",
                embedded.port(),
                embedded.dataDir());
        return RedisEndpoint.embedded(embedded);
    }

    @Bean
    LettuceConnectionFactory redisConnectionFactory(RedisEndpoint endpoint, DrillProperties properties) {
        RedisURI uri = endpoint.uri();
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
        server.setDatabase(uri.getDatabase());
        if (uri.getUsername() != null) {
            server.setUsername(uri.getUsername());
        }
        if (uri.getPassword() != null) {
            server.setPassword(RedisPassword.of(uri.getPassword()));
        }
        DrillProperties.Redis redis = properties.redis();
        ClientOptions options = ClientOptions.builder()
                .autoReconnect(true)
                // Bounded, so a long outage fails fast instead of growing the heap without limit.
                .requestQueueSize(redis.requestQueueSize())
                .timeoutOptions(TimeoutOptions.enabled(redis.commandTimeout()))
                .build();
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
                .commandTimeout(redis.commandTimeout())
                .clientOptions(options);
        if (uri.isSsl()) {
            client.useSsl();
        }
        return new LettuceConnectionFactory(server, client.build());
    }

    @Bean
    StringRedisTemplate stringRedisTemplate(LettuceConnectionFactory connectionFactory) {
        return new StringRedisTemplate(connectionFactory);
    }
}
