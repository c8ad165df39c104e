package dev.drill.round;

import dev.drill.content.Level;
import dev.drill.guild.GuildSettings;
import dev.drill.guild.GuildSettingsStore;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Open rounds written straight into Redis, for tests and benchmarks that need many of them quickly. */
public final class RoundFixtures {

    /** Wide enough for any message id a test makes up: answers are judged by when they were sent. */
    private static final Instant OPENS = Instant.parse("2015-01-01T00:00:00Z");

    private static final Instant CLOSES = Instant.parse("2100-01-01T00:00:00Z");

    private RoundFixtures() {}

    /** An open round with its thread, as the round feature records it after posting. */
    public static void openRound(
            StringRedisTemplate redis, long guild, String date, long seq, long thread, ZoneId zone) {
        GuildSettingsStore settings = new GuildSettingsStore(redis);
        if (settings.find(guild).isEmpty()) {
            settings.save(new GuildSettings(
                    guild,
                    1,
                    LocalTime.of(9, 0),
                    zone,
                    EnumSet.allOf(DayOfWeek.class),
                    List.of(Level.values()),
                    0,
                    0,
                    false,
                    ""));
        }
        RoundStore store = new RoundStore(redis, settings, Clock.fixed(OPENS, ZoneOffset.UTC));
        store.saveClaimed(new Round(guild, date, "fixture", seq, 1, 0, 0, OPENS, CLOSES, false, RoundState.CLAIMED));
        store.markOpen(guild, date, thread, thread);
    }
}
