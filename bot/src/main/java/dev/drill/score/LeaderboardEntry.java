package dev.drill.score;

/**
 * One line of a board.
 *
 * @param rank 1 for the leader
 * @param name the last display name Drill saw, empty if none
 */
public record LeaderboardEntry(long rank, long memberId, String name, long points) {

    public LeaderboardEntry {
        name = name == null ? "" : name;
    }
}
