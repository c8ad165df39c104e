package dev.drill.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The coaching-content rules a question must meet before it ships: a model answer of interview length that
 * fits an embed, key points with enough signals, follow-ups, misconceptions with enough signals, no placeholder
 * text; and signals that mean something: the prompt alone covers no key point, the model answer states none of the
 * misconceptions, no signal is a bare everyday word, and none fires in the model answers of more than a tenth of the
 * other questions.
 */
public final class ContentCheck {

    static final int MIN_WORDS = 150;
    static final int MAX_WORDS = 350;
    /** A signal may fire in the model answers of at most this share of the other questions. */
    static final double MAX_FOREIGN_SHARE = 0.10;

    /**
     * Everyday words that are no signal on their own: they turn up in answers on any topic, so a bare one credits a
     * key point to an answer that says nothing about it. Inside a phrase they are fine ("primary key", "load
     * balancer"). Compared after stemming, so plurals and inflections count too.
     */
    static final List<String> EVERYDAY_WORDS = List.of(
            "get",
            "set",
            "put",
            "load",
            "open",
            "close",
            "strong",
            "weak",
            "primary",
            "index",
            "default",
            "database",
            "order",
            "data",
            "use",
            "user",
            "server",
            "client",
            "service",
            "request",
            "response",
            "system",
            "code",
            "app",
            "application",
            "api",
            "call",
            "make",
            "work",
            "run",
            "time",
            "fast",
            "slow",
            "good",
            "bad",
            "safe",
            "simple",
            "easy",
            "state",
            "value",
            "key",
            "table",
            "record",
            "file",
            "message",
            "event",
            "error",
            "test",
            "change",
            "update",
            "read",
            "write",
            "store",
            "send",
            "check",
            "need",
            "problem",
            "issue",
            "performance",
            "scale",
            "secure",
            "security",
            "network",
            "layer",
            "model",
            "type",
            "method",
            "version",
            "level",
            "team",
            "tool",
            "support",
            "feature",
            "result",
            "cost",
            "control",
            "handle",
            "manage",
            "limit",
            "connection",
            "instance",
            "resource",
            "content",
            "page",
            "format",
            "example",
            "case",
            "pattern",
            "design",
            "structure",
            "logic",
            "rule",
            "policy",
            "config",
            "environment",
            "production",
            "backend",
            "frontend",
            "browser",
            "web",
            "cloud",
            "platform",
            "job",
            "task",
            "step",
            "flow",
            "status",
            "body",
            "object",
            "number",
            "list",
            "public",
            "private",
            "local",
            "remote",
            "global",
            "real",
            "live",
            "new",
            "old",
            "same",
            "different",
            "first",
            "last",
            "next",
            "one",
            "two",
            "many",
            "all",
            "every",
            "always",
            "only",
            "more",
            "less");

    private static final Set<String> EVERYDAY_TERMS = EVERYDAY_WORDS.stream()
            .flatMap(w -> KeyPointMatcher.termsOf(w).stream())
            .collect(Collectors.toUnmodifiableSet());

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
        problems.addAll(unspecificSignals(bank.all()));
        return problems;
    }

    /**
     * Signals that fire in the model answers of more than {@link #MAX_FOREIGN_SHARE} of the other questions: they say
     * nothing about this question's key point.
     */
    static List<Problem> unspecificSignals(List<Question> questions) {
        List<KeyPointMatcher.Analysed> answers = questions.stream()
                .map(q -> KeyPointMatcher.Analysed.of(q.modelAnswer()))
                .toList();
        int allowed = (int) Math.floor((questions.size() - 1) * MAX_FOREIGN_SHARE);
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            for (String signal : signals(q)) {
                int fires = 0;
                for (int j = 0; j < answers.size(); j++) {
                    if (j != i && KeyPointMatcher.fires(signal, answers.get(j))) {
                        fires++;
                    }
                }
                if (fires > allowed) {
                    problems.add(new Problem(
                            q.source(),
                            fieldOfSignal(q, signal),
                            "has the signal '" + signal + "', which fires in the model answers of " + fires + " of the "
                                    + (questions.size() - 1) + " other questions (at most " + allowed
                                    + " allowed): make it specific"));
                }
            }
        }
        return problems;
    }

    private static List<String> signals(Question q) {
        List<String> signals = new ArrayList<>();
        q.keyPoints().forEach(p -> signals.addAll(p.signals()));
        q.misconceptions().forEach(m -> signals.addAll(m.signals()));
        return signals.stream().distinct().toList();
    }

    private static String fieldOfSignal(Question q, String signal) {
        return q.keyPoints().stream().anyMatch(p -> p.signals().contains(signal)) ? "keyPoints" : "misconceptions";
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
        for (KeyPoint point : KeyPointMatcher.mentioned(q.prompt(), q.keyPoints())) {
            problems.add(new Problem(
                    q.source(),
                    "keyPoints",
                    "'" + point.text()
                            + "' is covered by the prompt alone: its signals must show what an answer adds"));
        }
        for (Misconception wrong : KeyPointMatcher.judge(answer, q).stated()) {
            problems.add(new Problem(
                    q.source(),
                    "misconceptions",
                    "'" + wrong.claim() + "' is stated by the model answer itself: make its signals say the wrong"
                            + " thing only"));
        }
        for (String signal : signals(q)) {
            List<String> terms = KeyPointMatcher.termsOf(signal);
            if (terms.isEmpty()) {
                problems.add(new Problem(
                        q.source(),
                        fieldOfSignal(q, signal),
                        "has the signal '" + signal + "' with only function words in it"));
            } else if (terms.size() == 1 && EVERYDAY_TERMS.contains(terms.get(0))) {
                problems.add(new Problem(
                        q.source(),
                        fieldOfSignal(q, signal),
                        "has the signal '" + signal
                                + "', an everyday word that fires in answers of any topic: use a phrase"));
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
