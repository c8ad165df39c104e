package dev.drill.architecture.planted.redis;

import org.springframework.data.redis.core.StringRedisTemplate;

/** Planted: a domain class that talks to Redis itself instead of through a @Store. */
public final class ContentCache {

    private final StringRedisTemplate redis;

    public ContentCache(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public String get(String id) {
        return redis.opsForValue().get(id);
    }
}
