package dev.drill.round;

import dev.drill.redis.Keys;
import dev.drill.redis.LuaScripts;
import dev.drill.redis.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Who may act on a round, in Redis: the exactly-once claim of its opening ({@code SET NX}, taken over only
 * when stale) and the lease of its close.
 */
@Store
public final class RoundClaims {

    /** Claims outlive any round window, so a late retry still finds who claimed the round. */
    private static final Duration CLAIM_TTL = Duration.ofDays(30);

    private static final RedisScript<Long> TAKE_OVER = LuaScripts.of("round-claim-takeover.lua", Long.class);
    private static final RedisScript<Long> CLOSE_LEASE = LuaScripts.of("round-close-lease.lua", Long.class);
    private static final RedisScript<Long> MOMENT_LEASE = LuaScripts.of("round-moment-lease.lua", Long.class);

    private final StringRedisTemplate redis;

    public RoundClaims(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Who claimed a round and when; the claim is what makes opening exactly-once. */
    record Claim(String instance, Instant at) {
        static Claim parse(String value) {
            int bar = value.lastIndexOf('|');
            return new Claim(value.substring(0, bar), Instant.ofEpochMilli(Long.parseLong(value.substring(bar + 1))));
        }

        String encode() {
            return instance + "|" + at.toEpochMilli();
        }
    }

    /** {@code SET NX}: true for the one caller that claims the round first. */
    boolean claim(long guild, String date, Claim claim) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(Keys.claim(guild, date), claim.encode(), CLAIM_TTL));
    }

    Optional<Claim> claimOf(long guild, String date) {
        return Optional.ofNullable(redis.opsForValue().get(Keys.claim(guild, date)))
                .map(Claim::parse);
    }

    /** Takes over a stale claim, only if it is still the one the caller saw (no two instances take it over). */
    boolean takeOver(long guild, String date, Claim seen, Claim mine) {
        String key = Keys.claim(guild, date);
        Long won = redis.execute(
                TAKE_OVER, List.of(key), seen.encode(), mine.encode(), Long.toString(CLAIM_TTL.toMillis()));
        return won != null && won == 1;
    }

    /**
     * True for the one caller that gets to close the round and post its recap: the first, the same instance
     * again (its close failed halfway and is being finished), or anyone once the holder's claim is stale.
     */
    boolean claimClose(long guild, String date, String instance, Instant now, Duration stale) {
        Long won = redis.execute(
                CLOSE_LEASE,
                List.of(Keys.round(guild, date)),
                instance,
                Long.toString(now.toEpochMilli()),
                Long.toString(now.minus(stale).toEpochMilli()));
        return won != null && won == 1;
    }

    /**
     * True for the one caller that gets to fire a round's moment now: never once it is done; else as the
     * close lease (the first, the same instance again, or anyone once the holder is stale).
     */
    boolean claimMoment(long guild, String date, String moment, String instance, Instant now, Duration stale) {
        Long won = redis.execute(
                MOMENT_LEASE,
                List.of(Keys.round(guild, date)),
                momentField(moment),
                instance,
                Long.toString(now.toEpochMilli()),
                Long.toString(now.minus(stale).toEpochMilli()));
        return won != null && won == 1;
    }

    /** Records that a round's moment fired: it never fires again in that round. */
    void momentDone(long guild, String date, String moment) {
        redis.opsForHash().put(Keys.round(guild, date), momentField(moment), "done");
    }

    boolean momentIsDone(long guild, String date, String moment) {
        return "done".equals(redis.opsForHash().get(Keys.round(guild, date), momentField(moment)));
    }

    private static String momentField(String moment) {
        return "moment:" + moment;
    }
}
