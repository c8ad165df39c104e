package dev.drill.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.redis.Keys;
import dev.drill.redis.RedisExtension;
import dev.drill.score.BoardPeriod;
import dev.drill.score.FakeRounds;
import dev.drill.score.MemberStats;
import dev.drill.score.RoundRef;
import dev.drill.score.ScoreService;
import dev.drill.score.ScoringFixture;
import dev.drill.sim.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The answer rules end to end: AnswerService, the real ScoreStore and its scripts, an embedded Redis. */
class AnswerServiceTests {

    static final long GUILD = 900;
    static final long THREAD = 500;
    static final long ALICE = 11;
    static final long BOB = 12;
    static final long MODERATOR = 99;
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String ANSWER = "A cache keeps hot data close to the reader; invalidate on write or use TTLs.";
    static final String SHORT = "+1, same here";

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
        round = rounds.open(GUILD, "2026-12-01", 1, THREAD, BERLIN);
    }

    @Test
    @DisplayName("an answer counts once, however often its event is delivered")
    void redeliveredAnswerCountsOnce() {
        // GIVEN Alice's answer
        ThreadMessage message = message(1001, ALICE, ANSWER);

        // WHEN the gateway delivers it three times
        answers.onMessage(message);
        answers.onMessage(message);
        answers.onMessage(message);

        // THEN it earned +10 once
        MemberStats alice = scores.stats(GUILD, ALICE);
        assertThat(alice.allTimePoints()).isEqualTo(10);
        assertThat(alice.weekPoints()).isEqualTo(10);
        assertThat(alice.monthPoints()).isEqualTo(10);
        assertThat(alice.answers()).isEqualTo(1);
    }

    @Test
    @DisplayName("a member's later qualifying messages are discussion, not answers")
    void firstQualifyingMessageIsTheAnswer() {
        answers.onMessage(message(1001, ALICE, SHORT));
        answers.onMessage(message(1002, ALICE, ANSWER));

        answers.onMessage(message(1003, ALICE, ANSWER + " And another thought."));

        assertThat(scores.stats(GUILD, ALICE).allTimePoints()).isEqualTo(10);
        assertThat(scores.answerOf(GUILD, "2026-12-01", ALICE)).contains(1002L);
    }

    @Test
    @DisplayName("short messages, zero-width padding, bots and webhooks never make an answer")
    void nonQualifyingMessages() {
        answers.onMessage(message(1001, ALICE, SHORT));
        answers.onMessage(message(1002, ALICE, "Just use Redis." + "\u200B".repeat(60)));
        answers.onMessage(new ThreadMessage(GUILD, THREAD, 1003, BOB, "bot", true, ANSWER));

        assertThat(scores.stats(GUILD, ALICE).answers()).isZero();
        assertThat(scores.stats(GUILD, BOB).answers()).isZero();
        assertThat(scores.answerOf(GUILD, "2026-12-01", ALICE)).isEmpty();
    }

    @Test
    @DisplayName("messages in a thread that is no round's thread are ignored")
    void otherThread() {
        answers.onMessage(new ThreadMessage(GUILD, THREAD + 1, 1001, ALICE, "Alice", false, ANSWER));

        assertThat(scores.stats(GUILD, ALICE).answers()).isZero();
    }

    @Test
    @DisplayName(
            "the original message event, replayed after the answer was edited away (a RESUME, a catch-up), counts nothing")
    void replayedCreateAfterWithdrawalCountsNothing() {
        // GIVEN Alice's answer, then edited below the minimum: withdrawn, and she may answer again
        ThreadMessage original = message(1001, ALICE, ANSWER);
        answers.onMessage(original);
        answers.onEdit(message(1001, ALICE, SHORT), at(1));

        // WHEN the gateway replays the message's create event with its old content
        answers.onMessage(original);

        // THEN the event id recorded the first time refuses it: still no answer and no points
        MemberStats alice = scores.stats(GUILD, ALICE);
        assertThat(alice.allTimePoints()).isZero();
        assertThat(alice.answers()).isZero();
    }

    @Test
    @DisplayName("an answer edited below 40 visible characters loses its points; a replay of the edit changes nothing")
    void editTooShortWithdraws() {
        // GIVEN Alice's counted answer
        answers.onMessage(message(1001, ALICE, ANSWER));

        // WHEN she edits it down to a one-liner, and that edit event arrives twice
        answers.onEdit(message(1001, ALICE, SHORT), at(1));
        answers.onEdit(message(1001, ALICE, SHORT), at(1));

        // THEN she has no answer and no points
        MemberStats alice = scores.stats(GUILD, ALICE);
        assertThat(alice.allTimePoints()).isZero();
        assertThat(alice.answers()).isZero();
        assertThat(scores.answerOf(GUILD, "2026-12-01", ALICE)).isEmpty();
    }

    @Test
    @DisplayName("an answer edited back into shape counts again; a late replay of the older edit does not undo it")
    void editBackCounts() {
        answers.onMessage(message(1001, ALICE, ANSWER));
        answers.onEdit(message(1001, ALICE, SHORT), at(1));

        answers.onEdit(message(1001, ALICE, ANSWER), at(2));
        answers.onEdit(message(1001, ALICE, SHORT), at(1));

        assertThat(scores.stats(GUILD, ALICE).allTimePoints()).isEqualTo(10);
    }

    @Test
    @DisplayName("a discussion message edited into a qualifying one becomes the answer when the member has none")
    void editIntoAnswer() {
        answers.onMessage(message(1001, ALICE, SHORT));

        answers.onEdit(message(1001, ALICE, ANSWER), at(1));

        assertThat(scores.stats(GUILD, ALICE).allTimePoints()).isEqualTo(10);
        assertThat(scores.answerOf(GUILD, "2026-12-01", ALICE)).contains(1001L);
    }

    @Test
    @DisplayName("a discussion message edited into a qualifying one stays discussion when the member has an answer")
    void editIntoSecondAnswer() {
        answers.onMessage(message(1001, ALICE, ANSWER));
        answers.onMessage(message(1002, ALICE, SHORT));

        answers.onEdit(message(1002, ALICE, ANSWER), at(1));

        assertThat(scores.stats(GUILD, ALICE).allTimePoints()).isEqualTo(10);
        assertThat(scores.answerOf(GUILD, "2026-12-01", ALICE)).contains(1001L);
    }

    @Test
    @DisplayName("deleting the counted answer withdraws it; a redelivered create afterwards does nothing")
    void deleteWithdraws() {
        // GIVEN Alice's counted answer with a vote
        answers.onMessage(message(1001, ALICE, ANSWER));
        answers.onVote(GUILD, THREAD, 1001, BOB, false, true);

        // WHEN she deletes it and the gateway then redelivers its create
        answers.onDelete(GUILD, THREAD, 1001);
        answers.onMessage(message(1001, ALICE, ANSWER));

        // THEN nothing of it is left
        MemberStats alice = scores.stats(GUILD, ALICE);
        assertThat(alice.allTimePoints()).isZero();
        assertThat(alice.answers()).isZero();
        assertThat(alice.votes()).isZero();
        assertThat(scores.leaderboard(GUILD, BoardPeriod.ALL, BOB).top()).isEmpty();
    }

    @Test
    @DisplayName(
            "a delete that reaches us before its create (another instance, a replay) stops the create from counting")
    void deleteBeforeCreate() {
        answers.onDelete(GUILD, THREAD, 1001);

        answers.onMessage(message(1001, ALICE, ANSWER));

        assertThat(scores.stats(GUILD, ALICE).answers()).isZero();
    }

    @Test
    @DisplayName("after deleting her answer, the member's next qualifying message becomes her answer")
    void answerAgainAfterDelete() {
        answers.onMessage(message(1001, ALICE, ANSWER));
        answers.onDelete(GUILD, THREAD, 1001);

        answers.onMessage(message(1002, ALICE, ANSWER));

        assertThat(scores.answerOf(GUILD, "2026-12-01", ALICE)).contains(1002L);
        assertThat(scores.stats(GUILD, ALICE).allTimePoints()).isEqualTo(10);
    }

    @Test
    @DisplayName("messages, edits, deletes and votes after the round closed do not count")
    void closedRoundIgnored() {
        // GIVEN Alice's answer, then the round closes
        answers.onMessage(message(1001, ALICE, ANSWER));
        rounds.close(round);

        // WHEN Bob answers late, Alice deletes hers, and Bob votes
        answers.onMessage(message(1002, BOB, ANSWER));
        answers.onVote(GUILD, THREAD, 1001, BOB, false, true);
        answers.onEdit(message(1001, ALICE, SHORT), at(1));
        answers.onDelete(GUILD, THREAD, 1001);

        // THEN the scores are those at closing
        assertThat(scores.stats(GUILD, ALICE).allTimePoints()).isEqualTo(10);
        assertThat(scores.stats(GUILD, BOB).allTimePoints()).isZero();
    }

    @Test
    @DisplayName("a 👍 from another member is +1; a redelivered add counts once; removing it takes it back")
    void voteAddAndRemove() {
        answers.onMessage(message(1001, ALICE, ANSWER));

        answers.onVote(GUILD, THREAD, 1001, BOB, false, true);
        answers.onVote(GUILD, THREAD, 1001, BOB, false, true);
        assertThat(scores.stats(GUILD, ALICE).allTimePoints()).isEqualTo(11);
        assertThat(scores.stats(GUILD, ALICE).votes()).isEqualTo(1);

        answers.onVote(GUILD, THREAD, 1001, BOB, false, false);
        answers.onVote(GUILD, THREAD, 1001, BOB, false, false);
        assertThat(scores.stats(GUILD, ALICE).allTimePoints()).isEqualTo(10);
        assertThat(scores.stats(GUILD, ALICE).votes()).isZero();
    }

    @Test
    @DisplayName("self-votes and bot votes do not count, and removing them takes nothing away")
    void selfAndBotVotes() {
        answers.onMessage(message(1001, ALICE, ANSWER));

        answers.onVote(GUILD, THREAD, 1001, ALICE, false, true);
        answers.onVote(GUILD, THREAD, 1001, 77, true, true);
        answers.onVote(GUILD, THREAD, 1001, 77, false, false);
        answers.onVote(GUILD, THREAD, 1001, ALICE, false, false);

        assertThat(scores.stats(GUILD, ALICE).allTimePoints()).isEqualTo(10);
        assertThat(scores.stats(GUILD, ALICE).votes()).isZero();
    }

    @Test
    @DisplayName("votes earn at most +5 per answer; removals below the cap take points back")
    void voteCap() {
        answers.onMessage(message(1001, ALICE, ANSWER));

        for (long voter = 100; voter < 107; voter++) {
            answers.onVote(GUILD, THREAD, 1001, voter, false, true);
        }
        assertThat(scores.stats(GUILD, ALICE).allTimePoints()).isEqualTo(15);
        assertThat(scores.stats(GUILD, ALICE).votes()).isEqualTo(7);

        answers.onVote(GUILD, THREAD, 1001, 100, false, false);
        answers.onVote(GUILD, THREAD, 1001, 101, false, false);
        assertThat(scores.stats(GUILD, ALICE).allTimePoints()).isEqualTo(15);
        answers.onVote(GUILD, THREAD, 1001, 102, false, false);
        assertThat(scores.stats(GUILD, ALICE).allTimePoints()).isEqualTo(14);
    }

    @Test
    @DisplayName(
            "when a moderator clears all reactions at once, the votes are taken back; a vote after that counts again")
    void votesCleared() {
        // GIVEN Alice's answer with three votes
        answers.onMessage(message(1001, ALICE, ANSWER));
        for (long voter = 100; voter < 103; voter++) {
            answers.onVote(GUILD, THREAD, 1001, voter, false, true);
        }

        // WHEN all its reactions are removed, and the event is delivered twice
        answers.onVotesCleared(GUILD, THREAD, 1001);
        answers.onVotesCleared(GUILD, THREAD, 1001);

        // THEN the votes are gone, and a member who reacts again counts again
        assertThat(scores.stats(GUILD, ALICE).allTimePoints()).isEqualTo(10);
        assertThat(scores.stats(GUILD, ALICE).votes()).isZero();
        answers.onVote(GUILD, THREAD, 1001, 100, false, true);
        assertThat(scores.stats(GUILD, ALICE).allTimePoints()).isEqualTo(11);
    }

    @Test
    @DisplayName("a 👍 on a message that is not a counted answer does nothing")
    void voteOnDiscussion() {
        answers.onMessage(message(1001, ALICE, SHORT));

        answers.onVote(GUILD, THREAD, 1001, BOB, false, true);

        assertThat(scores.stats(GUILD, ALICE).allTimePoints()).isZero();
    }

    @Test
    @DisplayName("the best-answer award is +5, once per round, also after the round closed")
    void awardOnce() {
        answers.onMessage(message(1001, ALICE, ANSWER));
        answers.onMessage(message(1002, BOB, ANSWER));
        rounds.close(round);

        assertThat(answers.awardBest(GUILD, THREAD, 1001, ALICE, MODERATOR)).isEqualTo(AwardOutcome.AWARDED);
        assertThat(answers.awardBest(GUILD, THREAD, 1001, ALICE, MODERATOR)).isEqualTo(AwardOutcome.ALREADY_AWARDED);
        assertThat(answers.awardBest(GUILD, THREAD, 1002, BOB, MODERATOR)).isEqualTo(AwardOutcome.ALREADY_AWARDED);

        assertThat(scores.stats(GUILD, ALICE).allTimePoints()).isEqualTo(15);
        assertThat(scores.stats(GUILD, ALICE).awards()).isEqualTo(1);
        assertThat(scores.stats(GUILD, BOB).allTimePoints()).isEqualTo(10);
    }

    @Test
    @DisplayName("a moderator cannot award their own answer: refused, and no points or award move")
    void ownAnswerRefused() {
        answers.onMessage(message(1001, ALICE, ANSWER));

        assertThat(answers.awardBest(GUILD, THREAD, 1001, ALICE, ALICE)).isEqualTo(AwardOutcome.OWN_ANSWER);

        assertThat(scores.stats(GUILD, ALICE).allTimePoints()).isEqualTo(10);
        assertThat(scores.stats(GUILD, ALICE).awards()).isZero();
        // AND another moderator still can
        assertThat(answers.awardBest(GUILD, THREAD, 1001, ALICE, MODERATOR)).isEqualTo(AwardOutcome.AWARDED);
    }

    @Test
    @DisplayName("only a counted answer of a round can be awarded")
    void awardNeedsAnswer() {
        answers.onMessage(message(1001, ALICE, SHORT));

        assertThat(answers.awardBest(GUILD, THREAD, 1001, ALICE, MODERATOR)).isEqualTo(AwardOutcome.NOT_AN_ANSWER);
        assertThat(answers.awardBest(GUILD, THREAD + 1, 1001, ALICE, MODERATOR)).isEqualTo(AwardOutcome.NOT_AN_ANSWER);
    }

    @Test
    @DisplayName("deleting the awarded answer takes the award back and lets a moderator award another")
    void deleteAwarded() {
        answers.onMessage(message(1001, ALICE, ANSWER));
        answers.onMessage(message(1002, BOB, ANSWER));
        answers.awardBest(GUILD, THREAD, 1001, ALICE, MODERATOR);

        answers.onDelete(GUILD, THREAD, 1001);

        assertThat(scores.stats(GUILD, ALICE).awards()).isZero();
        assertThat(answers.awardBest(GUILD, THREAD, 1002, BOB, MODERATOR)).isEqualTo(AwardOutcome.AWARDED);
    }

    @Test
    @DisplayName("answering consecutive rounds (Fri, Mon, Tue) earns +1 then +2 of streak bonus")
    void streakBonusAcrossWeekend() {
        // GIVEN rounds on Friday, Monday and Tuesday: seq 1, 2, 3
        answerRound("2026-12-04", 1, 1001);
        answerRound("2026-12-07", 2, 1002);
        answerRound("2026-12-08", 3, 1003);

        MemberStats alice = scores.stats(GUILD, ALICE);
        assertThat(alice.allTimePoints()).isEqualTo(10 + 11 + 12);
        assertThat(alice.currentStreak()).isEqualTo(3);
        assertThat(alice.bestStreak()).isEqualTo(3);
    }

    @Test
    @DisplayName("the streak bonus stops at +5")
    void streakBonusCap() {
        for (int seq = 1; seq <= 8; seq++) {
            answerRound("2026-12-0" + seq, seq, 1000 + seq);
        }

        // 10+11+12+13+14+15+15+15
        assertThat(scores.stats(GUILD, ALICE).allTimePoints()).isEqualTo(105);
    }

    @Test
    @DisplayName("a missed round breaks the streak; the best streak stays")
    void gapBreaksStreak() {
        answerRound("2026-12-01", 1, 1001);
        answerRound("2026-12-02", 2, 1002);

        answerRound("2026-12-04", 4, 1004);

        MemberStats alice = scores.stats(GUILD, ALICE);
        assertThat(alice.allTimePoints()).isEqualTo(10 + 11 + 10);
        assertThat(alice.currentStreak()).isEqualTo(1);
        assertThat(alice.bestStreak()).isEqualTo(2);
    }

    @Test
    @DisplayName("withdrawing an answer restores the streak to what it was before it")
    void withdrawRestoresStreak() {
        answerRound("2026-12-01", 1, 1001);
        answerRound("2026-12-02", 2, 1002);
        RoundRef third = answerRound("2026-12-03", 3, 1003);

        answers.onDelete(GUILD, third.threadId(), 1003);

        MemberStats alice = scores.stats(GUILD, ALICE);
        assertThat(alice.allTimePoints()).isEqualTo(21);
        assertThat(alice.currentStreak()).isEqualTo(2);
        assertThat(alice.bestStreak()).isEqualTo(2);

        // and a new answer in the same round continues from there
        answers.onMessage(new ThreadMessage(GUILD, third.threadId(), 1004, ALICE, "Alice", false, ANSWER));
        assertThat(scores.stats(GUILD, ALICE).allTimePoints()).isEqualTo(33);
        assertThat(scores.stats(GUILD, ALICE).bestStreak()).isEqualTo(3);
    }

    @Test
    @DisplayName("points go to the week and month of the answer's round, and a withdrawal leaves the same boards")
    void periodsOfTheRound() {
        // GIVEN a round on New Year's Eve, answered, then voted on in January
        RoundRef eve = rounds.open(GUILD, "2026-12-31", 7, 777, BERLIN);
        answers.onMessage(new ThreadMessage(GUILD, 777, 2001, ALICE, "Alice", false, ANSWER));
        clock.set(Instant.parse("2027-01-04T10:00:00Z"));
        answers.onVote(GUILD, 777, 2001, BOB, false, true);

        // THEN all 11 points sit on 2026-W53 and 2026-12, none on January's boards
        assertThat(zscorePoints(Keys.boardWeek(GUILD, "2026-W53"), ALICE)).isEqualTo(11);
        assertThat(zscorePoints(Keys.boardMonth(GUILD, "2026-12"), ALICE)).isEqualTo(11);
        assertThat(scores.stats(GUILD, ALICE).monthPoints()).isZero();

        // WHEN the answer is deleted in January (the round still open)
        answers.onDelete(GUILD, eve.threadId(), 2001);

        // THEN it leaves those same boards
        assertThat(REDIS.template().opsForZSet().zCard(Keys.boardWeek(GUILD, "2026-W53")))
                .isZero();
        assertThat(REDIS.template().opsForZSet().zCard(Keys.boardMonth(GUILD, "2026-12")))
                .isZero();
    }

    @Test
    @DisplayName(
            "with two rounds open, withdrawing the later answer never lets the member answer the earlier round twice")
    void overlappingRounds() {
        // GIVEN rounds 1 and 2 both open; Alice answers round 2 first, then round 1
        RoundRef first = rounds.open(GUILD, "2026-12-02", 1, 801, BERLIN);
        RoundRef second = rounds.open(GUILD, "2026-12-03", 2, 802, BERLIN);
        answers.onMessage(new ThreadMessage(GUILD, second.threadId(), 2002, ALICE, "Alice", false, ANSWER));
        answers.onMessage(new ThreadMessage(GUILD, first.threadId(), 2001, ALICE, "Alice", false, ANSWER));

        // WHEN her round-2 answer is deleted, then she posts again in round 1 and edits her round-1 answer
        answers.onDelete(GUILD, second.threadId(), 2002);
        answers.onMessage(new ThreadMessage(GUILD, first.threadId(), 2003, ALICE, "Alice", false, ANSWER));
        answers.onEdit(new ThreadMessage(GUILD, first.threadId(), 2001, ALICE, "Alice", false, ANSWER + "!"), at(5));

        // THEN round 1 still has exactly one answer of hers, worth 10
        MemberStats alice = scores.stats(GUILD, ALICE);
        assertThat(alice.answers()).isEqualTo(1);
        assertThat(alice.allTimePoints()).isEqualTo(10);
        assertThat(scores.answerOf(GUILD, "2026-12-02", ALICE)).contains(2001L);
    }

    @Test
    @DisplayName("a late vote on last week's answer lands on last week's board, after the member scored this week")
    void lateVoteOnOlderWeek() {
        // GIVEN Alice answered Friday of week 49 and Monday of week 50, both rounds still open
        RoundRef friday = answerRound("2026-12-04", 1, 1001);
        answerRound("2026-12-07", 2, 1002);

        // WHEN Bob votes on Friday's answer, then takes the vote back, then votes again
        answers.onVote(GUILD, friday.threadId(), 1001, BOB, false, true);
        answers.onVote(GUILD, friday.threadId(), 1001, BOB, false, false);
        answers.onVote(GUILD, friday.threadId(), 1001, BOB, false, true);

        // THEN week 49 has Friday's 10 + 1, week 50 only Monday's 11, all time both
        assertThat(zscorePoints(Keys.boardWeek(GUILD, "2026-W49"), ALICE)).isEqualTo(11);
        assertThat(zscorePoints(Keys.boardWeek(GUILD, "2026-W50"), ALICE)).isEqualTo(11);
        assertThat(zscorePoints(Keys.boardMonth(GUILD, "2026-12"), ALICE)).isEqualTo(22);
        assertThat(zscorePoints(Keys.boardAllTime(GUILD), ALICE)).isEqualTo(22);

        // and a vote on Monday's answer still adds to week 50, not to the week last written
        answers.onVote(GUILD, 10_002, 1002, BOB, false, true);
        assertThat(zscorePoints(Keys.boardWeek(GUILD, "2026-W50"), ALICE)).isEqualTo(12);
        assertThat(zscorePoints(Keys.boardWeek(GUILD, "2026-W49"), ALICE)).isEqualTo(11);
    }

    @Test
    @DisplayName("voiding a round withdraws every answer, once, and refuses later answers")
    void voidRound() {
        // GIVEN two answers with a vote and an award, on top of Alice's earlier round
        answerRound("2026-11-30", 0, 900);
        answers.onMessage(message(1001, ALICE, ANSWER));
        answers.onMessage(message(1002, BOB, ANSWER));
        answers.onVote(GUILD, THREAD, 1001, BOB, false, true);
        answers.awardBest(GUILD, THREAD, 1002, BOB, MODERATOR);

        // WHEN an admin skips the round, twice
        scores.voidRound(GUILD, round);
        scores.voidRound(GUILD, round);
        answers.onMessage(message(1003, BOB, ANSWER + " again"));

        // THEN only Alice's earlier answer is left, with its streak
        MemberStats alice = scores.stats(GUILD, ALICE);
        assertThat(alice.allTimePoints()).isEqualTo(10);
        assertThat(alice.answers()).isEqualTo(1);
        assertThat(alice.votes()).isZero();
        assertThat(alice.bestStreak()).isEqualTo(1);
        MemberStats bob = scores.stats(GUILD, BOB);
        assertThat(bob.allTimePoints()).isZero();
        assertThat(bob.awards()).isZero();
        assertThat(scores.recap(GUILD, round).answers()).isEmpty();
    }

    private RoundRef answerRound(String date, long seq, long messageId) {
        long thread = 10_000 + seq;
        RoundRef r = rounds.open(GUILD, date, seq, thread, BERLIN);
        answers.onMessage(new ThreadMessage(GUILD, thread, messageId, ALICE, "Alice", false, ANSWER));
        return r;
    }

    private long zscorePoints(String board, long member) {
        Double score = REDIS.template().opsForZSet().score(board, Long.toString(member));
        return score == null ? 0 : (long) Math.floor(score / 1e10);
    }

    static ThreadMessage message(long id, long author, String content) {
        return new ThreadMessage(GUILD, THREAD, id, author, author == ALICE ? "Alice" : "Bob", false, content);
    }

    private static Instant at(int minutes) {
        return Instant.parse("2026-12-01T10:00:00Z").plusSeconds(60L * minutes);
    }
}
