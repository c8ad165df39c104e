package dev.drill.score;

/**
 * How many points each part of an answer is worth: the one home of these numbers. Bound from
 * {@code drill.points.*} (ScoreConfig); the Lua scripts receive them as arguments and apply the formulas
 * (the streak bonus and the vote cap are computed there, nowhere else), and the help, the question post,
 * the recap and the feedback text are rendered from them.
 *
 * @param answer points for a counted answer
 * @param streakBonusPerRound bonus per consecutive round answered beyond the first
 * @param streakBonusMax the streak bonus never exceeds this
 * @param perVote points per 👍 from another member
 * @param votesMax vote points of one answer never exceed this
 * @param bestAnswer points for the moderator's best-answer award
 * @param minAnswerChars visible characters a message needs to count as an answer
 * @param pairSession points for each member of a mock-interview pair whose session was held (once a week)
 */
public record PointsRules(
        int answer,
        int streakBonusPerRound,
        int streakBonusMax,
        int perVote,
        int votesMax,
        int bestAnswer,
        int minAnswerChars,
        int pairSession) {

    public static final PointsRules DEFAULTS = new PointsRules(10, 1, 5, 1, 5, 5, 40, 3);

    public PointsRules {
        if (answer < 0
                || streakBonusPerRound < 0
                || streakBonusMax < 0
                || perVote < 0
                || votesMax < 0
                || bestAnswer < 0
                || pairSession < 0) {
            throw new IllegalArgumentException("Points cannot be negative");
        }
        if (minAnswerChars < 1) {
            throw new IllegalArgumentException("An answer needs at least one visible character");
        }
    }

    /** The points, as the help and the README state them. */
    public String summary() {
        return "+" + answer + " for an answer · +" + streakBonusPerRound + " per round of streak beyond the first"
                + " (max +" + streakBonusMax + ") · +" + perVote + " per 👍 from another member (max +" + votesMax
                + ") · +" + bestAnswer + " for the best answer, awarded by a moderator · +" + pairSession
                + " each for a mock-interview pair session held";
    }
}
