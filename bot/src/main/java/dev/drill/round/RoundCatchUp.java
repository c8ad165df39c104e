package dev.drill.round;

/**
 * Catching up with what members did while the bot or Redis was away, as the round feature needs it: a
 * round about to close is first brought up to date (its recap then counts everything), and each tick gives
 * the catch-up a chance to notice that Redis restarted.
 */
public interface RoundCatchUp {

    /** Nothing to catch up with (tests that drive rounds without Discord). */
    RoundCatchUp NONE = new RoundCatchUp() {
        @Override
        public void beforeClose(long guild, String date) {}

        @Override
        public void onTick() {}
    };

    /** Brings the round up to date if it still needs it; called before it is closed for scoring. */
    void beforeClose(long guild, String date);

    /** Called at the start of every scheduler tick. */
    void onTick();
}
