package dev.drill.round;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.guild.GuildSettingsStore;
import dev.drill.redis.Keys;
import dev.drill.redis.RedisExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Round numbers and rotation steps are taken once per round, whatever is retried or replayed. */
@DisplayName("Round store: numbers and rotation taken once")
class RoundStoreTests {

    private static final long GUILD = 77;
    private static final Instant OPENS = Instant.parse("2026-12-01T08:00:00Z");

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension(Duration.ofSeconds(2));

    private RoundStore store;
    private Rotation rotation;

    @BeforeEach
    void setUp() {
        store = new RoundStore(
                REDIS.template(), new GuildSettingsStore(REDIS.template()), Clock.fixed(OPENS, ZoneOffset.UTC));
        rotation = new Rotation(REDIS.template());
    }

    private void claim(String date) {
        store.saveClaimed(new Round(
                GUILD, date, "q", 0, 1, 0, 0, OPENS, OPENS.plus(Duration.ofDays(1)), false, RoundState.CLAIMED));
    }

    @Test
    @DisplayName("an opening recorded twice (a retry after a lost reply, a replayed command) keeps its number")
    void openingTwiceKeepsTheNumber() {
        claim("2026-12-01");
        store.markOpen(GUILD, "2026-12-01", 10, 10);
        store.markOpen(GUILD, "2026-12-01", 10, 10);
        claim("2026-12-02");
        store.markOpen(GUILD, "2026-12-02", 20, 20);

        assertThat(store.find(GUILD, "2026-12-01").orElseThrow().seq()).isEqualTo(1);
        assertThat(store.find(GUILD, "2026-12-02").orElseThrow().seq())
                .as("consecutive rounds keep consecutive numbers, so streaks hold")
                .isEqualTo(2);
        assertThat(REDIS.template().opsForHash().get(Keys.state(GUILD), "seq")).isEqualTo("2");
    }

    @Test
    @DisplayName("a round's rotation step is the same however often its opening is retried")
    void rotationStepOnce() {
        long first = rotation.stepFor(GUILD, "2026-12-01");
        long again = rotation.stepFor(GUILD, "2026-12-01");
        long next = rotation.stepFor(GUILD, "2026-12-02");

        assertThat(again).isEqualTo(first);
        assertThat(next).isEqualTo(first + 1);
    }

    @Test
    @DisplayName("a closed round's recap is owed until it is out")
    void recapOwedUntilPosted() {
        claim("2026-12-01");
        store.markOpen(GUILD, "2026-12-01", 10, 10);

        store.markClosed(GUILD, "2026-12-01", RoundState.CLOSED, OPENS.plus(Duration.ofDays(1)));
        assertThat(store.pendingRecaps(GUILD)).containsExactly("2026-12-01");
        assertThat(store.current(GUILD)).isEmpty();

        store.recapPosted(GUILD, "2026-12-01");
        assertThat(store.pendingRecaps(GUILD)).isEmpty();
    }
}
