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

    // ---- The guild's own questions, member suggestions (issue 14: items 1 and 2)

    /** The guild's own questions: question id to the question as JSON (text the guild's admins gave). */
    public static String ownQuestions(long guild) {
        return guild(guild) + "own:questions";
    }

    /**
     * Settings and counters of the guild's own questions: {@code source} (bank, own or both), {@code review} (the
     * review channel), {@code next} (the question pinned for the next round), {@code seq} (the id counter).
     */
    public static String ownSettings(long guild) {
        return guild(guild) + "own:settings";
    }

    /** Member suggestions waiting for review: suggestion id to the suggestion as JSON. */
    public static String suggestions(long guild) {
        return guild(guild) + "own:suggestions";
    }

    /** The ids of a member's open suggestions, so one member cannot queue more than a few. */
    public static String openSuggestions(long guild, long member) {
        return guild(guild) + "own:open:" + member;
    }

    // ---------------------------------------------------------------- team: reminder, champion, data rights

    /** The guild's champion role state: current holder, the last period awarded, and its recap line. */
    public static String champion(long guild) {
        return guild(guild) + "champion";
    }

    /** An archived all-time board of a season, by the season name an admin gave at the reset. */
    public static String boardSeason(long guild, String season) {
        return guild(guild) + "lb:s:" + season;
    }

    /** The guild's archived seasons: season name to the instant (epoch ms) it was archived. */
    public static String seasons(long guild) {
        return guild(guild) + "seasons";
    }

    /** A SCAN pattern matching every key of the guild (its hash tag), for export and deletion. */
    public static String guildPattern(long guild) {
        return guild(guild) + "*";
    }

    /**
     * Guilds that removed Drill, by the epoch millisecond their data is to be deleted; global like
     * {@link #due()}, never used inside a guild's script.
     */
    public static String departed() {
        return PREFIX + "departed";
    }

    // How members answer (answer.AnswerForms): the guild's answer mode and reveal, a round's form answers and
    // the blind answers waiting for their reveal.

    /** The guild's answer settings: {@code mode} (thread, modal, blind) and {@code reveal} (seconds before close). */
    public static String answerSettings(long guild) {
        return guild(guild) + "answering";
    }

    /**
     * A round's answers given with the Answer button: {@code m:<member>} to the message the bot posted for
     * them, {@code p:<message>} back to the member.
     */
    public static String formAnswers(long guild, String date) {
        return guild(guild) + "forms:" + date;
    }

    /**
     * A round's blind answers until their reveal: {@code t:<member>} the text, {@code n:<member>} the name (both
     * deleted once posted), {@code o:<member>} the order of first submission, {@code revealed} once the reveal
     * began. The one key where Redis holds what members wrote.
     */
    public static String blindAnswers(long guild, String date) {
        return guild(guild) + "blind:" + date;
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
