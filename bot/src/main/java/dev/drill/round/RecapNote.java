package dev.drill.round;

import java.util.List;

/**
 * Lines a feature adds to the recap of a round being closed (the champion role changing hands). A bean;
 * {@link RoundService} asks every one when it publishes a recap and {@link RoundRenderer} shows the lines.
 * It may act (give a role), and a recap that failed is published again, so it must be idempotent: asked
 * again for the same round, it does nothing more and returns the same lines. A failure is its own to
 * handle (the recap must not wait on it): it returns a line saying what did not happen, or none.
 */
public interface RecapNote {

    List<String> lines(Round round);
}
