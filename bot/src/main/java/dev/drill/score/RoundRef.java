package dev.drill.score;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A round as the answer and score features see it.
 *
 * @param date the round id: the guild-local date it opened, e.g. {@code 2026-12-01}
 * @param seq the guild's round counter at opening; consecutive rounds have consecutive numbers, which is
 *     what streaks count
 * @param threadId the answer thread (same id as the round's post)
 * @param zone the guild's time zone, for week and month boards
 * @param open whether answers, edits, deletions and votes still count
 */
public record RoundRef(
        long guild,
        String date,
        long seq,
        long channelId,
        long threadId,
        String questionId,
        ZoneId zone,
        Instant opensAt,
        boolean open) {}
