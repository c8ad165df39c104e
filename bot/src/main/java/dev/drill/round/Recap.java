package dev.drill.round;

import dev.drill.content.Question;
import dev.drill.score.RecapScores;

/**
 * What a round's recap says: the question and its coaching content, who took part, the best-voted answers,
 * the best-answer award, the top of the week's board,
 * and the lines features add ({@link RecapNote}).
 */
public record Recap(
        long guild,
        long thread,
        String date,
        Question question,
        boolean skipped,
        RecapScores scores,
        java.util.List<String> notes) {

    public Recap {
        notes = notes == null ? java.util.List.of() : java.util.List.copyOf(notes);
    }

    /** A recap without the lines of {@link RecapNote}s. */
    public Recap(long guild, long thread, String date, Question question, boolean skipped, RecapScores scores) {
        this(guild, thread, date, question, skipped, scores, java.util.List.of());
    }
}
