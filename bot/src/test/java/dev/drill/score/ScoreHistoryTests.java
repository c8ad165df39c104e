package dev.drill.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.answer.AnswerService;
import dev.drill.answer.ThreadMessage;
import dev.drill.redis.Keys;
import dev.drill.redis.RedisExtension;
import dev.drill.sim.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the pictures read: each member's rank on the previous week's and month's board, their points per week
 * for the last 12 weeks and the days they answered a round, all through the real write path and scripts.
 */
class ScoreHistoryTests {

    static final long GUILD = 902;
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String ANSWER = "Shard by a key with high cardinality and even load, and plan resharding early.";

    // A generous timeout: the first connection of a loaded machine can take longer than 500 ms.
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension(Duration.ofSeconds(5));

    FakeRounds rounds;
    MutableClock clock;
    AnswerService answers;
    ScoreService scores;

    @BeforeEach
    void setUp() {
        // Tuesday 2026-12-01, ISO week 2026-W49
        ScoringFixture scoring = ScoringFixture.on(REDIS.fixture(), Instant.parse("2026-12-01T10:00:00Z"));
        rounds = scoring.rounds;
        clock = scoring.clock;
        answers = scoring.answers;
        scores = scoring.scores;
    }

    @Test
    @DisplayName("the week board carries each shown member's rank on last week's board; a newcomer has none")
    void previousWeekRanks() {
        // GIVEN last week (W48) member 2 led member 1 (a vote), and this week member 1 and member 3 answered
        RoundRef lastWeek = rounds.open(GUILD, "2026-11-24", 1, 700, BERLIN);
        answer(700, 1701, 1);
        answer(700, 1702, 2);
        answers.onVote(GUILD, 700, 1702, 1, false, true);
        rounds.close(lastWeek);
        rounds.open(GUILD, "2026-12-01", 2, 701, BERLIN);
        answer(701, 1711, 1);
        answer(701, 1713, 3);

        // WHEN member 3 looks at the week and the month boards
        LeaderboardPage week = scores.leaderboard(GUILD, BoardPeriod.WEEK, 3);
        LeaderboardPage month = scores.leaderboard(GUILD, BoardPeriod.MONTH, 3);
        LeaderboardPage all = scores.leaderboard(GUILD, BoardPeriod.ALL, 3);

        // THEN member 1 was second last week, member 3 was not on it
        assertThat(week.top()).extracting(LeaderboardEntry::memberId).containsExactly(1L, 3L);
        assertThat(week.previousLabel()).contains("2026-W48");
        assertThat(week.previousRanks()).isEqualTo(Map.of(1L, 2L));
        assertThat(week.previousRank(3)).isEmpty();
        // November's board is December's previous one
        assertThat(month.previousLabel()).contains("2026-11");
        assertThat(month.previousRanks()).isEqualTo(Map.of(1L, 2L));
        // all time has no previous period
        assertThat(all.previousLabel()).isEmpty();
        assertThat(all.previousRanks()).isEmpty();
    }

    @Test
    @DisplayName("the caller below the top ten gets their previous rank too")
    void callerPreviousRank() {
        RoundRef lastWeek = rounds.open(GUILD, "2026-11-24", 1, 700, BERLIN);
        answer(700, 1799, 99);
        rounds.close(lastWeek);
        // round 3, not 2: no streak bonus lifts member 99 into the top ten
        rounds.open(GUILD, "2026-12-01", 3, 701, BERLIN);
        for (int m = 1; m <= 11; m++) {
            answer(701, 1800 + m, m);
        }
        answer(701, 1899, 99);

        LeaderboardPage page = scores.leaderboard(GUILD, BoardPeriod.WEEK, 99);

        assertThat(page.caller()).isPresent();
        assertThat(page.previousRank(99)).hasValue(1);
    }

    @Test
    @DisplayName("progress: points on each of the last 12 weeks (oldest first) and the days answered")
    void progress() {
        // GIVEN member 1 answered on 2026-09-08 (W37: outside the window), 2026-11-24 (W48) and today (W49)
        // (rounds 1, 5 and 6 of the guild: only round 6 follows an answered round, +1 streak bonus)
        answerRound("2026-09-08", 1, 700, 1701, 1);
        answerRound("2026-11-24", 5, 701, 1702, 1);
        answerRound("2026-12-01", 6, 702, 1703, 1);

        MemberProgress progress = scores.progress(GUILD, 1);

        assertThat(progress.today()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(progress.weeks()).hasSize(12).startsWith("2026-W38").endsWith("2026-W48", "2026-W49");
        List<Long> expected = new java.util.ArrayList<>(Collections.nCopies(10, 0L));
        expected.add(10L);
        expected.add(11L);
        assertThat(progress.weekPoints()).isEqualTo(expected);
        assertThat(progress.answered())
                .containsExactlyInAnyOrder(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 12, 1));
    }

    @Test
    @DisplayName("a withdrawn answer leaves the calendar; a redelivered one is there once")
    void withdrawnAnswerLeavesTheCalendar() {
        rounds.open(GUILD, "2026-11-30", 1, 700, BERLIN);
        answer(700, 1701, 1);
        answer(700, 1701, 1); // redelivered
        assertThat(scores.progress(GUILD, 1).answered()).containsExactly(LocalDate.of(2026, 11, 30));
        assertThat(REDIS.template().opsForZSet().size(Keys.answeredDays(GUILD, 1)))
                .isEqualTo(1);

        answers.onDelete(GUILD, 700, 1701);

        assertThat(scores.progress(GUILD, 1).answered()).isEmpty();
        // and answering again in the same round puts the day back
        answer(700, 1702, 1);
        assertThat(scores.progress(GUILD, 1).answered()).containsExactly(LocalDate.of(2026, 11, 30));
    }

    @Test
    @DisplayName("a skipped (voided) round leaves every author's calendar")
    void voidedRoundLeavesTheCalendar() {
        RoundRef round = rounds.open(GUILD, "2026-11-30", 1, 700, BERLIN);
        answer(700, 1701, 1);
        answer(700, 1702, 2);

        scores.voidRound(GUILD, round);

        assertThat(scores.progress(GUILD, 1).answered()).isEmpty();
        assertThat(scores.progress(GUILD, 2).answered()).isEmpty();
    }

    @Test
    @DisplayName("only the last 14 weeks of answered days are kept")
    void oldDaysAreTrimmed() {
        answerRound("2026-06-01", 1, 700, 1701, 1);
        answerRound("2026-12-01", 2, 701, 1702, 1);

        assertThat(REDIS.template().opsForZSet().range(Keys.answeredDays(GUILD, 1), 0, -1))
                .containsExactly("2026-12-01");
    }

    private RoundRef answerRound(String date, long seq, long thread, long message, long member) {
        RoundRef round = rounds.open(GUILD, date, seq, thread, BERLIN);
        answer(thread, message, member);
        rounds.close(round);
        return round;
    }

    private void answer(long thread, long message, long member) {
        clock.advance(Duration.ofSeconds(1));
        answers.onMessage(new ThreadMessage(GUILD, thread, message, member, "member " + member, false, ANSWER));
    }
}
