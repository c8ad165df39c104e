package dev.drill.discord;

import dev.drill.config.DiscordPace;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Spaces Drill's own REST requests so that they stay under Discord's global limit of 50 a second: a rush of
 * round changes then waits here, evenly, instead of bursting into 429s that JDA waits out for the whole bot
 * (members' commands included). Interaction responses do not come through here: Discord exempts them.
 */
@Component
public final class DiscordPacer implements AutoCloseable {

    private volatile long spacingNanos;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "drill-discord-pacer");
        thread.setDaemon(true);
        return thread;
    });
    /** The wall time (nanoTime) from which the next request may go. */
    private long nextFree = System.nanoTime();

    DiscordPacer(DiscordPace pace) {
        requestsPerSecond(pace.requestsPerSecond());
    }

    /** Changes the pace from the next request on (the benchmark sets up its rounds unpaced). */
    public void requestsPerSecond(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("a pace of at least 1 request a second, not " + perSecond);
        }
        this.spacingNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
    }

    /**
     * Completes when one more request may be sent: at once while under the pace, later otherwise. The slot is
     * reserved on the call, so callers are served in the order they asked.
     */
    public CompletableFuture<Void> acquire() {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = nextFree - now > 0 ? nextFree : now;
            nextFree = slot + spacingNanos;
            wait = slot - now;
        }
        if (wait <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> go = new CompletableFuture<>();
        timer.schedule(() -> go.complete(null), wait, TimeUnit.NANOSECONDS);
        return go;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
