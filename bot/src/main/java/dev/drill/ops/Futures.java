package dev.drill.ops;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The one way Drill looks through a future's failure: the round work and the paced Discord requests are
 * futures, and their callers decide by what actually failed (a refusal of Discord's, a Redis error), never by
 * the {@link CompletionException} around it.
 */
public final class Futures {

    private Futures() {}

    /** The failure inside any {@link CompletionException}s around it. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * Waits for {@code work} on a thread that may wait, and fails as the work failed: its own runtime exception
     * or error, not a {@link CompletionException}.
     */
    public static <T> T join(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
