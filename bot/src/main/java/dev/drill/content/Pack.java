package dev.drill.content;

import java.util.List;

/** A question pack: its name, the levels it has and the fixed topic vocabulary its questions use. */
public record Pack(String id, String name, String description, List<Level> levels, List<String> topics) {
    public Pack {
        levels = List.copyOf(levels);
        topics = List.copyOf(topics);
    }
}
