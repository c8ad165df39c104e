package dev.drill.reconcile;

import java.util.List;
import java.util.Optional;

/** What Discord remembers of rounds' threads: the source of truth that Redis is rebuilt from. */
public interface ThreadHistory {

    /** Whether Discord is connected and the bot logged in (a fresh session's event comes just before). */
    boolean ready();

    /** The guilds the bot is in now. */
    List<Long> guilds();

    /**
     * Whether the bot can see the thread now. A thread it cannot see (the bot was removed from the guild, the
     * guild is unavailable, the thread is out of the cache) says nothing about its messages: the catch-up must
     * not take that for an empty or deleted thread.
     */
    boolean visible(long guild, long thread);

    /** The thread's messages after {@code afterId}, oldest first, paged within Discord's rate limits. */
    List<HistoryMessage> after(long guild, long thread, long afterId);

    /** One message of the thread, empty if it no longer exists. */
    Optional<HistoryMessage> message(long guild, long thread, long messageId);
}
