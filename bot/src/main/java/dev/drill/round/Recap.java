package dev.drill.round;

import dev.drill.content.Question;
import dev.drill.score.RecapScores;

/**
 * What a round's recap says: the question and its coaching content, who took part, the best-voted answers,
 * the best-answer award and the top of the week's board.
 */
public record Recap(long guild, long thread, String date, Question question, boolean skipped, RecapScores scores) {}
