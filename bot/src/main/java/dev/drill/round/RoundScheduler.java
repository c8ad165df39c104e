package dev.drill.round;

import dev.drill.config.DrillProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The tick: every few seconds, opens and closes the rounds that are due. Tests and the playground turn the
 * background tick off and call {@link #tick()} after they move the clock.
 */
@Component
public final class RoundScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RoundScheduler.class);

    private final RoundService rounds;
    private final List<DueWork> work;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService executor;

    RoundScheduler(RoundService rounds, List<DueWork> work, Clock clock, DrillProperties properties) {
        this.rounds = rounds;
        this.work = List.copyOf(work);
        this.clock = clock;
        this.interval = properties.scheduler().tick();
    }

    /**
     * Runs every piece of due work for the current instant of the clock: the rounds first (open, close,
     * moments), then each feature's {@link DueWork}. One failing piece does not keep the others from running.
     * Returns when this tick's work is done (tests and the playground rely on it).
     */
    public synchronized void tick() {
        rounds.runDue();
        runDueWork();
    }

    /**
     * The background tick: starts the due rounds without waiting for them, so a guild that comes due during a
     * long rush is seen (and its lateness judged) at the next tick, not after the rush.
     */
    private synchronized void pump() {
        rounds.dispatchDue();
        runDueWork();
    }

    private void runDueWork() {
        Instant now = clock.instant();
        for (DueWork piece : work) {
            try {
                piece.runDue(now);
            } catch (RuntimeException e) {
                log.warn("Due work {} failed; it is tried again at the next tick: {}", piece.name(), e.toString());
            }
        }
    }

    @Override
    public void start() {
        if (interval.isZero() || interval.isNegative()) {
            log.info("Round scheduler tick is off (drill.scheduler.tick=0)");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "drill-round-tick");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        pump();
                    } catch (RuntimeException e) {
                        // One bad tick (Redis away) must not stop all later ones.
                        log.error("Round tick failed", e);
                    }
                },
                0,
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** After the Discord gateway: ticks post to Discord. */
    @Override
    public int getPhase() {
        return 100;
    }
}
