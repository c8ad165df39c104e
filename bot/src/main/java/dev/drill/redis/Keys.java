package dev.drill.redis;

/**
 * The one place Redis keys are built. Every key of a guild carries the hash tag {@code {g:<guild>}}, so a
 * guild's keys share one Redis Cluster slot and a multi-key script over one guild works on a cluster.
 */
public final class Keys {

    private static final String PREFIX = "drill:";

    private Keys() {}

    /** Guilds by the epoch millisecond of their next due work (open or close a round). */
    public static String due() {
        return PREFIX + "due";
    }

    /** The guild's settings: channel, time, zone, days, levels, ping role, paused. */
    public static String settings(long guild) {
        return guild(guild) + "settings";
    }

    /** The guild's round state: the open round's date, the round counter, the level rotation pointer. */
    public static String state(long guild) {
        return guild(guild) + "state";
    }

    /** One round, by its guild-local opening date: question, post, thread, window, state. */
    public static String round(long guild, String date) {
        return guild(guild) + "round:" + date;
    }

    /** The exactly-once claim of a round, taken with {@code SET NX} before anything is posted. */
    public static String claim(long guild, String date) {
        return guild(guild) + "claim:" + date;
    }

    /** Dates of the guild's closed rounds whose thread lock and recap are not out yet. */
    public static String pendingRecaps(long guild) {
        return guild(guild) + "recaps:pending";
    }

    /** Answer threads of the guild's rounds: thread id to round date. */
    public static String threads(long guild) {
        return guild(guild) + "threads";
    }

    /** Question ids of one level asked in the guild's current cycle. */
    public static String asked(long guild, String level) {
        return guild(guild) + "asked:" + level;
    }

    /** A round's counted answers: message id to its packed record (member, points, votes, undo data). */
    public static String answers(long guild, String date) {
        return guild(guild) + "answers:" + date;
    }

    /** A round's valid votes, as {@code <message>:<voter>}. */
    public static String voters(long guild, String date) {
        return guild(guild) + "voters:" + date;
    }

    /** Idempotency ids of a round's events; the whole set expires some days after the round. */
    public static String seen(long guild, String date) {
        return guild(guild) + "seen:" + date;
    }

    /** A member's counters: answers, streak, best streak, last answered round, votes, awards. */
    public static String member(long guild, long member) {
        return guild(guild) + "member:" + member;
    }

    /**
     * The guild-local dates of the rounds a member answered (score: the date's epoch day), for the calendar of
     * {@code /drill stats}; only the last weeks are kept.
     */
    public static String answeredDays(long guild, long member) {
        return guild(guild) + "days:" + member;
    }

    /** Display names, so members who left still show on the board. */
    public static String names(long guild) {
        return guild(guild) + "names";
    }

    public static String boardAllTime(long guild) {
        return guild(guild) + "lb:all";
    }

    /** The board of one ISO week in the guild's zone, e.g. {@code 2026-W49}. */
    public static String boardWeek(long guild, String isoWeek) {
        return guild(guild) + "lb:w:" + isoWeek;
    }

    /** The board of one month in the guild's zone, e.g. {@code 2026-12}. */
    public static String boardMonth(long guild, String month) {
        return guild(guild) + "lb:m:" + month;
    }

    // ---------------------------------------------------------------- pair: mock-interview pairs

    /** The guilds with weekly pairing on; global (like {@link #due()}), never used inside a guild's script. */
    public static String pairingGuilds() {
        return PREFIX + "pairing";
    }

    /** The guild's pairing settings: the weekday ({@code MONDAY}…), absent when pairing is off. */
    public static String pairSettings(long guild) {
        return guild(guild) + "pair:settings";
    }

    /** Members who opted in to the weekly pairing. */
    public static String pairMembers(long guild) {
        return guild(guild) + "pair:members";
    }

    /** Pairs that met since the history last started over, as {@code <smaller id>:<larger id>}. */
    public static String pairMet(long guild) {
        return guild(guild) + "pair:met";
    }

    /** One week's pairing (ISO week in the guild's zone): its groups, their questions and threads, its state. */
    public static String pairWeek(long guild, String isoWeek) {
        return guild(guild) + "pair:week:" + isoWeek;
    }

    /** The lease of whoever is running a week's pairing (SET NX PX), so a second instance waits. */
    public static String pairLease(long guild, String isoWeek) {
        return guild(guild) + "pair:lease:" + isoWeek;
    }

    /** The pair threads: thread id to its week and group, for the card button and {@code /drill pair done}. */
    public static String pairThreads(long guild) {
        return guild(guild) + "pair:threads";
    }

    /** Idempotency ids of held pair sessions ({@code pair-session.lua}). */
    public static String pairSessionsSeen(long guild) {
        return guild(guild) + "pair:seen";
    }

    private static String guild(long guild) {
        return PREFIX + "{g:" + guild + "}:";
    }
}
