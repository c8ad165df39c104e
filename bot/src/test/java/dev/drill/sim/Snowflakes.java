package dev.drill.sim;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Mints Discord snowflakes from the simulated clock, so that ids (and JDA's expiry checks) follow it. */
final class Snowflakes {

    static final long DISCORD_EPOCH_MILLIS = 1420070400000L;

    private final Clock clock;
    private final AtomicLong counter = new AtomicLong();

    Snowflakes(Clock clock) {
        this.clock = clock;
    }

    String next() {
        long millis = clock.millis() - DISCORD_EPOCH_MILLIS;
        return Long.toString((millis << 22) | (counter.incrementAndGet() & 0x3FFFFF));
    }

    /**
     * A new id on shard {@code shard} of {@code total} ({@code (id >> 22) % total == shard}): its time part is
     * moved back by less than {@code total} milliseconds, its counter keeps it unique.
     */
    String nextOnShard(int shard, int total) {
        if (total < 1 || shard < 0 || shard >= total) {
            throw new IllegalArgumentException("no shard " + shard + " of " + total);
        }
        long millis = clock.millis() - DISCORD_EPOCH_MILLIS;
        long onShard = millis - Math.floorMod(millis - shard, (long) total);
        return Long.toString((onShard << 22) | (counter.incrementAndGet() & 0x3FFFFF));
    }

    /** Discord's rule: a guild's events go to shard {@code (guild_id >> 22) % total}. */
    static int shardOf(String snowflake, int total) {
        return (int) ((Long.parseLong(snowflake) >>> 22) % total);
    }

    static Instant timeOf(String snowflake) {
        return Instant.ofEpochMilli((Long.parseLong(snowflake) >>> 22) + DISCORD_EPOCH_MILLIS);
    }
}
