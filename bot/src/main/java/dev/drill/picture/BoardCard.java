package dev.drill.picture;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the leaderboard card shows.
 *
 * @param title e.g. {@code Leaderboard · week 2026-W49}
 * @param comparedWith the previous period the arrows compare with, e.g. {@code week 2026-W48}; empty for a
 *     board without one (all time): then no row has an arrow
 * @param rows the leaders, best first
 * @param caller the asker's own row when they are on the board but not among {@code rows}
 */
public record BoardCard(String title, Optional<String> comparedWith, List<Row> rows, Optional<Row> caller) {

    public BoardCard {
        rows = List.copyOf(rows);
    }

    /**
     * One member's line.
     *
     * @param name the display name as stored (may hold emoji or be empty)
     * @param previousRank the member's rank on the previous period's board; empty when they were not on it
     */
    public record Row(long rank, long memberId, String name, long points, OptionalLong previousRank) {

        public Row {
            name = name == null ? "" : name;
        }
    }
}
