package dev.drill.round;

import dev.drill.content.Question;

/**
 * What a round's recap says: the question, who took part, and (filled by the score and content features)
 * the best answers, the award, the week's board and the model answer.
 */
public record Recap(String date, Question question, boolean skipped, int participants) {}
