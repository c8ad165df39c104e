package dev.drill.score;

/**
 * Idempotency ids of gateway events, as members of a round's seen set. All of them are integers, so a
 * round's seen set stays a Redis intset (8 bytes an id) instead of a hash table of strings, which keeps an
 * answer within its memory budget. The kinds live in disjoint ranges: creates are the positive message id,
 * deletes its negation (snowflakes stay below 2^62 until 2049), edits a hash of message and edit time below
 * -2^62, and the mark that a member has a counted answer in the round is the member id plus 2^62.
 */
public final class EventIds {

    private static final long EDIT_RANGE = (1L << 62) - 1;
    private static final long ANSWERED_BIT = 1L << 62;

    private EventIds() {}

    public static String created(long message) {
        return Long.toString(message);
    }

    /** Also the mark that stops a later (redelivered or reordered) create of a deleted message. */
    public static String deleted(long message) {
        return Long.toString(-message);
    }

    /**
     * The mark, present while the member has a counted answer in the round. It answers "already answered?"
     * exactly even when rounds overlap, where the member's {@code lastSeq} alone cannot.
     */
    public static String answered(long member) {
        return Long.toString(member | ANSWERED_BIT);
    }

    public static String edited(long message, long editedAtMillis) {
        long h = message * 0x9E3779B97F4A7C15L ^ (editedAtMillis + 0x632BE59BD9B4E019L) * 0xC2B2AE3D27D4EB4FL;
        // Murmur3's finaliser: spreads the bits so that nearby edits of nearby messages do not collide.
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return Long.toString(Long.MIN_VALUE | (h & EDIT_RANGE));
    }
}
