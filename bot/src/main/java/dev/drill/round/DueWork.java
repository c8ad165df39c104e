package dev.drill.round;

import java.time.Instant;

/**
 * Work a feature runs on the scheduler's tick that is not tied to one round: the weekly pairing, deleting
 * the data of a guild that removed Drill. A feature implements it as a bean; {@link RoundScheduler} calls
 * every bean after the rounds' own due work, each tick, with the clock's instant. An implementation finds
 * for itself what is due (cheaply: it runs every few seconds), must be safe to run again after a failure or
 * on a second instance, and throws to be tried again at the next tick.
 */
public interface DueWork {

    /** A short name for the log when a run fails. */
    String name();

    /** Does whatever of this feature's work has come due at {@code now}. */
    void runDue(Instant now);
}
