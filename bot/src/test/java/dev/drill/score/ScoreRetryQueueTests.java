package dev.drill.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCommandExecutionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;

class ScoreRetryQueueTests {

    private final AtomicBoolean redisUp = new AtomicBoolean(true);
    private final List<String> applied = new ArrayList<>();
    private ScoreRetryQueue queue = new ScoreRetryQueue();

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
    @DisplayName("an error Redis itself answered (a script bug) is logged and dropped, not retried forever")
    void permanentErrorDropped() {
        queue.submit(() -> "bad", () -> {
            throw new RedisSystemException("boom", new RedisCommandExecutionException("ERR user_script:1: bad"));
        });

        assertThat(queue.size()).isZero();
    }

    @Test
    @DisplayName("a server that is still loading its data is worth retrying")
    void loadingIsTransient() {
        assertThat(ScoreRetryQueue.isTransient(
                        new RedisSystemException("x", new RedisCommandExecutionException("LOADING Redis is loading"))))
                .isTrue();
        assertThat(ScoreRetryQueue.isTransient(new RedisConnectionFailureException("down")))
                .isTrue();
    }

    @Test
    @DisplayName("the queue is bounded: past its capacity new writes are dropped (and logged)")
    void bounded() {
        queue.destroy();
        queue = new ScoreRetryQueue(2);
        redisUp.set(false);

        queue.submit(() -> "a", write("a"));
        queue.submit(() -> "b", write("b"));
        queue.submit(() -> "c", write("c"));

        assertThat(queue.size()).isEqualTo(2);
    }

    private Runnable write(String name) {
        return () -> {
            if (!redisUp.get()) {
                throw new RedisConnectionFailureException("Redis is down");
            }
            applied.add(name);
        };
    }
}
