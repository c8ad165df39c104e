package dev.drill.answer;

import java.util.Locale;
import java.util.Optional;

/** How a guild's members answer a round (setup's {@code answers} option). */
public enum AnswerMode {
    /** A reply in the round's thread (the default): the bot reads it, so it needs the Message Content intent. */
    THREAD,
    /** The Answer button on the question post: a form whose text the bot posts into the thread at once. */
    MODAL,
    /** The same form, but the answers stay hidden until the reveal posts them all into the thread. */
    BLIND;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AnswerMode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (AnswerMode mode : values()) {
            if (mode.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    /** Whether members answer with the Answer button's form. */
    public boolean usesForm() {
        return this != THREAD;
    }
}
