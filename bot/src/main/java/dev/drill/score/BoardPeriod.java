package dev.drill.score;

import java.util.Locale;
import java.util.Optional;

/** Which leaderboard: the guild's current ISO week, current month, or all time. */
public enum BoardPeriod {
    WEEK,
    MONTH,
    ALL;

    /** The option value members type, e.g. {@code week}. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BoardPeriod> fromOption(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (BoardPeriod period : values()) {
            if (period.option().equalsIgnoreCase(value.strip())) {
                return Optional.of(period);
            }
        }
        return Optional.empty();
    }
}
