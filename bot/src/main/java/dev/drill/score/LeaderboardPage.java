package dev.drill.score;

import java.util.List;
import java.util.Optional;

/**
 * What {@code /drill leaderboard} shows.
 *
 * @param label the board's period as members read it: {@code 2026-W49}, {@code 2026-12} or {@code all time}
 * @param top the leaders, best first
 * @param caller the caller's own line when they are on the board but not in {@code top}
 */
public record LeaderboardPage(
        BoardPeriod period, String label, List<LeaderboardEntry> top, Optional<LeaderboardEntry> caller) {

    public LeaderboardPage {
        top = List.copyOf(top);
    }
}
