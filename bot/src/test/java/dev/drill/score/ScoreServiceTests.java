package dev.drill.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.answer.AnswerService;
import dev.drill.answer.ThreadMessage;
import dev.drill.redis.RedisExtension;
import dev.drill.sim.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The read side of scores (boards, stats, recap) over answers recorded through the real write path. */
class ScoreServiceTests {

    static final long GUILD = 901;
    static final long THREAD = 600;
    static final String ANSWER = "Shard by a key with high cardinality and even load, and plan resharding early.";

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension(Duration.ofMillis(500));

    FakeRounds rounds;
    MutableClock clock;
    AnswerService answers;
    ScoreService scores;
    RoundRef round;

    @BeforeEach
    void setUp() {
        ScoringFixture scoring = ScoringFixture.on(REDIS.fixture(), Instant.parse("2026-12-01T10:00:00Z"));
        rounds = scoring.rounds;
        clock = scoring.clock;
        answers = scoring.answers;
        scores = scoring.scores;
        round = rounds.open(GUILD, "2026-12-01", 1, THREAD, ZoneId.of("Europe/Berlin"));
    }

    @Test
    @DisplayName("equal points rank by who reached them first")
    void tiesByArrival() {
        // GIVEN Alice answers before Bob: both have 10
        answer(1001, 1);
        clock.advance(Duration.ofMinutes(5));
        answer(1002, 2);
        assertThat(ranking(BoardPeriod.WEEK)).containsExactly(1L, 2L);

        // WHEN Bob reaches 11 first, then Alice does
        clock.advance(Duration.ofMinutes(5));
        answers.onVote(GUILD, THREAD, 1002, 3, false, true);
        clock.advance(Duration.ofMinutes(5));
        answers.onVote(GUILD, THREAD, 1001, 3, false, true);

        // THEN Bob leads
        assertThat(ranking(BoardPeriod.WEEK)).containsExactly(2L, 1L);
        assertThat(ranking(BoardPeriod.ALL)).containsExactly(2L, 1L);
    }

    @Test
    @DisplayName("the board shows the top ten, and the caller's own line when they are below it")
    void topTenAndCaller() {
        // GIVEN twelve members who answered one after the other
        for (int m = 1; m <= 12; m++) {
            answer(1000 + m, m);
            clock.advance(Duration.ofSeconds(1));
        }

        // WHEN member 12 and member 3 look at the weekly board
        LeaderboardPage twelfth = scores.leaderboard(GUILD, BoardPeriod.WEEK, 12);
        LeaderboardPage third = scores.leaderboard(GUILD, BoardPeriod.WEEK, 3);

        // THEN both see the ten first; only the twelfth also sees their own line
        assertThat(twelfth.label()).isEqualTo("2026-W49");
        assertThat(twelfth.top()).hasSize(10);
        assertThat(twelfth.top().get(0)).isEqualTo(new LeaderboardEntry(1, 1, "member 1", 10));
        assertThat(twelfth.caller()).contains(new LeaderboardEntry(12, 12, "member 12", 10));
        assertThat(third.caller()).isEmpty();
        assertThat(scores.leaderboard(GUILD, BoardPeriod.MONTH, 99).label()).isEqualTo("2026-12");
        assertThat(scores.leaderboard(GUILD, BoardPeriod.MONTH, 99).caller()).isEmpty();
    }

    @Test
    @DisplayName("an empty board is a page with no lines")
    void emptyBoard() {
        LeaderboardPage page = scores.leaderboard(GUILD, BoardPeriod.ALL, 1);

        assertThat(page.top()).isEmpty();
        assertThat(page.caller()).isEmpty();
    }

    @Test
    @DisplayName("stats: points per period, answers, streaks, rank, votes received and awards")
    void stats() {
        answer(1001, 1);
        answer(1002, 2);
        answers.onVote(GUILD, THREAD, 1002, 1, false, true);
        answers.awardBest(GUILD, THREAD, 1002, 2, 99);

        MemberStats bob = scores.stats(GUILD, 2);

        assertThat(bob)
                .isEqualTo(new MemberStats(2, "member 2", 16, 16, 16, 1, 1, 1, java.util.OptionalLong.of(1), 1, 1));
    }

    @Test
    @DisplayName("the current streak shows 0 once the member missed the latest closed round")
    void currentStreakAfterMiss() {
        // GIVEN Alice answered round 1, then round 2 opened and closed without her
        answer(1001, 1);
        rounds.close(round);
        RoundRef second = rounds.open(GUILD, "2026-12-02", 2, THREAD + 1, ZoneId.of("Europe/Berlin"));
        assertThat(scores.stats(GUILD, 1).currentStreak()).isEqualTo(1);

        rounds.close(second);

        MemberStats alice = scores.stats(GUILD, 1);
        assertThat(alice.currentStreak()).isZero();
        assertThat(alice.bestStreak()).isEqualTo(1);
    }

    @Test
    @DisplayName(
            "the recap lists answers, the three most voted (ties: earlier message), the award and the week's top five")
    void recap() {
        // GIVEN six answers; 1001 and 1002 have two votes each, 1004 one; 1003 got the award
        for (int m = 1; m <= 6; m++) {
            answer(1000 + m, m);
        }
        vote(1002, 20);
        vote(1002, 21);
        vote(1001, 20);
        vote(1001, 21);
        vote(1004, 20);
        answers.awardBest(GUILD, THREAD, 1003, 3, 99);

        // WHEN the round feature asks for the recap
        RecapScores recap = scores.recap(GUILD, round);

        // THEN
        assertThat(recap.participants()).isEqualTo(6);
        assertThat(recap.answers())
                .extracting(CountedAnswer::messageId)
                .containsExactly(1001L, 1002L, 1003L, 1004L, 1005L, 1006L);
        assertThat(recap.topVoted())
                .containsExactly(
                        new CountedAnswer(1001, 1, "member 1", 2),
                        new CountedAnswer(1002, 2, "member 2", 2),
                        new CountedAnswer(1004, 4, "member 4", 1));
        assertThat(recap.bestAnswer()).contains(new CountedAnswer(1003, 3, "member 3", 0));
        // member 2 reached 12 points before member 1; member 5 reached 10 before member 6
        assertThat(recap.weekTop()).extracting(LeaderboardEntry::memberId).containsExactly(3L, 2L, 1L, 4L, 5L);
        assertThat(recap.weekTop().get(0).points()).isEqualTo(15);
    }

    @Test
    @DisplayName("answerOf finds a member's counted answer of a round, and nothing for a member without one")
    void answerOf() {
        answer(1001, 1);

        assertThat(scores.answerOf(GUILD, "2026-12-01", 1)).contains(1001L);
        assertThat(scores.answerOf(GUILD, "2026-12-01", 2)).isEmpty();
        assertThat(scores.answerOf(GUILD, "2026-11-30", 1)).isEmpty();
    }

    @Test
    @DisplayName("a member who left still shows with the last name Drill saw")
    void namesOutliveMembers() {
        answers.onMessage(new ThreadMessage(GUILD, THREAD, 1001, 1, "Ada", false, ANSWER));

        assertThat(scores.leaderboard(GUILD, BoardPeriod.ALL, 2).top().get(0).name())
                .isEqualTo("Ada");
    }

    @Test
    @DisplayName("a member whose first event was refused still gets their name stored with their first answer")
    void nameAfterRefusal() {
        // GIVEN Ada's message was deleted before its create arrived, so the create is refused
        answers.onDelete(GUILD, THREAD, 1001);
        answers.onMessage(new ThreadMessage(GUILD, THREAD, 1001, 1, "Ada", false, ANSWER));

        // WHEN her next message counts
        answers.onMessage(new ThreadMessage(GUILD, THREAD, 1002, 1, "Ada", false, ANSWER));

        // THEN the board knows her name
        assertThat(scores.leaderboard(GUILD, BoardPeriod.ALL, 2).top().get(0).name())
                .isEqualTo("Ada");
    }

    // Each event a second later, so ties on the board have a defined order.
    private void answer(long message, long member) {
        clock.advance(Duration.ofSeconds(1));
        answers.onMessage(new ThreadMessage(GUILD, THREAD, message, member, "member " + member, false, ANSWER));
    }

    private void vote(long message, long voter) {
        clock.advance(Duration.ofSeconds(1));
        answers.onVote(GUILD, THREAD, message, voter, false, true);
    }

    private java.util.List<Long> ranking(BoardPeriod period) {
        return scores.leaderboard(GUILD, period, 0).top().stream()
                .map(LeaderboardEntry::memberId)
                .toList();
    }
}
