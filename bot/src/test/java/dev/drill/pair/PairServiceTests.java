package dev.drill.pair;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.content.Level;
import dev.drill.guild.GuildSettings;
import dev.drill.guild.GuildSettingsStore;
import dev.drill.redis.RedisExtension;
import dev.drill.score.PointsRules;
import dev.drill.score.ScoreStore;
import dev.drill.sim.MutableClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("PairService: only the guilds this process serves are paired")
class PairServiceTests {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension(Duration.ofSeconds(2));

    private static final long GUILD = 42;
    /** Monday 2040-12-03, 09:00 in Berlin. */
    private static final Instant MONDAY_0900 = Instant.parse("2040-12-03T08:00:00Z");

    private final List<PairPublisher.Opening> opened = new ArrayList<>();
    private boolean serves;
    private PairStore store;
    private PairService service;

    @BeforeEach
    void setUp() {
        store = new PairStore(REDIS.template());
        GuildSettingsStore settings = new GuildSettingsStore(REDIS.template());
        settings.save(new GuildSettings(
                GUILD,
                7,
                LocalTime.of(9, 0),
                ZoneId.of("Europe/Berlin"),
                EnumSet.of(DayOfWeek.MONDAY),
                List.of(Level.values()),
                0,
                0,
                false,
                ""));
        store.pairOn(GUILD, DayOfWeek.MONDAY);
        PairPublisher publisher = new PairPublisher() {
            @Override
            public boolean serves(long guild) {
                return serves;
            }

            @Override
            public long openThread(Opening opening) {
                opened.add(opening);
                return 1000 + opening.index();
            }
        };
        // The questions are picked only for groups; the guild here has no members opted in.
        service = new PairService(
                store,
                settings,
                publisher,
                null,
                null,
                new ScoreStore(REDIS.template(), PointsRules.DEFAULTS),
                new MutableClock(MONDAY_0900));
    }

    @Test
    @DisplayName("a guild the gateway does not serve (another shard's) is skipped, not failed, and paired once served")
    void notServedIsSkipped() {
        // WHEN the pairing is due but this process does not serve the guild
        serves = false;
        service.runDue(MONDAY_0900);

        // THEN nothing is stored or opened, and no error
        assertThat(store.week(GUILD, "2040-W49")).isEmpty();

        // WHEN it serves it
        serves = true;
        service.runDue(MONDAY_0900.plusSeconds(5));

        // THEN the week is paired (nobody opted in: no group) and done
        assertThat(store.week(GUILD, "2040-W49"))
                .hasValueSatisfying(w -> assertThat(w.done()).isTrue());
        assertThat(opened).isEmpty();
    }

    @Test
    @DisplayName("before the round time on the weekday, and on other days, nothing is due")
    void dueOnlyFromTheRoundTime() {
        serves = true;
        service.runDue(MONDAY_0900.minusSeconds(60));
        service.runDue(MONDAY_0900.plus(Duration.ofDays(1)));

        assertThat(store.week(GUILD, "2040-W49")).isEmpty();
    }
}
