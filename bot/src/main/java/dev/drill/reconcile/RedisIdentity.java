package dev.drill.reconcile;

import dev.drill.redis.Store;
import java.util.Properties;
import java.util.TreeMap;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Which Redis processes answer: a run id changes when its server restarts, and what it lost must be caught up.
 * On a Redis Cluster, INFO goes to every master and each property comes back prefixed by its node
 * ({@code host:port.run_id}): the identity is then all of them, so a restart of any one master is noticed.
 */
@Store
final class RedisIdentity {

    private static final String RUN_ID = "run_id";

    private final StringRedisTemplate redis;

    RedisIdentity(StringRedisTemplate redis) {
        this.redis = redis;
    }

    String runId() {
        Properties info = redis.execute(
                (RedisCallback<Properties>) c -> c.serverCommands().info("server"));
        return info == null ? "" : runIds(info);
    }

    /** {@code run_id} of a single server, or {@code node=run_id,…} sorted by node for a cluster. */
    static String runIds(Properties info) {
        String single = info.getProperty(RUN_ID);
        if (single != null) {
            return single;
        }
        TreeMap<String, String> byNode = new TreeMap<>();
        for (String key : info.stringPropertyNames()) {
            if (key.endsWith("." + RUN_ID)) {
                byNode.put(key.substring(0, key.length() - RUN_ID.length() - 1), info.getProperty(key));
            }
        }
        StringBuilder ids = new StringBuilder();
        byNode.forEach((node, id) -> ids.append(ids.length() == 0 ? "" : ",")
                .append(node)
                .append('=')
                .append(id));
        return ids.toString();
    }
}
