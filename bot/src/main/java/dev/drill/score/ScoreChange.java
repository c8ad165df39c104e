package dev.drill.score;

import java.util.Locale;

/** What a score script did, as it reports it; anything but a change means "nothing was written". */
public enum ScoreChange {
    /** An answer was counted. */
    RECORDED,
    /** An answer was taken back. */
    WITHDRAWN,
    /** A vote was added or removed. */
    COUNTED,
    /** The best-answer award went to this answer (now or by an earlier call). */
    AWARDED,
    /** The round's award already went to another answer. */
    TAKEN,
    /** The event was seen before (redelivery, replay, retry). */
    DUPLICATE,
    /** The message is not a counted answer. */
    NONE,
    /** The message was deleted before this event arrived. */
    DELETED,
    /** The round was voided. */
    VOID,
    /** The member already has a counted answer in this round (possibly this very message). */
    ANSWERED,
    /** A member voted on their own answer. */
    SELF,
    /** The caller named the wrong author; it reads again and retries. */
    STALE;

    static ScoreChange parse(String status) {
        return valueOf(status.toUpperCase(Locale.ROOT));
    }
}
