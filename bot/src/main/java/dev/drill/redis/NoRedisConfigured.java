package dev.drill.redis;

import java.util.List;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no {@code spring.data.redis.*} setting says where Redis is: then Drill starts its own. */
final class NoRedisConfigured implements Condition {

    /** Each of Boot's ways to name a server; any one of them set means "use that Redis". */
    static final List<String> LOCATIONS = List.of(
            "spring.data.redis.url",
            "spring.data.redis.host",
            "spring.data.redis.sentinel.master",
            "spring.data.redis.cluster.nodes",
            "spring.data.redis.masterreplica.nodes");

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return LOCATIONS.stream().allMatch(key -> {
            String value = context.getEnvironment().getProperty(key);
            return value == null || value.isBlank();
        });
    }
}
