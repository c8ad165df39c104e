package dev.drill.redis;

import dev.drill.config.DrillProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;

/** The embedded Redis as Boot's connection details: Boot's Lettuce set-up then treats it like any other. */
final class EmbeddedRedisConnectionDetails implements DataRedisConnectionDetails, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisConnectionDetails.class);

    private final EmbeddedRedis redis;

    private EmbeddedRedisConnectionDetails(EmbeddedRedis redis) {
        this.redis = redis;
    }

    static EmbeddedRedisConnectionDetails start(DrillProperties.Redis settings) {
        EmbeddedRedis redis = EmbeddedRedis.start(settings.dataDir(), settings.embeddedPort(), springShutdown());
        log.info(
                "No REDIS_URL: embedded Redis on 127.0.0.1:{}, data in {} (AOF, fsync every second), password in {}",
                redis.port(),
                redis.dataDir(),
                redis.passwordFile());
        return new EmbeddedRedisConnectionDetails(redis);
    }

    /**
     * Boot's shutdown handlers, not a JVM hook of its own: they run after every application context is closed,
     * so when the JVM exits Redis shuts down after the bot's last writes, not while they are still under way.
     * (A normal close stops it in {@link #destroy()} and takes the handler back.)
     */
    private static ShutdownHooks springShutdown() {
        return new ShutdownHooks() {
            @Override
            public void add(Runnable stop) {
                SpringApplication.getShutdownHandlers().add(stop);
            }

            @Override
            public void remove(Runnable stop) {
                try {
                    SpringApplication.getShutdownHandlers().remove(stop);
                } catch (IllegalStateException shuttingDown) {
                    // The JVM is exiting: the handler runs after the contexts and finds the server stopped.
                }
            }
        };
    }

    @Override
    public Standalone getStandalone() {
        return Standalone.of("127.0.0.1", redis.port());
    }

    @Override
    public String getPassword() {
        return redis.password();
    }

    /** Stopped after the connection factory that uses it (Spring destroys dependents first). */
    @Override
    public void destroy() {
        redis.stop();
    }
}
