package dev.drill.answer;

import java.util.Optional;

/**
 * What the answer and score features need to know about rounds, without depending on how the round feature
 * stores them.
 */
public interface RoundDirectory {

    /** The round whose answer thread this is, open or closed. */
    Optional<RoundRef> byThread(long guild, long threadId);

    /** A round by its date id. */
    Optional<RoundRef> byDate(long guild, String date);

    /** The guild's latest round that opened (still open, or the last one closed). */
    Optional<RoundRef> latest(long guild);
}
