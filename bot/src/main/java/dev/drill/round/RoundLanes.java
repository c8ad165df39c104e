package dev.drill.round;

import dev.drill.config.DrillProperties;
import dev.drill.ops.Futures;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs guilds' round work side by side, at most {@code limit} guilds at once and the rest waiting in the
 * order they came due, and never two pieces of one guild's work at the same time (the tick's and an admin's
 * post-now or skip included). A guild's work is a chain of steps: the Redis steps run on this class's
 * threads, the Discord requests in between wait on no thread at all.
 */
@Component
final class RoundLanes implements AutoCloseable {

    private final int limit;
    private final ExecutorService threads;
    /** Guilds with work queued, running, or held by an exclusive caller. */
    private final Set<Long> busy = new HashSet<>();

    private final Queue<Job> waiting = new ArrayDeque<>();
    private int running;

    @Autowired
    RoundLanes(DrillProperties properties) {
        this(properties.scheduler().roundsInFlight());
    }

    RoundLanes(int limit) {
        this.limit = limit;
        AtomicInteger count = new AtomicInteger();
        // One thread per guild in flight: a step never waits for a thread while another guild's step blocks.
        this.threads = Executors.newFixedThreadPool(limit, r -> {
            Thread thread = new Thread(r, "drill-round-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private record Job(long guild, Supplier<CompletableFuture<Void>> work, CompletableFuture<Void> done) {}

    /** Where the steps of round work continue after a Discord request came back. */
    Executor executor() {
        return threads;
    }

    /**
     * Queues a guild's work, unless the guild already has work queued or running (that work books the
     * guild's next due instant itself). Returns the completion of the work, or empty when it was not queued.
     */
    Optional<CompletableFuture<Void>> submit(long guild, Supplier<CompletableFuture<Void>> work) {
        Job job;
        synchronized (this) {
            if (!busy.add(guild)) {
                return Optional.empty();
            }
            job = new Job(guild, work, new CompletableFuture<>());
            waiting.add(job);
        }
        drain();
        return Optional.of(job.done());
    }

    private void drain() {
        while (true) {
            Job next;
            synchronized (this) {
                if (running >= limit || waiting.isEmpty()) {
                    return;
                }
                next = waiting.poll();
                running++;
            }
            CompletableFuture.supplyAsync(next.work(), threads)
                    .thenCompose(f -> f)
                    .whenComplete((ok, failure) -> {
                        synchronized (this) {
                            running--;
                            busy.remove(next.guild());
                            notifyAll();
                        }
                        if (failure != null) {
                            next.done().completeExceptionally(Futures.unwrap(failure));
                        } else {
                            next.done().complete(null);
                        }
                        drain();
                    });
        }
    }

    /**
     * Runs {@code work} on the caller's thread once the guild has no other round work, and keeps the tick off
     * the guild until it returns.
     */
    <T> T exclusive(long guild, Supplier<T> work) {
        synchronized (this) {
            boolean interrupted = false;
            while (!busy.add(guild)) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            return work.get();
        } finally {
            synchronized (this) {
                busy.remove(guild);
                notifyAll();
            }
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
