package dev.drill.round;

/** Opens and closes the rounds that are due; called by a periodic tick and, in tests, after the clock moves. */
public class RoundScheduler {

    /** Runs every piece of due work (open or close rounds) for the current instant of the clock. */
    public void tick() {}
}
