package dev.drill.score;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * The week and month boards a round's points go to: the ISO week ({@code 2026-W49}) and month
 * ({@code 2026-12}) of the round's guild-local date, so an answer written late on Sunday in Auckland and
 * one written on Monday in UTC land on the week their round belongs to.
 */
public record Period(String week, String month) {

    /** The periods of a guild-local date, e.g. a round id. */
    public static Period of(LocalDate date) {
        return new Period(
                String.format(
                        Locale.ROOT,
                        "%d-W%02d",
                        date.get(IsoFields.WEEK_BASED_YEAR),
                        date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                String.format(Locale.ROOT, "%d-%02d", date.getYear(), date.getMonthValue()));
    }

    /** The periods an instant falls in, seen from the guild's zone (for "this week" on the board). */
    public static Period at(Instant instant, ZoneId zone) {
        return of(instant.atZone(zone).toLocalDate());
    }
}
