package dev.drill.content;

import java.util.List;

/** One interview question of a pack, with the coaching content that goes with it. */
public record Question(
        String id,
        Level level,
        int number,
        List<String> topics,
        String prompt,
        List<String> related,
        List<KeyPoint> keyPoints,
        String modelAnswer,
        List<String> followUps,
        String source,
        List<Misconception> misconceptions) {

    public Question {
        topics = List.copyOf(topics);
        related = List.copyOf(related);
        keyPoints = List.copyOf(keyPoints);
        followUps = List.copyOf(followUps);
        misconceptions = misconceptions == null ? List.of() : List.copyOf(misconceptions);
        modelAnswer = modelAnswer == null ? "" : modelAnswer.strip();
    }

    public boolean hasCoaching() {
        return !modelAnswer.isEmpty() && !keyPoints.isEmpty();
    }
}
