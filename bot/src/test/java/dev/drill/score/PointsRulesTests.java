package dev.drill.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drill.answer.ThreadMessage;
import dev.drill.redis.RedisExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The points rules as the bot applies them: through the real Lua scripts on a real Redis, with numbers other
 * than the defaults, so a script that ignored an argument (or a formula kept anywhere else) would show.
 */
@DisplayName("Points rules, applied by the scoring scripts")
class PointsRulesTests {

    private static final long GUILD = 904;
    private static final long ALICE = 21;
    private static final long BOB = 22;
    private static final long CAROL = 23;
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final String ANSWER =
            "Consistent hashing moves only a slice of the keys when a node joins or leaves.";

    /** Not the defaults anywhere: 11 an answer, +2 a streak round up to +3, +2 a vote up to +3, 7 the award. */
    private static final PointsRules ODD = new PointsRules(11, 2, 3, 2, 3, 7, 40, 4);

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension(Duration.ofSeconds(2));

    private ScoringFixture scoring;

    @BeforeEach
    void setUp() {
        scoring = ScoringFixture.on(REDIS.fixture(), Instant.parse("2026-12-01T10:00:00Z"), ODD);
    }

    @Test
    @DisplayName(
            "the defaults are +10 an answer, +1 a streak round up to +5, +1 a vote up to +5, +5 the award, 40 chars")
    void defaults() {
        assertThat(PointsRules.DEFAULTS).isEqualTo(new PointsRules(10, 1, 5, 1, 5, 5, 40, 3));
        assertThat(PointsRules.DEFAULTS.summary())
                .isEqualTo("+10 for an answer · +1 per round of streak beyond the first (max +5) · +1 per 👍 from"
                        + " another member (max +5) · +5 for the best answer, awarded by a moderator"
                        + " · +3 each for a mock-interview pair session held");
    }

    @Test
    @DisplayName("an answer earns the configured points")
    void answerPoints() {
        RoundRef round = scoring.rounds.open(GUILD, "2026-12-01", 1, 100, UTC);

        scoring.answers.onMessage(answer(round, 1001, ALICE));

        assertThat(points(ALICE)).isEqualTo(11);
    }

    @Test
    @DisplayName("the streak bonus grows by the configured step per consecutive round and stops at its cap")
    void streakBonus() {
        String[] dates = {"2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"};
        long expected = 0;
        int[] bonuses = {0, 2, 3, 3}; // 0 for the first round, +2, then capped at +3
        for (int i = 0; i < dates.length; i++) {
            RoundRef round = scoring.rounds.open(GUILD, dates[i], i + 1, 200 + i, UTC);
            scoring.answers.onMessage(answer(round, 2001 + i, ALICE));
            expected += 11 + bonuses[i];
            assertThat(points(ALICE)).as("after round %d", i + 1).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("each 👍 earns the configured points, up to the cap per answer; the award its own")
    void votesAndAward() {
        RoundRef round = scoring.rounds.open(GUILD, "2026-12-01", 1, 300, UTC);
        scoring.answers.onMessage(answer(round, 3001, ALICE));

        scoring.answers.onVote(GUILD, round.threadId(), 3001, BOB, false, true);
        assertThat(points(ALICE)).isEqualTo(11 + 2);
        scoring.answers.onVote(GUILD, round.threadId(), 3001, CAROL, false, true);
        assertThat(points(ALICE)).as("two votes: 4, capped at 3").isEqualTo(11 + 3);

        scoring.answers.awardBest(GUILD, round.threadId(), 3001, ALICE, 99);
        assertThat(points(ALICE)).isEqualTo(11 + 3 + 7);
    }

    @Test
    @DisplayName("a setting with negative points, or an answer of no characters, is refused")
    void invalidRefused() {
        assertThatThrownBy(() -> new PointsRules(-1, 1, 5, 1, 5, 5, 40, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PointsRules(10, 1, 5, 1, 5, 5, 0, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ThreadMessage answer(RoundRef round, long id, long author) {
        return new ThreadMessage(GUILD, round.threadId(), id, author, "member " + author, false, ANSWER);
    }

    private long points(long member) {
        return scoring.scores.stats(GUILD, member).allTimePoints();
    }
}
