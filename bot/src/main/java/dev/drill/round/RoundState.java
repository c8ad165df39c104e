package dev.drill.round;

/** Where a round is: claimed (about to be posted), open for answers, closed with a recap, or skipped. */
public enum RoundState {
    CLAIMED,
    OPEN,
    CLOSED,
    SKIPPED
}
