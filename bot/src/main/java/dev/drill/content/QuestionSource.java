package dev.drill.content;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a guild's rounds take their questions from: the bank, the guild's own questions, or both. */
public enum QuestionSource {
    BANK,
    OWN,
    BOTH;

    /** The name used in {@code /drill-admin setup source:…} and in Redis. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<QuestionSource> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id().equals(wanted)).findFirst();
    }
}
