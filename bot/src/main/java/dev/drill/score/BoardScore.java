package dev.drill.score;

import java.time.Instant;

/**
 * The sorted-set score of a board entry: points first, then who reached them first. Encoded as
 * {@code points * 1e10 + (9999999999 - secondsSince2020)}, so a higher score always means more points, and
 * among equal points the earlier arrival ranks higher. Exact in a double up to ~900,000 points. The Lua
 * scripts do the same arithmetic; this class is the reference for Java and the tests.
 */
public final class BoardScore {

    static final long SCALE = 10_000_000_000L;
    static final long TIE_MAX = 9_999_999_999L;
    private static final long EPOCH_2020 = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();

    private BoardScore() {}

    /** The tie-break part for a change made at {@code at}: larger for earlier instants. */
    public static long tie(Instant at) {
        long seconds = Math.max(0, at.getEpochSecond() - EPOCH_2020);
        return TIE_MAX - Math.min(seconds, TIE_MAX);
    }

    public static double encode(long points, Instant reachedAt) {
        return (double) points * SCALE + tie(reachedAt);
    }

    public static long points(double score) {
        return (long) Math.floor(score / SCALE);
    }
}
