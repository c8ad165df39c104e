package dev.drill.ops;

import org.slf4j.MDC;

/**
 * Puts the guild a piece of work is about into the logging MDC, so every log line it writes carries it (a
 * field of its own in the prod profile's JSON logs). Used where work for one guild starts: a scheduler
 * tick per guild, an interaction, a message event.
 */
public final class GuildLog {

    /** The MDC key. */
    public static final String KEY = "guild";

    private GuildLog() {}

    /** Use in try-with-resources; 0 (no guild, e.g. a DM) leaves the MDC as it is. */
    public static MDC.MDCCloseable about(long guild) {
        return guild == 0 ? MDC.putCloseable(KEY, MDC.get(KEY)) : MDC.putCloseable(KEY, Long.toUnsignedString(guild));
    }
}
