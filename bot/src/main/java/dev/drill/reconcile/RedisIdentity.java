package dev.drill.reconcile;

import dev.drill.redis.Store;
import java.util.Properties;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Which Redis process answers: its run id changes when it restarts, and what it lost must be caught up. */
@Store
final class RedisIdentity {

    private final StringRedisTemplate redis;

    RedisIdentity(StringRedisTemplate redis) {
        this.redis = redis;
    }

    String runId() {
        Properties info = redis.execute(
                (RedisCallback<Properties>) c -> c.serverCommands().info("server"));
        return info == null ? "" : info.getProperty("run_id", "");
    }
}
