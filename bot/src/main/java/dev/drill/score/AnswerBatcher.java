package dev.drill.score;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Groups answer writes that arrive at the same time into one script call per guild, so that under load
 * Redis runs one script (and Lettuce one round trip) for many answers. Callers still wait for their own
 * result; a lone caller's write goes out at once, alone. No thread of its own: whichever caller finds the
 * batcher idle sends what is waiting (leader/follower), so nothing waits on a timer.
 */
final class AnswerBatcher {

    /** Enough to amortise the call; small enough that one script never holds Redis for long. */
    static final int MAX_BATCH = 32;

    private final Function<List<Request>, List<String>> send;
    private final ConcurrentLinkedQueue<Request> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();

    /** @param send runs one script call for requests of one guild and returns one status per request */
    AnswerBatcher(Function<List<Request>, List<String>> send) {
        this.send = send;
    }

    /** One answer write: its guild (a batch never mixes guilds: one hash slot), keys and arguments. */
    record Request(long guild, List<String> keys, List<String> args, CompletableFuture<String> result) {
        Request(long guild, List<String> keys, List<String> args) {
            this(guild, keys, args, new CompletableFuture<>());
        }
    }

    /** Sends the write (alone or with others) and returns its script status; rethrows Redis failures. */
    String submit(Request request) {
        pending.add(request);
        // Whoever finds the batcher idle sends; the one sending re-checks after letting go, so no request is
        // left behind by a caller that arrived just as the last batch went out.
        while (!pending.isEmpty() && sending.compareAndSet(false, true)) {
            try {
                drain();
            } finally {
                sending.set(false);
            }
        }
        try {
            return request.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while recording an answer", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void drain() {
        Request next;
        Map<Long, List<Request>> byGuild = new LinkedHashMap<>();
        int taken = 0;
        while (taken < MAX_BATCH && (next = pending.poll()) != null) {
            byGuild.computeIfAbsent(next.guild(), g -> new ArrayList<>()).add(next);
            taken++;
        }
        for (List<Request> batch : byGuild.values()) {
            try {
                List<String> statuses = send.apply(batch);
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).result().complete(statuses.get(i));
                }
            } catch (RuntimeException e) {
                batch.forEach(r -> r.result().completeExceptionally(e));
            }
        }
    }
}
