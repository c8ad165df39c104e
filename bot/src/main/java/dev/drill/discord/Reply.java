package dev.drill.discord;

/**
 * How a command's first response reaches Discord, which allows three seconds for it. Declared by the
 * command; the router does the rest, so no command that reads Redis can forget to acknowledge first.
 */
public enum Reply {
    /** The command answers at once, on the gateway thread: it reads nothing slow (no Redis) before replying. */
    AT_ONCE,
    /**
     * It may wait on Redis: the router acknowledges at once with a private "thinking…", then checks access
     * and runs the command on Drill's command threads; the command answers with {@link Replies#ephemeral}.
     */
    DEFERRED_PRIVATE,
    /** As {@link #DEFERRED_PRIVATE}, for an answer the whole channel sees ({@link Replies#publicly}). */
    DEFERRED_PUBLIC
}
