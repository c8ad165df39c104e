package dev.drill.content;

import java.util.List;

/** One thing a strong answer covers, with the words and phrases that show an answer mentions it. */
public record KeyPoint(String text, List<String> signals) {
    public KeyPoint {
        signals = List.copyOf(signals);
    }
}
