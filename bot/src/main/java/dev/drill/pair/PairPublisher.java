package dev.drill.pair;

import java.util.List;

/** The Discord side of the weekly pairing, so {@link PairService} stays free of JDA (see {@link PairDiscord}). */
interface PairPublisher {

    /**
     * Whether this process serves the guild now: connected, and the guild is in its gateway session (with
     * shards, another process may serve it). A guild it does not serve is skipped, not failed.
     */
    boolean serves(long guild);

    /**
     * Opens the group's private thread under the practice channel, adds its members and posts the welcome
     * with the Interviewer card button; returns the thread's id.
     */
    long openThread(Opening opening);

    /** A group's thread to open: {@code week} and {@code index} go into the card button's id. */
    record Opening(long guild, long channel, String week, int index, List<Long> members) {
        public Opening {
            members = List.copyOf(members);
        }
    }
}
