package dev.drill.redis;

import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * One embedded Redis for a test class, in a temporary folder of its own, emptied before each test and
 * stopped (its folder deleted) after the last. Register it as a static field:
 *
 * <pre>@RegisterExtension static final RedisExtension REDIS = new RedisExtension(Duration.ofSeconds(2));</pre>
 *
 * It runs before the class's own {@code @BeforeEach} methods, so they see an empty Redis.
 */
public final class RedisExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final Duration timeout;
    private RedisFixture fixture;

    /** @param timeout the client's command timeout (short, so a test of an outage does not wait long) */
    public RedisExtension(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        fixture = RedisFixture.startInTempDir(timeout);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        fixture.flushAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (fixture != null) {
            fixture.close();
        }
    }

    public RedisFixture fixture() {
        return fixture;
    }

    public StringRedisTemplate template() {
        return fixture.template();
    }
}
