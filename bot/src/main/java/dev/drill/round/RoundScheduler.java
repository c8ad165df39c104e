package dev.drill.round;

import dev.drill.config.DrillProperties;
import java.time.Duration;
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
    private final Duration interval;
    private ScheduledExecutorService executor;

    RoundScheduler(RoundService rounds, DrillProperties properties) {
        this.rounds = rounds;
        this.interval = properties.scheduler().tick();
    }

    /** Runs every piece of due work (open or close rounds) for the current instant of the clock. */
    public synchronized void tick() {
        rounds.runDue();
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
                        tick();
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
