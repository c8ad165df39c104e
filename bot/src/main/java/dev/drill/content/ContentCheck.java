package dev.drill.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The coaching-content rules a question must meet before it ships: a model answer of interview length that
 * fits an embed, key points with enough signals, follow-ups, misconceptions with enough signals, no placeholder
 * text, and an answer that itself mentions at least half of its own key points (the check a lazy answer fails).
 */
public final class ContentCheck {

    static final int MIN_WORDS = 150;
    static final int MAX_WORDS = 350;
    private static final Pattern PLACEHOLDER =
            Pattern.compile("(?i)\\b(todo|tbd|fixme|lorem|ipsum|placeholder|xxx)\\b|\\.\\.\\.\\s*$");

    /** One rule a question breaks, named like a loader error: file, field, problem. */
    public record Problem(String file, String field, String problem) {
        @Override
        public String toString() {
            return file + ": field '" + field + "' " + problem;
        }
    }

    private ContentCheck() {}

    public static List<Problem> check(QuestionBank bank) {
        List<Problem> problems = new ArrayList<>();
        bank.all().forEach(q -> problems.addAll(check(q)));
        return problems;
    }

    public static List<Problem> check(Question q) {
        List<Problem> problems = new ArrayList<>();
        String answer = q.modelAnswer();
        int words = answer.isBlank() ? 0 : answer.strip().split("\\s+").length;
        if (words < MIN_WORDS || words > MAX_WORDS) {
            problems.add(new Problem(
                    q.source(), "modelAnswer", "has " + words + " words; it needs " + MIN_WORDS + " to " + MAX_WORDS));
        }
        if (answer.length() > ContentLoader.MAX_MODEL_ANSWER) {
            problems.add(new Problem(
                    q.source(), "modelAnswer", "is over " + ContentLoader.MAX_MODEL_ANSWER + " characters"));
        }
        if (q.keyPoints().size() < 3 || q.keyPoints().size() > 6) {
            problems.add(new Problem(
                    q.source(), "keyPoints", "has " + q.keyPoints().size() + " key points; it needs 3 to 6"));
        }
        for (KeyPoint point : q.keyPoints()) {
            if (point.signals().size() < 2) {
                problems.add(new Problem(q.source(), "keyPoints", "'" + point.text() + "' needs at least two signals"));
            }
        }
        if (q.followUps().isEmpty() || q.followUps().size() > 3) {
            problems.add(new Problem(
                    q.source(), "followUps", "has " + q.followUps().size() + " follow-ups; it needs 1 to 3"));
        }
        if (q.misconceptions().isEmpty() || q.misconceptions().size() > 4) {
            problems.add(new Problem(
                    q.source(),
                    "misconceptions",
                    "has " + q.misconceptions().size() + " misconceptions; it needs 1 to 4"));
        }
        for (Misconception wrong : q.misconceptions()) {
            if (wrong.claim().isBlank()
                    || wrong.correction().isBlank()
                    || wrong.signals().size() < 2) {
                problems.add(new Problem(
                        q.source(),
                        "misconceptions",
                        "'" + wrong.claim() + "' needs a claim, a correction and at least two signals"));
            }
        }
        List<String> texts = new ArrayList<>(List.of(answer));
        texts.addAll(q.followUps());
        q.keyPoints().forEach(p -> texts.add(p.text()));
        for (String text : texts) {
            if (PLACEHOLDER.matcher(text).find()) {
                problems.add(new Problem(
                        q.source(),
                        fieldOf(q, text),
                        "has placeholder text: \""
                                + text.strip().lines().findFirst().orElse("") + "\""));
            }
        }
        if (!q.keyPoints().isEmpty()) {
            KeyPointMatcher.Coverage coverage = KeyPointMatcher.match(answer, q.keyPoints());
            if (coverage.covered().size() * 2 < q.keyPoints().size()) {
                problems.add(new Problem(
                        q.source(),
                        "modelAnswer",
                        "mentions only " + coverage.covered().size() + " of its "
                                + q.keyPoints().size() + " key points by their signals"));
            }
        }
        return problems;
    }

    private static String fieldOf(Question q, String text) {
        if (text.equals(q.modelAnswer())) {
            return "modelAnswer";
        }
        return q.followUps().contains(text) ? "followUps" : "keyPoints";
    }
}
