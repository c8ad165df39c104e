package dev.drill.discord;

import dev.drill.config.DiscordPace;
import dev.drill.ops.Futures;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.dv8tion.jda.api.requests.RestAction;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.springframework.stereotype.Component;

/**
 * Spaces Drill's own REST requests so that they stay under Discord's global limit of 50 a second: a rush of
 * round changes then waits here, evenly, instead of bursting into 429s that JDA waits out for the whole bot
 * (members' commands included). Interaction responses do not come through here: Discord exempts them.
 *
 * <p>It also keeps at most {@link #IN_FLIGHT} paced requests sent and unanswered: a rate alone lets a backlog
 * build behind a slow moment (a GC pause, a 429 JDA waits out for a whole second), and that backlog would
 * then leave at once, faster than 50 a second, drawing more 429s. And it hears Discord's global 429s (it is
 * an OkHttp interceptor of the gateway's client): JDA then holds every request for the {@code Retry-After}
 * and sends the held ones at once, so the pacer holds too, and starts again as if those had just been
 * paced, instead of adding its own 45 a second on top of that burst (a cascade of 429s).
 */
@Component
public final class DiscordPacer implements AutoCloseable, Interceptor {

    /** Enough for 45 a second at up to 170 ms a round trip; small enough that a released backlog stays small. */
    static final int IN_FLIGHT = 8;

    private volatile long spacingNanos;
    private int inFlight;
    private final Queue<CompletableFuture<Void>> waitingForSlot = new ArrayDeque<>();
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
     * Sends one request when the pace and the bound on unanswered requests let it go, and frees its place
     * when Discord answered. A request that fails before it is sent fails the future.
     */
    public <T> CompletableFuture<T> send(Supplier<? extends CompletableFuture<T>> request) {
        CompletableFuture<T> sent = slot().thenCompose(ignored -> acquire()).thenCompose(ignored -> {
            try {
                return request.get();
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
        sent.whenComplete((answer, failure) -> release());
        return sent;
    }

    /**
     * Sends one request through the pace and waits for Discord's answer, failing as the request failed. For
     * work that runs on Drill's own threads and may wait (a round's moment, the champion's roles, the weekly
     * pairing), so that it too stays under the global limit beside a rush instead of adding its own burst.
     */
    public <T> T complete(Supplier<? extends RestAction<T>> request) {
        return Futures.join(send(() -> request.get().submit()));
    }

    private CompletableFuture<Void> slot() {
        synchronized (this) {
            if (inFlight < IN_FLIGHT) {
                inFlight++;
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> wait = new CompletableFuture<>();
            waitingForSlot.add(wait);
            return wait;
        }
    }

    private void release() {
        CompletableFuture<Void> next;
        synchronized (this) {
            next = waitingForSlot.poll();
            if (next == null) {
                inFlight--;
                return;
            }
        }
        // The place passes on to the next request in line.
        next.complete(null);
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

    /** Watches Drill's REST answers for a global 429 (an interaction's own routes never get one). */
    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.code() == 429 && "true".equalsIgnoreCase(response.header("X-RateLimit-Global"))) {
            heldFor(retryAfterNanos(response.header("Retry-After")));
        }
        return response;
    }

    /** JDA waits {@code Retry-After} (seconds) before it sends anything again. */
    private static long retryAfterNanos(String header) {
        try {
            double seconds = header == null ? 1 : Double.parseDouble(header.strip());
            return (long) (Math.max(seconds, 0) * 1e9);
        } catch (NumberFormatException e) {
            return TimeUnit.SECONDS.toNanos(1);
        }
    }

    /** The next paced request goes after the hold, and after the requests JDA held, which leave with it. */
    synchronized void heldFor(long holdNanos) {
        long resume = System.nanoTime() + holdNanos + (long) inFlight * spacingNanos;
        if (resume - nextFree > 0) {
            nextFree = resume;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
