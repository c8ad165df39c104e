package dev.drill.score;

import java.util.List;
import java.util.Optional;

/**
 * The scoring part of a round's recap.
 *
 * @param participants members with a counted answer
 * @param answers every counted answer, oldest first
 * @param topVoted up to three answers with the most votes (ties: the earlier message first); answers with no
 *     vote are included when fewer than three have votes, so the recap decides what to show
 * @param bestAnswer the moderator's award, if any
 * @param weekTop the top five of the board of the round's ISO week
 */
public record RecapScores(
        int participants,
        List<CountedAnswer> answers,
        List<CountedAnswer> topVoted,
        Optional<CountedAnswer> bestAnswer,
        List<LeaderboardEntry> weekTop) {

    public RecapScores {
        answers = List.copyOf(answers);
        topVoted = List.copyOf(topVoted);
        weekTop = List.copyOf(weekTop);
    }
}
