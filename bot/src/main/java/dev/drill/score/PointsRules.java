package dev.drill.score;

/**
 * How many points each part of an answer is worth. One record, so that a later per-guild setting can
 * replace {@link #DEFAULTS} without touching the scoring code or the Lua scripts (which receive these
 * numbers as arguments).
 *
 * @param answer points for a counted answer
 * @param streakBonusPerRound bonus per consecutive round answered beyond the first
 * @param streakBonusMax the streak bonus never exceeds this
 * @param perVote points per 👍 from another member
 * @param votesMax vote points of one answer never exceed this
 * @param bestAnswer points for the moderator's best-answer award
 * @param minAnswerChars visible characters a message needs to count as an answer
 */
public record PointsRules(
        int answer,
        int streakBonusPerRound,
        int streakBonusMax,
        int perVote,
        int votesMax,
        int bestAnswer,
        int minAnswerChars) {

    public static final PointsRules DEFAULTS = new PointsRules(10, 1, 5, 1, 5, 5, 40);

    public PointsRules {
        if (answer < 0
                || streakBonusPerRound < 0
                || streakBonusMax < 0
                || perVote < 0
                || votesMax < 0
                || bestAnswer < 0) {
            throw new IllegalArgumentException("Points cannot be negative");
        }
        if (minAnswerChars < 1) {
            throw new IllegalArgumentException("An answer needs at least one visible character");
        }
    }

    /** The bonus of an answer that makes {@code streak} consecutive rounds (1 = no streak yet). */
    public int streakBonus(int streak) {
        return Math.min(Math.max(0, streak - 1) * streakBonusPerRound, streakBonusMax);
    }

    /** The points that {@code votes} valid votes are worth on one answer. */
    public int votePoints(int votes) {
        return Math.min(Math.max(0, votes) * perVote, votesMax);
    }
}
