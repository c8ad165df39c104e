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

    static Instant timeOf(String snowflake) {
        return Instant.ofEpochMilli((Long.parseLong(snowflake) >>> 22) + DISCORD_EPOCH_MILLIS);
    }
}
