package dev.drill.round;

import dev.drill.guild.GuildSettings;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * When a guild's rounds open and close. Local times are resolved by {@code java.time}'s rules: a time that
 * does not exist on a daylight-saving day (the clock jumps over it) moves forward by the length of the gap
 * (02:30 becomes 03:30), and a time that exists twice fires once, at the first of the two.
 */
public record Schedule(LocalTime time, ZoneId zone, Set<DayOfWeek> days) {

    /** A round stays open until the next one opens, but never longer than this. */
    public static final Duration MAX_WINDOW = Duration.ofDays(7);

    public static Schedule of(GuildSettings settings) {
        return new Schedule(settings.time(), settings.zone(), settings.days());
    }

    /** The opening instant on a local date, if that date is a scheduled day. */
    public Optional<Instant> openingOn(LocalDate date) {
        if (!days.contains(date.getDayOfWeek())) {
            return Optional.empty();
        }
        // ZonedDateTime.of shifts a gap forward by its length and takes the earlier offset in an overlap.
        return Optional.of(ZonedDateTime.of(date, time, zone).toInstant());
    }

    /** The first opening strictly after an instant. */
    public Instant nextOpening(Instant after) {
        LocalDate date = LocalDate.ofInstant(after, zone).minusDays(1);
        for (int i = 0; i < 9; i++, date = date.plusDays(1)) {
            Optional<Instant> opening = openingOn(date);
            if (opening.isPresent() && opening.get().isAfter(after)) {
                return opening.get();
            }
        }
        throw new IllegalStateException("a schedule with days " + days + " has no opening within a week");
    }

    /** The latest opening at or before an instant, within the last eight days. */
    public Optional<Instant> latestOpeningAtOrBefore(Instant now) {
        LocalDate date = LocalDate.ofInstant(now, zone).plusDays(1);
        for (int i = 0; i < 10; i++, date = date.minusDays(1)) {
            Optional<Instant> opening = openingOn(date);
            if (opening.isPresent() && !opening.get().isAfter(now)) {
                return opening;
            }
        }
        return Optional.empty();
    }

    /**
     * When a round that opened on a local date closes: when the next round opens (on a later date, since a
     * guild has at most one round a day), but at most {@link #MAX_WINDOW} after it opened.
     */
    public Instant closeOf(LocalDate roundDate, Instant opened) {
        Instant cap = opened.plus(MAX_WINDOW);
        LocalDate date = roundDate.plusDays(1);
        for (int i = 0; i < 8; i++, date = date.plusDays(1)) {
            Optional<Instant> opening = openingOn(date);
            if (opening.isPresent() && opening.get().isAfter(opened)) {
                return opening.get().isBefore(cap) ? opening.get() : cap;
            }
        }
        return cap;
    }

    /** The round id of an opening: its date in the guild's zone. */
    public LocalDate dateOf(Instant opening) {
        return LocalDate.ofInstant(opening, zone);
    }
}
