package dev.drill.practice;

import dev.drill.content.QuestionBank;
import java.util.SplittableRandom;

/** Practice picks that repeat run after run, so the playground prints the same transcript for the same script. */
public final class RepeatablePractice {

    private RepeatablePractice() {}

    public static PracticeService of(QuestionBank bank, long seed) {
        return new PracticeService(bank, new SplittableRandom(seed));
    }
}
