package dev.drill.round;

import dev.drill.redis.Keys;
import dev.drill.redis.Store;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The question rotation of a guild, in Redis: which level comes next and what each level already asked. */
@Store
public final class Rotation {

    private final StringRedisTemplate redis;

    public Rotation(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** The rotation pointer: how many rounds have picked a level so far. */
    long nextRotation(long guild) {
        return redis.opsForHash().increment(Keys.state(guild), "rotation", 1) - 1;
    }

    Set<String> asked(long guild, String level) {
        return redis.opsForSet().members(Keys.asked(guild, level));
    }

    void markAsked(long guild, String level, String questionId) {
        redis.opsForSet().add(Keys.asked(guild, level), questionId);
    }

    /** Starts a new cycle of a level once every question of it was asked. */
    void resetAsked(long guild, String level) {
        redis.delete(Keys.asked(guild, level));
    }
}
