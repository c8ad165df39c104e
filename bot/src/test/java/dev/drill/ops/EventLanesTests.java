package dev.drill.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class EventLanesTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private EventLanes lanes = new EventLanes(4, 100);
    private final List<String> done = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        release.countDown();
        lanes.destroy();
        MDC.clear();
    }

    @Test
    @DisplayName("the events of one key are handled one at a time, in the order they were handed over")
    void inOrderPerKey() {
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 1_000; i++) {
            int n = i;
            lanes.execute(7, () -> seen.add(n));
            if (i % 90 == 0) {
                assertThat(lanes.settle(WAIT)).isTrue(); // the lane holds 100: let it drain now and then
            }
        }

        assertThat(lanes.settle(WAIT)).isTrue();
        assertThat(seen).hasSize(1_000).isSorted();
    }

    @Test
    @DisplayName("a thread whose events wait (a slow Redis) holds up only its own lane")
    void slowKeyHoldsOnlyItsLane() {
        lanes.execute(0, () -> {
            await(release);
            done.add("slow");
        });

        lanes.execute(1, () -> done.add("other"));
        CountDownLatch otherDone = new CountDownLatch(1);
        lanes.execute(1, otherDone::countDown);

        assertThat(await(otherDone)).isTrue();
        assertThat(done).containsExactly("other");
        assertThat(lanes.settle(Duration.ofMillis(50)))
                .as("the slow lane is not settled")
                .isFalse();
        release.countDown();
        assertThat(lanes.settle(WAIT)).isTrue();
        assertThat(done).containsExactly("other", "slow");
    }

    @Test
    @DisplayName("an event that fails does not stop its lane")
    void failureDoesNotStopTheLane() {
        lanes.execute(3, () -> {
            throw new IllegalStateException("a bug");
        });
        lanes.execute(3, () -> done.add("next"));

        assertThat(lanes.settle(WAIT)).isTrue();
        assertThat(done).containsExactly("next");
    }

    @Test
    @DisplayName("the guild in the logging MDC travels with the event, and does not stay on the lane's thread")
    void carriesTheGuild() {
        MDC.put(GuildLog.KEY, "42");
        lanes.execute(5, () -> done.add("with " + MDC.get(GuildLog.KEY)));
        MDC.clear();
        lanes.execute(5, () -> done.add("then " + MDC.get(GuildLog.KEY)));

        assertThat(lanes.settle(WAIT)).isTrue();
        assertThat(done).containsExactly("with 42", "then null");
    }

    @Test
    @DisplayName("a full lane makes the caller wait for room: nothing is dropped and nothing overtakes")
    void fullLaneWaits() throws InterruptedException {
        lanes.destroy();
        lanes = new EventLanes(1, 1);
        lanes.execute(9, () -> {
            await(release);
            done.add("1");
        });
        waitUntilRunning();
        lanes.execute(9, () -> done.add("2")); // fills the queue

        Thread gateway = new Thread(() -> lanes.execute(9, () -> done.add("3")));
        gateway.start();
        long limit = System.nanoTime() + WAIT.toNanos();
        while (gateway.getState() != Thread.State.WAITING && System.nanoTime() < limit) {
            Thread.onSpinWait();
        }
        assertThat(gateway.getState()).as("the caller waits for room").isEqualTo(Thread.State.WAITING);

        release.countDown();
        gateway.join(WAIT.toMillis());
        assertThat(lanes.settle(WAIT)).isTrue();
        assertThat(done).containsExactly("1", "2", "3");
    }

    @Test
    @DisplayName("at shutdown the lanes finish what they hold")
    void drainsAtShutdown() {
        for (int i = 0; i < 50; i++) {
            int n = i;
            lanes.execute(n, () -> done.add("e" + n));
        }

        lanes.destroy();

        assertThat(done).hasSize(50);
    }

    private void waitUntilRunning() {
        long limit = System.nanoTime() + WAIT.toNanos();
        while (lanes.queued() == 0 && System.nanoTime() < limit) {
            Thread.onSpinWait();
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
