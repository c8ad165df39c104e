package dev.drill.redis;

import dev.drill.config.DrillProperties;
import io.lettuce.core.TimeoutOptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Redis the Boot way: {@code spring.data.redis.*} (with {@code REDIS_URL} as the documented short form)
 * configures standalone, Sentinel, Cluster, TLS and timeouts. When none of those says where Redis is, Drill
 * starts its embedded one and hands it to Boot as the connection details.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfig {

    @Bean
    @Conditional(NoRedisConfigured.class)
    @ConditionalOnMissingBean(org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails.class)
    EmbeddedRedisConnectionDetails embeddedRedisConnectionDetails(DrillProperties properties) {
        return EmbeddedRedisConnectionDetails.start(properties.redis());
    }

    /**
     * A bounded request queue, so a long outage fails fast instead of growing the heap without limit, and
     * the command timeout applied to every command, not only to those Spring issues.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer drillLettuceOptions(DrillProperties properties, DataRedisProperties redis) {
        return options -> {
            options.autoReconnect(true).requestQueueSize(properties.redis().requestQueueSize());
            if (redis.getTimeout() != null) {
                options.timeoutOptions(TimeoutOptions.enabled(redis.getTimeout()));
            }
        };
    }
}
