package dev.drill.redis;

import io.lettuce.core.RedisURI;
import org.springframework.beans.factory.DisposableBean;

/** Where Redis is, and the embedded server to stop with the application when Drill started one. */
public final class RedisEndpoint implements DisposableBean {

    private final RedisURI uri;
    private final EmbeddedRedis embedded;

    private RedisEndpoint(RedisURI uri, EmbeddedRedis embedded) {
        this.uri = uri;
        this.embedded = embedded;
    }

    static RedisEndpoint external(RedisURI uri) {
        return new RedisEndpoint(uri, null);
    }

    static RedisEndpoint embedded(EmbeddedRedis embedded) {
        return new RedisEndpoint(RedisURI.create(embedded.url()), embedded);
    }

    public RedisURI uri() {
        return uri;
    }

    @Override
    public void destroy() {
        if (embedded != null) {
            embedded.stop();
        }
    }
}
