package dev.drill.round;

import dev.drill.redis.Keys;
import dev.drill.redis.Store;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The due set: one Redis sorted set of every guild's next due instant, read by the scheduler tick. It lives
 * outside the guilds' hash slots on purpose: it is never used inside a guild's script.
 */
@Store
public final class DueSchedule {

    private final StringRedisTemplate redis;

    public DueSchedule(StringRedisTemplate redis) {
        this.redis = redis;
    }

    void scheduleDue(long guild, Instant when) {
        redis.opsForZSet().add(Keys.due(), Long.toString(guild), when.toEpochMilli());
    }

    void unscheduleDue(long guild) {
        redis.opsForZSet().remove(Keys.due(), Long.toString(guild));
    }

    Optional<Instant> due(long guild) {
        Double score = redis.opsForZSet().score(Keys.due(), Long.toString(guild));
        return Optional.ofNullable(score).map(s -> Instant.ofEpochMilli(s.longValue()));
    }

    /** Guilds with scheduled work (set up; paused ones only until their open round has closed). */
    long scheduledGuilds() {
        Long size = redis.opsForZSet().zCard(Keys.due());
        return size == null ? 0 : size;
    }

    /** Every guild due at {@code now}: a rush takes them all in one tick, with no cap that delays the tail. */
    Set<String> dueGuilds(Instant now) {
        return redis.opsForZSet().rangeByScore(Keys.due(), Double.NEGATIVE_INFINITY, now.toEpochMilli());
    }

    Set<String> dueGuilds(Instant now, int max) {
        return redis.opsForZSet().rangeByScore(Keys.due(), Double.NEGATIVE_INFINITY, now.toEpochMilli(), 0, max);
    }
}
