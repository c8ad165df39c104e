package dev.drill.picture;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a member's progress card shows: points per ISO week and the days they answered a round.
 *
 * @param today the guild-local date the card is drawn for (the calendar's last column holds its week)
 * @param weeks the last weeks' points, oldest first, ending with the week of {@code today}
 * @param answered the guild-local dates of the rounds the member answered (dates outside the calendar are
 *     ignored)
 */
public record ProgressCard(
        long memberId,
        String name,
        LocalDate today,
        List<WeekPoints> weeks,
        Set<LocalDate> answered,
        int currentStreak,
        int bestStreak) {

    public ProgressCard {
        name = name == null ? "" : name;
        weeks = List.copyOf(weeks);
        answered = Set.copyOf(answered);
    }

    /**
     * @param week the ISO week, e.g. {@code 2026-W49}
     */
    public record WeekPoints(String week, long points) {}
}
