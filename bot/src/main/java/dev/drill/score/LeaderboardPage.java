package dev.drill.score;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code /drill leaderboard} shows.
 *
 * @param label the board's period as members read it: {@code 2026-W49}, {@code 2026-12} or {@code all time}
 * @param top the leaders, best first
 * @param caller the caller's own line when they are on the board but not in {@code top}
 * @param previousLabel the period the trend compares with ({@code 2026-W48}, {@code 2026-11}); empty for all
 *     time, which has none
 * @param previousRanks 1-based ranks on the previous period's board of the shown members who were on it
 */
public record LeaderboardPage(
        BoardPeriod period,
        String label,
        List<LeaderboardEntry> top,
        Optional<LeaderboardEntry> caller,
        Optional<String> previousLabel,
        Map<Long, Long> previousRanks) {

    public LeaderboardPage {
        top = List.copyOf(top);
        previousRanks = Map.copyOf(previousRanks);
    }

    /** A page without a previous period to compare with. */
    public LeaderboardPage(
            BoardPeriod period, String label, List<LeaderboardEntry> top, Optional<LeaderboardEntry> caller) {
        this(period, label, top, caller, Optional.empty(), Map.of());
    }

    /** The member's rank on the previous period's board; empty when they were not on it. */
    public OptionalLong previousRank(long memberId) {
        Long rank = previousRanks.get(memberId);
        return rank == null ? OptionalLong.empty() : OptionalLong.of(rank);
    }
}
