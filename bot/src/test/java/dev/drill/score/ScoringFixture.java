package dev.drill.score;

import dev.drill.answer.AnswerService;
import dev.drill.ops.DrillMetrics;
import dev.drill.redis.RedisFixture;
import dev.drill.sim.MutableClock;
import java.time.Instant;

/**
 * The scoring stack as production wires it, on a real Redis: the store and its Lua scripts, the score
 * service, the answer service with its retry queue, rounds held in memory and a clock that tests move.
 * One set-up for every test of answers and points.
 */
public final class ScoringFixture {

    public final FakeRounds rounds = new FakeRounds();
    public final MutableClock clock;
    public final PointsRules rules;
    public final ScoreStore store;
    public final ScoreRetryQueue queue = new ScoreRetryQueue();
    public final ScoreService scores;
    public final AnswerService answers;

    private ScoringFixture(RedisFixture redis, Instant now, PointsRules rules) {
        this.clock = new MutableClock(now);
        this.rules = rules;
        this.store = new ScoreStore(redis.template(), rules);
        this.scores = new ScoreService(store, rounds, clock);
        this.answers = new AnswerService(rounds, store, queue, clock, DrillMetrics.none());
    }

    /** Scoring with the default points, at {@code now}. */
    public static ScoringFixture on(RedisFixture redis, Instant now) {
        return new ScoringFixture(redis, now, PointsRules.DEFAULTS);
    }

    /** Scoring with other points, e.g. to show the scripts follow the rules they are given. */
    public static ScoringFixture on(RedisFixture redis, Instant now, PointsRules rules) {
        return new ScoringFixture(redis, now, rules);
    }
}
