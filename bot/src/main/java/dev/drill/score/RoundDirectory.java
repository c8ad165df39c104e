package dev.drill.score;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What the answer and score features need to know about rounds, without depending on how the round feature
 * stores them.
 */
public interface RoundDirectory {

    /** The round whose answer thread this is, open or closed. */
    Optional<RoundRef> byThread(long guild, long threadId);

    /**
     * The round of this thread if it was open at {@code at}: an event that waited for Redis is judged by
     * when it happened, not by when it is applied.
     */
    default Optional<RoundRef> openAt(long guild, long threadId, Instant at) {
        return byThread(guild, threadId).filter(RoundRef::open);
    }

    /** The guild's time zone, for "this week" and "this month" (UTC until the guild is set up). */
    default ZoneId zone(long guild) {
        return latest(guild).map(RoundRef::zone).orElse(ZoneOffset.UTC);
    }

    /** A round by its date id. */
    Optional<RoundRef> byDate(long guild, String date);

    /** The guild's latest round that opened (still open, or the last one closed). */
    Optional<RoundRef> latest(long guild);
}
