package dev.drill.answer;

/** What happened when a moderator tried to award a round's best answer. */
public enum AwardOutcome {
    /** The answer got the award (or already had it: the same award twice is still a success). */
    AWARDED,
    /** The message is not a counted answer of a round. */
    NOT_AN_ANSWER,
    /** The round's award already went to another answer. */
    ALREADY_AWARDED,
    /** The moderator chose their own message: refused, nothing changed. */
    OWN_ANSWER
}
