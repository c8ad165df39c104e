package dev.drill.content;

import java.util.List;

/**
 * A wrong statement interviewers really hear for a question, what is right instead, the key point it contradicts
 * ({@link #NONE} when it contradicts none), and the phrases that show an answer states it.
 */
public record Misconception(String claim, String correction, int contradicts, List<String> signals) {

    /** The value of {@link #contradicts()} for a misconception that contradicts no key point. */
    public static final int NONE = -1;

    public Misconception {
        signals = List.copyOf(signals);
    }

    public boolean contradictsKeyPoint() {
        return contradicts != NONE;
    }
}
