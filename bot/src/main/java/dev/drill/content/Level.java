package dev.drill.content;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How senior a question is; rounds rotate through the levels a guild chose. */
public enum Level {
    FRESHER,
    INTERMEDIATE,
    EXPERIENCED;

    /** The name used in content files, settings and commands. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String title() {
        return switch (this) {
            case FRESHER -> "Fresher";
            case INTERMEDIATE -> "Intermediate";
            case EXPERIENCED -> "Experienced";
        };
    }

    public static Optional<Level> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.id().equals(wanted)).findFirst();
    }
}
