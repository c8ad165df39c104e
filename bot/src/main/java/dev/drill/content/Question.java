package dev.drill.content;

import java.util.List;

/**
 * One interview question of a pack or of a guild's own questions, with the coaching content that goes with it.
 *
 * @param suggestedBy the member who suggested a guild's own question, 0 for every other question
 */
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
        List<Misconception> misconceptions,
        long suggestedBy) {

    /** A bank question, or a guild's own that nobody suggested. */
    public Question(
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
        this(id, level, number, topics, prompt, related, keyPoints, modelAnswer, followUps, source, misconceptions, 0);
    }

    /** A copy credited to the member who suggested it (shown as "suggested by …" on the question post). */
    public Question suggestedBy(long member) {
        return new Question(
                id,
                level,
                number,
                topics,
                prompt,
                related,
                keyPoints,
                modelAnswer,
                followUps,
                source,
                misconceptions,
                member);
    }

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
