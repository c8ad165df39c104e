package dev.drill.score;

/**
 * A counted answer as packed in its round's answers hash (see {@code score-lib.lua}): who wrote it and the
 * points it earned, part by part, so a withdrawal can take back exactly what was given.
 */
record AnswerRecord(
        long messageId, long memberId, int base, int streakBonus, int votes, int votePoints, int awardPoints) {

    static AnswerRecord parse(long messageId, String packed) {
        String[] f = packed.split(",");
        if (f.length < 9) {
            throw new IllegalStateException("Malformed answer record for message " + messageId + ": " + packed);
        }
        return new AnswerRecord(
                messageId,
                Long.parseLong(f[0]),
                Integer.parseInt(f[1]),
                Integer.parseInt(f[2]),
                Integer.parseInt(f[3]),
                Integer.parseInt(f[4]),
                Integer.parseInt(f[5]));
    }

    static long authorOf(String packed) {
        int comma = packed.indexOf(',');
        return Long.parseLong(comma < 0 ? packed : packed.substring(0, comma));
    }
}
