package dev.drill.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drill.redis.RedisFixture;
import dev.drill.score.ScoreRetryQueue;
import dev.drill.score.ScoreService;
import dev.drill.score.ScoringFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scores survive a Redis restart (AOF) and a Redis outage while events arrive (the retry queue). */
class ScoreDurabilityTests {

    static final long GUILD = 902;
    static final long THREAD = 700;
    static final String ANSWER = "Idempotency keys make retries safe: the second attempt finds the key and stops.";

    @TempDir
    Path dir;

    RedisFixture redis;
    ScoreRetryQueue queue;
    AnswerService answers;
    ScoreService scores;

    @BeforeEach
    void setUp() {
        redis = RedisFixture.start(dir);
        ScoringFixture scoring = ScoringFixture.on(redis, Instant.parse("2026-12-01T10:00:00Z"));
        queue = scoring.queue;
        answers = scoring.answers;
        scores = scoring.scores;
        scoring.rounds.open(GUILD, "2026-12-01", 1, THREAD, ZoneId.of("UTC"));
    }

    @AfterEach
    void tearDown() {
        queue.destroy();
        redis.close();
    }

    @Test
    @DisplayName("a Redis restart keeps the scores and the memory of events already counted")
    void restartKeepsScores() {
        // GIVEN an answer with a vote
        answers.onMessage(message(1001, 1));
        answers.onVote(GUILD, THREAD, 1001, 2, false, true);

        // WHEN Redis stops and starts again from its AOF, and the gateway redelivers the answer
        redis.server().stop();
        redis.server().start();
        await().atMost(Duration.ofSeconds(20))
                .ignoreExceptions()
                .untilAsserted(
                        () -> assertThat(scores.stats(GUILD, 1).allTimePoints()).isEqualTo(11));
        answers.onMessage(message(1001, 1));

        // THEN the score is the same
        assertThat(scores.stats(GUILD, 1).allTimePoints()).isEqualTo(11);
        assertThat(scores.stats(GUILD, 1).answers()).isEqualTo(1);
        assertThat(queue.size()).isZero();
    }

    @Test
    @DisplayName(
            "events that arrive while Redis is down wait in the retry queue and are all applied, in order, once it is back")
    void blipLosesNothing() {
        // GIVEN Redis is down
        redis.server().stop();

        // WHEN an answer, a second qualifying message of the same member and a vote arrive
        answers.onMessage(message(1001, 1));
        answers.onMessage(message(1002, 1));
        answers.onVote(GUILD, THREAD, 1001, 2, false, true);

        // THEN they wait
        assertThat(queue.size()).isEqualTo(3);

        // WHEN Redis is back
        redis.server().start();
        await().atMost(Duration.ofSeconds(30)).until(() -> queue.size() == 0);

        // THEN everything counted, the first message is the answer, and nothing counted twice
        assertThat(scores.stats(GUILD, 1).allTimePoints()).isEqualTo(11);
        assertThat(scores.answerOf(GUILD, "2026-12-01", 1)).contains(1001L);
    }

    private static ThreadMessage message(long id, long author) {
        return new ThreadMessage(GUILD, THREAD, id, author, "member " + author, false, ANSWER);
    }
}
