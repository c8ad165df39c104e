package dev.drill.guild;

import dev.drill.content.Level;
import dev.drill.discord.Replies;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parses what an admin types into {@code /drill-admin setup}. Every refusal is a sentence that says what is
 * accepted, because it is shown to the admin as it is; the value typed is shown back through
 * {@link Replies#quote}.
 */
public final class ScheduleOptions {

    /** A problem with one option, worded for the admin who typed it. */
    public static final class InvalidOption extends RuntimeException {
        public InvalidOption(String sentence) {
            super(sentence);
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");
    private static final Map<String, DayOfWeek> DAY_NAMES = Arrays.stream(DayOfWeek.values())
            .collect(Collectors.toMap(d -> d.name().substring(0, 3).toLowerCase(Locale.ROOT), d -> d));

    private ScheduleOptions() {}

    public static LocalTime time(String value) {
        try {
            return LocalTime.parse(value.strip(), TIME);
        } catch (DateTimeParseException e) {
            throw new InvalidOption(
                    Replies.quote(value) + " is not a time: use 24-hour HH:mm, for example `09:00` or `17:30`.");
        }
    }

    public static ZoneId zone(String value) {
        String id = value.strip();
        // Only region ids: a fixed offset such as +01:00 would silently ignore daylight-saving changes.
        if (ZoneId.getAvailableZoneIds().contains(id)) {
            try {
                return ZoneId.of(id);
            } catch (DateTimeException e) {
                // fall through to the sentence below
            }
        }
        throw new InvalidOption(Replies.quote(value)
                + " is not a time zone I know: use an IANA name such as `Europe/Berlin`, `America/New_York` or"
                + " `UTC` (the option suggests them as you type).");
    }

    /** {@code daily}, {@code mon-fri} (the default), {@code weekends}, or a list such as {@code mon,wed,fri}. */
    public static Set<DayOfWeek> days(String value) {
        if (value == null || value.isBlank()) {
            return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        switch (v) {
            case "daily", "every day", "all" -> {
                return EnumSet.allOf(DayOfWeek.class);
            }
            case "mon-fri", "weekdays" -> {
                return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
            }
            case "weekends", "sat-sun" -> {
                return EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            }
            default -> {
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                for (String part : v.split("[,\\s]+")) {
                    DayOfWeek day = DAY_NAMES.get(part.length() >= 3 ? part.substring(0, 3) : part);
                    if (day == null || !day.name().toLowerCase(Locale.ROOT).startsWith(part)) {
                        throw new InvalidOption(Replies.quote(value)
                                + " is not a list of days: use `daily`, `mon-fri`, or days such as"
                                + " `mon,wed,fri`.");
                    }
                    days.add(day);
                }
                return days;
            }
        }
    }

    /** {@code all} (the default) or a list of levels, in the order the rotation should follow. */
    public static List<Level> levels(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("all")) {
            return List.of(Level.values());
        }
        List<Level> levels = new ArrayList<>();
        for (String part : value.strip().split("[,\\s]+")) {
            Level level = Level.parse(part)
                    .orElseThrow(() -> new InvalidOption(Replies.quote(value)
                            + " is not a list of levels: use `all`, or any of"
                            + " `fresher,intermediate,experienced`."));
            if (!levels.contains(level)) {
                levels.add(level);
            }
        }
        return levels;
    }

    /** How days read back to an admin: {@code daily}, {@code mon-fri} or {@code Mon, Wed, Fri}. */
    public static String describeDays(Set<DayOfWeek> days) {
        if (days.size() == 7) {
            return "daily";
        }
        if (days.equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))) {
            return "mon-fri";
        }
        return EnumSet.copyOf(days).stream()
                .map(d -> d.name().charAt(0) + d.name().substring(1, 3).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
