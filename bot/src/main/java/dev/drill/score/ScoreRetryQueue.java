package dev.drill.score;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Runs score writes now, and keeps those that fail because Redis is unreachable or slow to try again with
 * backoff, so a Redis blip loses no score. Safe because every score script is idempotent: a write that did
 * reach Redis before its reply was lost changes nothing the second time. While writes wait, new ones queue
 * behind them, so a member's first answer is still applied before their second.
 */
@Component
public final class ScoreRetryQueue implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ScoreRetryQueue.class);

    static final int DEFAULT_CAPACITY = 10_000;
    private static final Duration FIRST_DELAY = Duration.ofMillis(100);
    private static final Duration MAX_DELAY = Duration.ofSeconds(5);

    private final int capacity;
    private final Deque<Write> pending = new ArrayDeque<>();
    private final Object drain = new Object();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "score-retry");
        thread.setDaemon(true);
        return thread;
    });
    private boolean scheduled;
    private Duration delay = FIRST_DELAY;

    public ScoreRetryQueue() {
        this(DEFAULT_CAPACITY);
    }

    ScoreRetryQueue(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Applies {@code write} now, or queues it when Redis is unreachable or earlier writes are waiting.
     * {@code what} describes it for the log, built only when a log line needs it.
     */
    public void submit(Supplier<String> what, Runnable write) {
        Write w = new Write(what, write);
        synchronized (pending) {
            if (!pending.isEmpty()) {
                enqueue(w);
                return;
            }
        }
        try {
            write.run();
        } catch (DataAccessException e) {
            if (!isTransient(e)) {
                log.error("Score write failed and will not be retried: {}", what.get(), e);
                return;
            }
            log.warn("Redis unavailable ({}); queued for retry: {}", e.getMessage(), what.get());
            synchronized (pending) {
                enqueue(w);
            }
        }
    }

    /** Tries every waiting write in order; true once none is left. Called by the worker, and by tests. */
    public boolean flush() {
        synchronized (drain) {
            while (true) {
                Write next;
                synchronized (pending) {
                    next = pending.peekFirst();
                }
                if (next == null) {
                    return true;
                }
                try {
                    next.action().run();
                } catch (DataAccessException e) {
                    if (isTransient(e)) {
                        return false;
                    }
                    log.error(
                            "Score write failed and will not be retried: {}",
                            next.what().get(),
                            e);
                }
                synchronized (pending) {
                    pending.pollFirst();
                }
                log.info("Score write applied after retry: {}", next.what().get());
            }
        }
    }

    public int size() {
        synchronized (pending) {
            return pending.size();
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
        int left = size();
        if (left > 0) {
            log.error("Shutting down with {} score writes still waiting for Redis; they are lost", left);
        }
    }

    // Called holding the pending lock.
    private void enqueue(Write w) {
        if (pending.size() >= capacity) {
            log.error(
                    "Score retry queue full ({} writes); dropping: {}",
                    capacity,
                    w.what().get());
            return;
        }
        pending.addLast(w);
        schedule();
    }

    // Called holding the pending lock.
    private void schedule() {
        if (scheduled || worker.isShutdown()) {
            return;
        }
        scheduled = true;
        worker.schedule(this::retry, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void retry() {
        boolean done = flush();
        synchronized (pending) {
            scheduled = false;
            if (done && pending.isEmpty()) {
                delay = FIRST_DELAY;
                return;
            }
            delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
            log.warn("{} score writes still waiting for Redis; next try in {} ms", pending.size(), delay.toMillis());
            schedule();
        }
    }

    /**
     * Connection failures and timeouts pass; an error Redis itself answered (a script bug, a wrong type) would
     * fail the same way again, except the states a server leaves by itself (loading, busy, failover).
     */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals("io.lettuce.core.RedisCommandExecutionException")) {
                String message = String.valueOf(t.getMessage());
                return message.startsWith("LOADING")
                        || message.startsWith("BUSY")
                        || message.startsWith("TRYAGAIN")
                        || message.startsWith("CLUSTERDOWN")
                        || message.startsWith("MASTERDOWN")
                        || message.startsWith("READONLY");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return true;
    }

    private record Write(Supplier<String> what, Runnable action) {}
}
