package dev.drill.score;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Runs score writes now, and keeps those that fail to try again with backoff, so a Redis blip loses no
 * score. Safe because every score script is idempotent: a write that did reach Redis before its reply was
 * lost changes nothing the second time. While writes wait, new ones queue behind them, so a member's first
 * answer is still applied before their second.
 *
 * <p>It cannot jam: whatever a write throws is caught. A failure Redis may heal by itself (no connection, a
 * timeout, or a server that is loading, out of memory, read-only, failing over…: {@link #isHealable}) is
 * retried for as long as it takes. Any other failure is counted against the write; a write that failed
 * {@value #MAX_TRIES} times is parked (kept aside, logged once, counted in {@link #parked()}) and the writes
 * behind it go on.
 */
@Component
public final class ScoreRetryQueue implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ScoreRetryQueue.class);

    static final int DEFAULT_CAPACITY = 10_000;
    /** Failures Redis would not heal by itself that a write may have before it is parked. */
    static final int MAX_TRIES = 3;
    /** Parked writes kept for inspection; past this the oldest are forgotten (still counted). */
    static final int PARKED_CAPACITY = 1_000;

    static final Duration FIRST_DELAY = Duration.ofMillis(100);
    static final Duration MAX_DELAY = Duration.ofSeconds(5);

    /**
     * The first word of Redis error replies for states a server leaves by itself: persistence failing
     * (MISCONF), memory full (OOM), a restarted server that wants AUTH again (NOAUTH), loading its data,
     * a busy script, a replica or failover in progress, a cluster slot moving.
     */
    private static final Set<String> HEALING_REPLIES =
            Set.of("MISCONF", "OOM", "NOAUTH", "LOADING", "BUSY", "READONLY", "TRYAGAIN", "MASTERDOWN", "CLUSTERDOWN");

    private static final String REDIS_REPLY = "io.lettuce.core.RedisCommandExecutionException";
    private static final Set<String> LETTUCE_CONNECTION_FAILURES = Set.of(
            "io.lettuce.core.RedisConnectionException",
            "io.lettuce.core.RedisCommandTimeoutException",
            "io.lettuce.core.RedisCommandInterruptedException");

    /** When the worker tries again; tests drive it by hand. */
    interface Retries {

        void after(Duration delay, Runnable task);

        void stop();

        boolean stopped();

        /** A daemon thread of its own. */
        static Retries background() {
            ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "score-retry");
                thread.setDaemon(true);
                return thread;
            });
            return new Retries() {
                @Override
                public void after(Duration delay, Runnable task) {
                    worker.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
                }

                @Override
                public void stop() {
                    worker.shutdownNow();
                }

                @Override
                public boolean stopped() {
                    return worker.isShutdown();
                }
            };
        }
    }

    private final int capacity;
    private final Retries retries;
    private final Deque<Write> pending = new ArrayDeque<>();
    private final Deque<Write> parkedWrites = new ArrayDeque<>();
    private final Object drain = new Object();
    private boolean scheduled;
    private Duration delay = FIRST_DELAY;
    private long parked;

    public ScoreRetryQueue() {
        this(DEFAULT_CAPACITY);
    }

    ScoreRetryQueue(int capacity) {
        this(capacity, Retries.background());
    }

    ScoreRetryQueue(int capacity, Retries retries) {
        this.capacity = capacity;
        this.retries = retries;
    }

    /**
     * Applies {@code write} now, or queues it when it fails or earlier writes are waiting. {@code what}
     * describes it for the log (ids only, never what a member wrote), built only when a log line needs it.
     */
    public void submit(Supplier<String> what, Runnable write) {
        Write w = new Write(what, write);
        synchronized (pending) {
            if (!pending.isEmpty()) {
                enqueue(w);
                return;
            }
        }
        Throwable failure = attempt(w);
        if (failure == null) {
            return;
        }
        if (isHealable(failure)) {
            log.warn("Redis unavailable ({}); queued for retry: {}", kinds(failure), what.get());
        } else if (++w.failures >= MAX_TRIES) {
            park(w, failure);
            return;
        } else {
            log.warn("Score write failed ({}); will try again: {}", kinds(failure), what.get());
        }
        synchronized (pending) {
            enqueue(w);
        }
    }

    /**
     * Tries every waiting write in order; true once none is left. Stops at the first write that fails (it
     * waits for the next try), except one that has now failed {@value #MAX_TRIES} times: that one is parked
     * and the next is tried. Called by the worker, and by tests.
     */
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
                Throwable failure = attempt(next);
                if (failure != null) {
                    if (isHealable(failure) || ++next.failures < MAX_TRIES) {
                        return false;
                    }
                    park(next, failure);
                }
                synchronized (pending) {
                    pending.pollFirst();
                }
                if (failure == null) {
                    log.info("Score write applied after retry: {}", next.what().get());
                }
            }
        }
    }

    /** Writes waiting to be tried again. */
    public int size() {
        synchronized (pending) {
            return pending.size();
        }
    }

    /** Writes given up after {@value #MAX_TRIES} failures Redis would not heal, since start. */
    public long parked() {
        synchronized (parkedWrites) {
            return parked;
        }
    }

    /** The descriptions of the parked writes still kept (the latest {@value #PARKED_CAPACITY}). */
    public List<String> parkedWrites() {
        synchronized (parkedWrites) {
            return parkedWrites.stream().map(w -> w.what().get()).toList();
        }
    }

    @Override
    public void destroy() {
        retries.stop();
        int left = size();
        if (left > 0) {
            log.warn(
                    "Shutting down with {} score writes still waiting for Redis; reconciliation heals them on the"
                            + " next start",
                    left);
        }
    }

    /** Runs the write; what it threw, or null once applied. Never lets a failure escape. */
    private static Throwable attempt(Write w) {
        try {
            w.action().run();
            return null;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            return e;
        }
    }

    /** Logs once, without the exception's messages (a script's arguments may carry a member's name). */
    private void park(Write w, Throwable failure) {
        synchronized (parkedWrites) {
            parked++;
            if (parkedWrites.size() >= PARKED_CAPACITY) {
                parkedWrites.pollFirst();
            }
            parkedWrites.addLast(w);
        }
        log.warn(
                "Score write parked after {} failed tries ({}); the writes behind it go on: {}",
                MAX_TRIES,
                kinds(failure),
                w.what().get());
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
        if (scheduled || retries.stopped()) {
            return;
        }
        scheduled = true;
        retries.after(delay, this::retry);
    }

    private void retry() {
        boolean done = false;
        try {
            done = flush();
        } finally {
            synchronized (pending) {
                scheduled = false;
                if (done && pending.isEmpty()) {
                    delay = FIRST_DELAY;
                } else {
                    delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
                    log.warn("{} score writes still waiting; next try in {} ms", pending.size(), delay.toMillis());
                    schedule();
                }
            }
        }
    }

    /**
     * Whether Redis may heal this by itself, so the write should wait rather than count a failure: an error
     * Redis answered heals only if its first word is one of the states a server leaves on its own (loading,
     * out of memory, failover…); otherwise a lost or refused connection and a timeout heal. Anything else (a
     * script bug, a wrong type, a bug in Drill) would fail the same way again.
     */
    static boolean isHealable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isA(t.getClass(), REDIS_REPLY)) {
                return HEALING_REPLIES.contains(firstWord(t.getMessage()));
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof IOException
                    || t instanceof TimeoutException
                    || LETTUCE_CONNECTION_FAILURES.contains(t.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isA(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String firstWord(String message) {
        if (message == null) {
            return "";
        }
        String trimmed = message.strip();
        int space = trimmed.indexOf(' ');
        return (space < 0 ? trimmed : trimmed.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    /** The exception types of a failure's chain, e.g. {@code RedisSystemException < RedisCommandExecutionException ERR}. */
    private static String kinds(Throwable e) {
        Set<String> kinds = new LinkedHashSet<>();
        for (Throwable t = e; t != null && kinds.size() < 5; t = t.getCause() == t ? null : t.getCause()) {
            String kind = t.getClass().getSimpleName();
            if (isA(t.getClass(), REDIS_REPLY)) {
                kind += " " + firstWord(t.getMessage());
            }
            kinds.add(kind);
        }
        return String.join(" < ", kinds);
    }

    /** A queued write and the failures Redis would not heal that it has had so far. */
    private static final class Write {
        private final Supplier<String> what;
        private final Runnable action;
        private volatile int failures;

        Write(Supplier<String> what, Runnable action) {
            this.what = what;
            this.action = action;
        }

        Supplier<String> what() {
            return what;
        }

        Runnable action() {
            return action;
        }
    }
}
