package dev.drill.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.config.DiscordPace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pacer works in real time (Discord's limit is), so these tests measure the wall clock. */
@DisplayName("DiscordPacer: Drill's own requests under Discord's global limit")
class DiscordPacerTests {

    private DiscordPacer pacer;

    @AfterEach
    void stop() {
        pacer.close();
    }

    @Test
    @DisplayName("at 50 a second, 26 requests take at least half a second, in the order they asked")
    void spacesRequests() {
        pacer = new DiscordPacer(new DiscordPace(50));
        List<Integer> order = new ArrayList<>();
        long start = System.nanoTime();
        List<CompletableFuture<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            int n = i;
            sent.add(pacer.send(() -> {
                synchronized (order) {
                    order.add(n);
                }
                return CompletableFuture.completedFuture(n);
            }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(order).isSorted().hasSize(26);
    }

    @Test
    @DisplayName("after Discord's global 429 the pacer holds for its Retry-After, as JDA does")
    void holdsAfterAGlobal429() {
        pacer = new DiscordPacer(new DiscordPace(1000));
        pacer.heldFor(TimeUnit.MILLISECONDS.toNanos(300));
        long start = System.nanoTime();

        pacer.send(() -> CompletableFuture.completedFuture(null)).join();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    @DisplayName("never more than 8 requests unanswered: the 9th goes when one is answered")
    void boundsUnansweredRequests() {
        pacer = new DiscordPacer(new DiscordPace(1000));
        AtomicInteger sentCount = new AtomicInteger();
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            CompletableFuture<Void> answer = new CompletableFuture<>();
            answers.add(answer);
            pacer.send(() -> {
                sentCount.incrementAndGet();
                return answer;
            });
        }
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> sentCount.get() == DiscordPacer.IN_FLIGHT);
        // Well past the pace of 20 requests at 1000 a second: still 8.
        Awaitility.await().pollDelay(Duration.ofMillis(100)).until(() -> true);
        assertThat(sentCount.get()).isEqualTo(DiscordPacer.IN_FLIGHT);

        answers.get(0).complete(null);

        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> sentCount.get() == DiscordPacer.IN_FLIGHT + 1);
        answers.forEach(a -> a.complete(null));
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> sentCount.get() == 20);
    }
}
