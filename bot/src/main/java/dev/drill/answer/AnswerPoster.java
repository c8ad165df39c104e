package dev.drill.answer;

/** What form answers need from Discord: post a member's answer into a round's thread, and replace it. */
interface AnswerPoster {

    /**
     * Posts the answer in the thread, with the nonce so a retry within Discord's nonce window cannot post it
     * twice; returns the message's id.
     */
    long post(long guild, long thread, FormAnswer answer, String nonce);

    /** Replaces the posted answer's text; false when that message is gone (deleted by a moderator). */
    boolean edit(long guild, long thread, long message, FormAnswer answer);
}
