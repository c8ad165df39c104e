package dev.drill.round;

import dev.drill.redis.Keys;
import dev.drill.redis.LuaScripts;
import dev.drill.redis.Store;
import java.util.List;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** The question rotation of a guild, in Redis: which level comes next and what each level already asked. */
@Store
public final class Rotation {

    private static final RedisScript<Long> STEP = LuaScripts.of("round-rotation.lua", Long.class);

    private final StringRedisTemplate redis;

    public Rotation(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** This round's step of the level rotation: taken once, the same again for a retried opening. */
    long stepFor(long guild, String date) {
        Long step = redis.execute(STEP, List.of(Keys.state(guild)), date);
        return step == null ? 0 : step;
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
