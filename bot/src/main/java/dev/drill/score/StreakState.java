package dev.drill.score;

import java.util.Optional;

/**
 * A member's streak as stored in their member hash. Streaks count consecutive rounds of the guild (by
 * {@link RoundRef#seq()}), not calendar days, so a Mon–Fri schedule keeps streaks over the weekend. The Lua
 * script {@code answer-record.lua} applies the same rule inside Redis; this class is its reference and what
 * the read side uses.
 *
 * @param lastSeq the last round answered, {@link #NO_ROUND} if none
 */
public record StreakState(long lastSeq, int streak, int best) {

    public static final long NO_ROUND = -1;
    public static final StreakState NONE = new StreakState(NO_ROUND, 0, 0);

    /** The state after answering round {@code seq}: continued if the previous round was answered, else 1. */
    public StreakState after(long seq) {
        int next = lastSeq != NO_ROUND && seq == lastSeq + 1 ? streak + 1 : 1;
        return new StreakState(seq, next, Math.max(best, next));
    }

    /**
     * The streak as a member should see it now: 0 once they missed the guild's latest closed round, even
     * though the stored value only changes at their next answer.
     */
    public int current(Optional<RoundRef> latest) {
        if (lastSeq == NO_ROUND) {
            return 0;
        }
        if (latest.isEmpty()) {
            return streak;
        }
        RoundRef round = latest.get();
        long latestClosed = round.open() ? round.seq() - 1 : round.seq();
        return lastSeq >= latestClosed ? streak : 0;
    }
}
