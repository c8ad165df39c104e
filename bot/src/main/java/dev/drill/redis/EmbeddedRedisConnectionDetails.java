package dev.drill.redis;

import dev.drill.config.DrillProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;

/** The embedded Redis as Boot's connection details: Boot's Lettuce set-up then treats it like any other. */
final class EmbeddedRedisConnectionDetails implements DataRedisConnectionDetails, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisConnectionDetails.class);

    private final EmbeddedRedis redis;

    private EmbeddedRedisConnectionDetails(EmbeddedRedis redis) {
        this.redis = redis;
    }

    static EmbeddedRedisConnectionDetails start(DrillProperties.Redis settings) {
        EmbeddedRedis redis = EmbeddedRedis.start(settings.dataDir(), settings.embeddedPort());
        log.info(
                "No REDIS_URL: embedded Redis on 127.0.0.1:{}, data in {} (AOF, fsync every second)",
                redis.port(),
                redis.dataDir());
        return new EmbeddedRedisConnectionDetails(redis);
    }

    @Override
    public Standalone getStandalone() {
        return Standalone.of("127.0.0.1", redis.port());
    }

    /** Stopped after the connection factory that uses it (Spring destroys dependents first). */
    @Override
    public void destroy() {
        redis.stop();
    }
}
