package dev.drill.round;

import dev.drill.guild.GuildSettings;
import java.time.Instant;
import java.util.Optional;

/**
 * Something that happens once at a set time inside an open round: a reminder before the close, the reveal
 * of blind answers. A feature implements it as a bean; {@link RoundService} books its time with the round's
 * other due work, fires it once per round under a lease in Redis (a failure is tried again; two instances
 * never both fire it), and never after the round closed.
 */
public interface RoundMoment {

    /** A short stable name (letters and dashes): it keys the once-per-round record of the moment. */
    String name();

    /**
     * When this moment comes in an open round, or empty when it does not apply there (the feature is off
     * for the guild). A time at or after the close never fires, unless {@link #beforeClose()}.
     */
    Optional<Instant> at(GuildSettings settings, Round round);

    /**
     * Does what the moment is for. It may run again after a failure or a crash halfway, so what it sends
     * to Discord carries a nonce derived from the round ({@link RoundService#nonce}). Throw to be tried
     * again at the next tick.
     */
    void fire(GuildSettings settings, Round round);

    /**
     * True when the round must not close before this moment fired (blind answers must be out before the
     * recap): a close fires it first if it is still owed. False (the default) drops a moment whose time
     * passed the close (a reminder after the close says nothing useful).
     */
    default boolean beforeClose() {
        return false;
    }
}
