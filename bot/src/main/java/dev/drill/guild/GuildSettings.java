package dev.drill.guild;

import dev.drill.content.Level;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A guild's schedule and options, as an admin set them with {@code /drill-admin setup}.
 *
 * @param pingRole the role pinged on each post, or 0 for none
 * @param reviewerRole a role that may award best answers besides Manage Server, or 0 for none
 * @param pausedReason why the bot paused itself (lost channel or permission), or empty when an admin paused
 *     it or it runs
 */
public record GuildSettings(
        long guild,
        long channel,
        LocalTime time,
        ZoneId zone,
        Set<DayOfWeek> days,
        List<Level> levels,
        long pingRole,
        long reviewerRole,
        boolean paused,
        String pausedReason) {

    public GuildSettings {
        if (days.isEmpty() || levels.isEmpty()) {
            throw new IllegalArgumentException("a schedule needs at least one day and one level");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
        levels = List.copyOf(levels);
        pausedReason = pausedReason == null ? "" : pausedReason;
    }

    public GuildSettings withPaused(boolean paused, String reason) {
        return new GuildSettings(guild, channel, time, zone, days, levels, pingRole, reviewerRole, paused, reason);
    }
}
