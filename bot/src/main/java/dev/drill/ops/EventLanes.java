package dev.drill.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Drill's own threads for member events (messages, edits, deletions, reactions), so that Discord's gateway
 * thread only hands them over and never waits on Redis. A few single-thread lanes, each with a bounded
 * queue; an event goes to the lane of its key (the round's thread), so the events of one thread are handled
 * in the order Discord sent them, and a slow thread holds up only its own lane. The guild in the logging MDC
 * travels with each event.
 *
 * <p>A full lane neither drops an event nor lets it overtake: the caller waits for room (backpressure on the
 * gateway, logged once; with a lane of thousands of events this means Redis has been failing for long). At
 * shutdown the lanes finish what they hold (bounded by {@link #DRAIN}); an event handed over after that runs
 * on the caller's thread.
 */
@Component
public final class EventLanes implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventLanes.class);

    static final int DEFAULT_LANES = 4;
    static final int DEFAULT_CAPACITY = 5_000;
    /** How long shutdown waits for the lanes to empty. */
    static final Duration DRAIN = Duration.ofSeconds(10);

    private final List<ThreadPoolExecutor> lanes = new ArrayList<>();
    private volatile boolean warnedFull;

    @Autowired
    public EventLanes(DrillMetrics metrics) {
        this(DEFAULT_LANES, DEFAULT_CAPACITY);
        metrics.gauge("drill.events.queued", "Member events handed over and not handled yet", this::queued);
    }

    public EventLanes(int lanes, int capacity) {
        for (int i = 0; i < lanes; i++) {
            String name = "drill-events-" + i;
            this.lanes.add(new ThreadPoolExecutor(
                    1,
                    1,
                    0,
                    TimeUnit.MILLISECONDS,
                    new ArrayBlockingQueue<>(capacity),
                    r -> {
                        Thread thread = new Thread(r, name);
                        thread.setDaemon(true);
                        return thread;
                    },
                    this::whenFull));
        }
    }

    /** Hands {@code task} to the lane of {@code key}; tasks of one key run one at a time, in this order. */
    public void execute(long key, Runnable task) {
        lanes.get(Math.floorMod(Long.hashCode(key), lanes.size())).execute(withMdc(task));
    }

    /** A full lane: wait for room, in order; a stopped one: run here, so nothing is lost. */
    private void whenFull(Runnable task, ThreadPoolExecutor lane) {
        if (lane.isShutdown()) {
            task.run();
            return;
        }
        if (!warnedFull) {
            warnedFull = true;
            log.warn(
                    "An event lane is full ({} events waiting); the gateway waits for room",
                    lane.getQueue().size());
        }
        try {
            lane.getQueue().put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedExecutionException("interrupted while waiting for room in an event lane", e);
        }
    }

    /**
     * Waits until every event handed over before this call has been handled, at most {@code timeout}: what a
     * member did before asking for their stats shows in them. True if all were handled in time.
     */
    public boolean settle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<FutureTask<Void>> markers = new ArrayList<>();
        for (ThreadPoolExecutor lane : lanes) {
            if (lane.isShutdown()) {
                continue;
            }
            // A full lane gets its marker once there is room (the queue is short), so "settled" never skips
            // work that was waiting when this was called.
            while (lane.getQueue().remainingCapacity() == 0) {
                if (System.nanoTime() - deadline > 0) {
                    return false;
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            FutureTask<Void> marker = new FutureTask<>(() -> {}, null);
            lane.execute(marker);
            markers.add(marker);
        }
        try {
            for (FutureTask<Void> marker : markers) {
                marker.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    /** Events waiting in the lanes or being handled. */
    public int queued() {
        int queued = 0;
        for (ThreadPoolExecutor lane : lanes) {
            queued += lane.getQueue().size() + lane.getActiveCount();
        }
        return queued;
    }

    @Override
    public void destroy() {
        lanes.forEach(ThreadPoolExecutor::shutdown);
        long deadline = System.nanoTime() + DRAIN.toNanos();
        try {
            for (ThreadPoolExecutor lane : lanes) {
                if (!lane.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = lanes.stream().mapToInt(l -> l.shutdownNow().size()).sum();
        if (left > 0) {
            log.warn(
                    "Shutting down with {} member events not handled; reconciliation heals them on the next start",
                    left);
        }
    }

    /** Runs the task with the caller's MDC (the guild), and never lets a failure end the lane's thread. */
    private static Runnable withMdc(Runnable task) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            if (context == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(context);
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("Handling a member event failed ({})", e.getClass().getName());
            } finally {
                if (before == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(before);
                }
            }
        };
    }
}
