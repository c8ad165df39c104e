package dev.drill.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;

class AnswerBatcherTests {

    private final List<List<AnswerBatcher.Request>> calls = Collections.synchronizedList(new ArrayList<>());

    /** A stand-in for the script: answers each request with its first argument. */
    private final AnswerBatcher batcher = new AnswerBatcher(batch -> {
        calls.add(List.copyOf(batch));
        return batch.stream().map(r -> r.args().get(0)).toList();
    });

    @Test
    @DisplayName("a lone write goes out at once, alone, and gets its own status")
    void alone() {
        String status = batcher.submit(request(1, "a"));

        assertThat(status).isEqualTo("a");
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).hasSize(1);
    }

    @Test
    @DisplayName("concurrent writes share calls, never mix guilds, never exceed the batch size, and each gets its own status")
    void concurrent() throws Exception {
        // GIVEN 16 callers writing 200 answers each, in two guilds
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<List<String>>> callers = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            int caller = c;
            callers.add(pool.submit(() -> {
                List<String> mismatches = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    String id = caller + "-" + i;
                    if (!batcher.submit(request(i % 2, id)).equals(id)) {
                        mismatches.add(id);
                    }
                }
                return mismatches;
            }));
        }

        // WHEN they are done
        for (Future<List<String>> caller : callers) {
            assertThat(caller.get()).isEmpty();
        }
        pool.shutdown();

        // THEN every write went out exactly once, in calls of one guild and at most MAX_BATCH
        List<List<AnswerBatcher.Request>> sent = new ArrayList<>(calls);
        assertThat(sent.stream().mapToInt(List::size).sum()).isEqualTo(16 * 200);
        assertThat(sent).allSatisfy(batch -> {
            assertThat(batch).hasSizeLessThanOrEqualTo(AnswerBatcher.MAX_BATCH);
            assertThat(batch.stream().map(AnswerBatcher.Request::guild).distinct()).hasSize(1);
        });
    }

    @Test
    @DisplayName("a Redis failure reaches the caller unchanged, so the retry queue can tell it is transient")
    void failure() {
        AnswerBatcher failing = new AnswerBatcher(batch -> {
            throw new RedisConnectionFailureException("down");
        });

        assertThatThrownBy(() -> failing.submit(request(1, "a"))).isInstanceOf(RedisConnectionFailureException.class);
    }

    private static AnswerBatcher.Request request(long guild, String id) {
        return new AnswerBatcher.Request(guild, List.of("k"), List.of(id));
    }
}
