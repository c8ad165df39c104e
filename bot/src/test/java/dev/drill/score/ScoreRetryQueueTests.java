package dev.drill.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.ops.DrillMetrics;
import io.lettuce.core.RedisCommandExecutionException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;

/**
 * The retry queue driven by hand: its retries are scheduled on {@link ManualRetries}, which runs them only when
 * a test says so, so no test sleeps or races the worker.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScoreRetryQueueTests {

    private final AtomicBoolean redisUp = new AtomicBoolean(true);
    private final List<String> applied = new ArrayList<>();
    private final ManualRetries retries = new ManualRetries();
    private ScoreRetryQueue queue = new ScoreRetryQueue(ScoreRetryQueue.DEFAULT_CAPACITY, retries);

    @AfterEach
    void tearDown() {
        queue.destroy();
    }

    @Test
    @DisplayName("a write runs at once while Redis is up")
    void runsNow() {
        queue.submit(() -> "a", write("a"));

        assertThat(applied).containsExactly("a");
        assertThat(queue.size()).isZero();
        assertThat(retries.scheduled()).isZero();
    }

    @Test
    @DisplayName("writes that fail for lack of Redis wait, later ones queue behind them, and all apply in order")
    void keepsOrder() {
        // GIVEN Redis is down while two writes arrive
        redisUp.set(false);
        queue.submit(() -> "a", write("a"));
        queue.submit(() -> "b", write("b"));
        assertThat(queue.flush()).isFalse();

        // WHEN Redis is back and a third arrives before the retry
        redisUp.set(true);
        queue.submit(() -> "c", write("c"));

        // THEN the third waits its turn
        assertThat(applied).isEmpty();
        assertThat(queue.flush()).isTrue();
        assertThat(applied).containsExactly("a", "b", "c");
    }

    @Test
    @DisplayName("a poison write (it throws every time) is parked after 3 tries, and the writes behind it go on")
    void poisonIsParked(CapturedOutput log) {
        // GIVEN a write that fails with a bug, not a Redis outage, every time it runs
        AtomicInteger tries = new AtomicInteger();
        queue.submit(() -> "answer 1001", () -> {
            tries.incrementAndGet();
            throw new IllegalStateException("member text: my secret answer");
        });
        // AND two writes that arrive behind it
        queue.submit(() -> "answer 1002", write("b"));
        queue.submit(() -> "vote on 1002 by 7", write("c"));
        assertThat(tries).hasValue(1);
        assertThat(queue.size()).isEqualTo(3);

        // WHEN the worker tries again, with backoff
        retries.runNext();
        assertThat(tries).hasValue(2);
        assertThat(applied).isEmpty();
        retries.runNext();

        // THEN the third failure parks it, and the later writes are applied, in order
        assertThat(tries).hasValue(3);
        assertThat(applied).containsExactly("b", "c");
        assertThat(queue.size()).isZero();
        assertThat(queue.parked()).isEqualTo(1);
        assertThat(queue.parkedWrites()).containsExactly("answer 1001");
        assertThat(retries.delays()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        // AND nothing more is scheduled, nor is it tried again
        assertThat(retries.scheduled()).isZero();
        queue.submit(() -> "answer 1003", write("d"));
        assertThat(applied).containsExactly("b", "c", "d");
        assertThat(tries).hasValue(3);
        // AND the log names it once, at WARN, without what the member wrote
        assertThat(log.getOut().lines().filter(l -> l.contains("parked")))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("WARN", "answer 1001", "IllegalStateException")
                        .doesNotContain("secret"));
    }

    @Test
    @DisplayName("a write that throws an Error, not an exception, is caught and parked too")
    void errorIsParked() {
        queue.submit(() -> "poison", () -> {
            throw new AssertionError("a bug");
        });
        queue.submit(() -> "b", write("b"));

        retries.runNext();
        retries.runNext();

        assertThat(applied).containsExactly("b");
        assertThat(queue.parked()).isEqualTo(1);
    }

    @Test
    @DisplayName("an error Redis itself answered (a script bug) is tried 3 times, then parked")
    void scriptErrorParked() {
        queue.submit(() -> "bad", () -> {
            throw new RedisSystemException("boom", new RedisCommandExecutionException("ERR user_script:1: bad"));
        });
        queue.submit(() -> "b", write("b"));

        assertThat(queue.flush()).isFalse();
        assertThat(queue.flush()).isTrue();

        assertThat(applied).containsExactly("b");
        assertThat(queue.parkedWrites()).containsExactly("bad");
    }

    @Test
    @DisplayName("a NOAUTH error (a restarted Redis that wants AUTH again) is retried, in order, until it passes")
    void noauthRetriedUntilItPasses() {
        // GIVEN a write Redis refuses with NOAUTH five times
        AtomicInteger refusals = new AtomicInteger(5);
        queue.submit(() -> "answer 1001", () -> {
            if (refusals.getAndDecrement() > 0) {
                throw new RedisSystemException(
                        "Error in execution", new RedisCommandExecutionException("NOAUTH Authentication required."));
            }
            applied.add("a");
        });
        queue.submit(() -> "answer 1002", write("b"));

        // WHEN the worker tries until it passes (more than 3 times)
        for (int i = 0; i < 5; i++) {
            assertThat(applied).isEmpty();
            retries.runNext();
        }

        // THEN it was never parked, and both applied in order, with a doubling backoff
        assertThat(applied).containsExactly("a", "b");
        assertThat(queue.parked()).isZero();
        assertThat(queue.size()).isZero();
        assertThat(retries.delays())
                .containsExactly(
                        Duration.ofMillis(100),
                        Duration.ofMillis(200),
                        Duration.ofMillis(400),
                        Duration.ofMillis(800),
                        Duration.ofMillis(1600));
    }

    @Test
    @DisplayName("the backoff doubles up to 5 s, and starts again at 100 ms once the queue is empty")
    void backoff() {
        redisUp.set(false);
        queue.submit(() -> "a", write("a"));
        for (int i = 0; i < 8; i++) {
            retries.runNext();
        }
        redisUp.set(true);
        retries.runNext();
        redisUp.set(false);
        queue.submit(() -> "b", write("b"));

        assertThat(retries.delays())
                .containsExactly(
                        Duration.ofMillis(100),
                        Duration.ofMillis(200),
                        Duration.ofMillis(400),
                        Duration.ofMillis(800),
                        Duration.ofMillis(1600),
                        Duration.ofMillis(3200),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5),
                        Duration.ofMillis(100));
        assertThat(applied).containsExactly("a");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk",
                "OOM command not allowed when used memory > 'maxmemory'.",
                "NOAUTH Authentication required.",
                "LOADING Redis is loading the dataset in memory",
                "BUSY Redis is busy running a script.",
                "READONLY You can't write against a read only replica.",
                "TRYAGAIN Multiple keys request during rehashing of slot",
                "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'."
            })
    @DisplayName("Redis errors a server heals by itself are retried without counting")
    void healingReplies(String reply) {
        assertThat(ScoreRetryQueue.isHealable(new RedisSystemException("x", new RedisCommandExecutionException(reply))))
                .isTrue();
    }

    @Test
    @DisplayName("connection failures and timeouts heal; script errors, wrong types and bugs do not")
    void whatHeals() {
        assertThat(ScoreRetryQueue.isHealable(new RedisConnectionFailureException("down")))
                .isTrue();
        assertThat(ScoreRetryQueue.isHealable(new QueryTimeoutException("Redis command timed out")))
                .isTrue();
        assertThat(ScoreRetryQueue.isHealable(new RedisSystemException(
                        "x", new RedisCommandExecutionException("ERR user_script:1: Script attempted to access key"))))
                .isFalse();
        assertThat(ScoreRetryQueue.isHealable(new RedisSystemException(
                        "x",
                        new RedisCommandExecutionException(
                                "WRONGTYPE Operation against a key holding the wrong kind of value"))))
                .isFalse();
        assertThat(ScoreRetryQueue.isHealable(new IllegalStateException("a bug")))
                .isFalse();
        assertThat(ScoreRetryQueue.isHealable(new NullPointerException())).isFalse();
    }

    @Test
    @DisplayName("the queue is bounded: past its capacity new writes are dropped (and logged)")
    void bounded() {
        queue.destroy();
        queue = new ScoreRetryQueue(2, retries);
        redisUp.set(false);

        queue.submit(() -> "a", write("a"));
        queue.submit(() -> "b", write("b"));
        queue.submit(() -> "c", write("c"));

        assertThat(queue.size()).isEqualTo(2);
    }

    @Test
    @DisplayName("parked writes show as the drill.score.parked gauge")
    void parkedGauge() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new ScoreMetrics(new DrillMetrics(registry), queue);
        queue.submit(() -> "poison", () -> {
            throw new IllegalStateException();
        });
        retries.runNext();
        retries.runNext();

        assertThat(registry.get("drill.score.parked").gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("drill.score.queue.depth").gauge().value()).isZero();
    }

    @Test
    @DisplayName("at shutdown, writes still waiting are logged as left to reconciliation on the next start")
    void shutdownLogLine(CapturedOutput log) {
        redisUp.set(false);
        queue.submit(() -> "a", write("a"));

        queue.destroy();

        assertThat(log.getOut())
                .contains("Shutting down with 1 score writes still waiting for Redis; reconciliation heals them on"
                        + " the next start");
    }

    private Runnable write(String name) {
        return () -> {
            if (!redisUp.get()) {
                throw new RedisConnectionFailureException("Redis is down");
            }
            applied.add(name);
        };
    }

    /** Retries that run when the test says: {@link #runNext()} runs the one scheduled retry. */
    private static final class ManualRetries implements ScoreRetryQueue.Retries {

        private final Deque<Runnable> tasks = new ArrayDeque<>();
        private final List<Duration> delays = new ArrayList<>();
        private boolean stopped;

        @Override
        public void after(Duration delay, Runnable task) {
            delays.add(delay);
            tasks.addLast(task);
        }

        @Override
        public void stop() {
            stopped = true;
        }

        @Override
        public boolean stopped() {
            return stopped;
        }

        void runNext() {
            Runnable task = tasks.pollFirst();
            assertThat(task).as("a scheduled retry").isNotNull();
            task.run();
        }

        int scheduled() {
            return tasks.size();
        }

        List<Duration> delays() {
            return delays;
        }
    }
}
