package dev.drill.score;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the progress picture of {@code /drill stats} shows besides the figures of {@link MemberStats}.
 *
 * @param today the guild-local date now
 * @param weeks the last {@link ScoreService#PROGRESS_WEEKS} ISO weeks, oldest first, ending with this one
 * @param weekPoints the member's points on each of {@code weeks}
 * @param answered the guild-local dates of the rounds the member answered in those weeks
 */
public record MemberProgress(LocalDate today, List<String> weeks, List<Long> weekPoints, Set<LocalDate> answered) {

    public MemberProgress {
        weeks = List.copyOf(weeks);
        weekPoints = List.copyOf(weekPoints);
        answered = Set.copyOf(answered);
        if (weeks.size() != weekPoints.size()) {
            throw new IllegalArgumentException(weeks.size() + " weeks but " + weekPoints.size() + " figures");
        }
    }
}
