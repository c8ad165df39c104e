package dev.drill.round;

import java.time.Instant;

/**
 * One round of a guild, by the guild-local date it opened.
 *
 * @param message the question post, 0 until Discord answered
 * @param thread the answer thread, 0 until created
 */
public record Round(
        long guild,
        String date,
        String questionId,
        long seq,
        long channel,
        long message,
        long thread,
        Instant opens,
        Instant closes,
        boolean late,
        RoundState state) {

    public boolean isOpen() {
        return state == RoundState.OPEN;
    }
}
