package dev.drill.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.content.KeyPointMatcher.Coverage;
import dev.drill.content.KeyPointMatcher.Options;
import dev.drill.content.LabelledAnswers.Answer;
import dev.drill.content.Terms.Stemming;
import dev.drill.repository.RepositoryPaths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Measures the "How did I do?" judge against the labelled answer set: per key point decision (judged covered ==
 * credited, over every answer and key point) agreement, precision and recall of "covered"; every wrong answer gets a
 * ⚠️ or at most one point; every keyword list is flagged as one or gets at most one point. Prints the figures of the
 * shipped judge and of the candidates it was chosen over, side by side.
 */
@DisplayName("The judge of How did I do? against the labelled answers")
class JudgeAgreementTests {

    static final double MIN_AGREEMENT = 0.85;
    static final double MIN_PRECISION = 0.85;
    static final double MIN_RECALL = 0.80;

    private static final QuestionBank BANK = new ContentLoader().load(RepositoryPaths.resolve("content"));
    private static final List<Answer> ANSWERS = LabelledAnswers.load();

    /** What a candidate judge said about one answer: the key points it credits, a list flag, the ⚠️ it raised. */
    record Verdict(Set<Integer> covered, boolean list, Set<Integer> stated) {}

    /** A judge to measure. */
    record Candidate(String name, BiFunction<String, Question, Verdict> judge) {}

    /** The figures of one candidate over the whole set. */
    record Figures(
            String name,
            int agree,
            int decisions,
            int truePositive,
            int falsePositive,
            int falseNegative,
            int wrongOk,
            int wrongTotal,
            int keywordsOk,
            int keywordsTotal,
            int statedFound,
            int statedTotal,
            int falseWarnings,
            List<String> disagreements) {

        double agreement() {
            return (double) agree / decisions;
        }

        double precision() {
            return truePositive + falsePositive == 0 ? 0 : (double) truePositive / (truePositive + falsePositive);
        }

        double recall() {
            return truePositive + falseNegative == 0 ? 0 : (double) truePositive / (truePositive + falseNegative);
        }

        String line() {
            return String.format(
                    Locale.ROOT,
                    "%-34s agreement %5.1f %% (%d/%d)  precision %.2f  recall %.2f  wrong ok %d/%d  keywords ok %d/%d"
                            + "  misconceptions found %d/%d  false ⚠️ %d",
                    name,
                    agreement() * 100,
                    agree,
                    decisions,
                    precision(),
                    recall(),
                    wrongOk,
                    wrongTotal,
                    keywordsOk,
                    keywordsTotal,
                    statedFound,
                    statedTotal,
                    falseWarnings);
        }
    }

    static Candidate lucene(String name, Options options) {
        return new Candidate(name, (text, q) -> {
            Coverage c = KeyPointMatcher.judge(text, q.keyPoints(), q.misconceptions(), options);
            return new Verdict(
                    indices(q.keyPoints(), c.covered()), c.looksStuffed(), indices(q.misconceptions(), c.stated()));
        });
    }

    static Candidate legacy() {
        return new Candidate("legacy (suffix stemmer, exact)", (text, q) -> {
            LegacyKeyPointMatcher.Coverage c = LegacyKeyPointMatcher.match(text, q.keyPoints());
            return new Verdict(indices(q.keyPoints(), c.covered()), c.looksStuffed(), Set.of());
        });
    }

    static List<Candidate> candidates() {
        Options shipped = Options.DEFAULT;
        return List.of(
                lucene("lucene Porter (shipped)", shipped),
                lucene("lucene KStem", new Options(Stemming.KSTEM, shipped.slop(), true, shipped.listRatio(), false)),
                lucene(
                        "lucene EnglishMinimal",
                        new Options(Stemming.MINIMAL, shipped.slop(), true, shipped.listRatio(), false)),
                lucene(
                        "lucene Porter, exact phrases",
                        new Options(Stemming.PORTER, 0, true, shipped.listRatio(), false)),
                lucene(
                        "lucene Porter, no negation",
                        new Options(Stemming.PORTER, shipped.slop(), false, shipped.listRatio(), false)),
                legacy());
    }

    private static <T> Set<Integer> indices(List<T> all, List<T> some) {
        Set<Integer> indices = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            if (some.contains(all.get(i))) {
                indices.add(i);
            }
        }
        return indices;
    }

    static Figures measure(Candidate candidate) {
        int agree = 0, decisions = 0, tp = 0, fp = 0, fn = 0;
        int wrongOk = 0, wrongTotal = 0, keywordsOk = 0, keywordsTotal = 0;
        int statedFound = 0, statedTotal = 0, falseWarnings = 0;
        List<String> disagreements = new ArrayList<>();
        for (Answer answer : ANSWERS) {
            Question q = BANK.byId(answer.question()).orElseThrow();
            Verdict verdict = candidate.judge().apply(answer.text(), q);
            Set<Integer> credited = Set.copyOf(answer.credited());
            for (int i = 0; i < q.keyPoints().size(); i++) {
                boolean judged = verdict.covered().contains(i);
                boolean truth = credited.contains(i);
                decisions++;
                if (judged == truth) {
                    agree++;
                } else {
                    disagreements.add(answer.question() + "/" + answer.kind() + " key point " + i + ": judged "
                            + (judged ? "covered" : "missed") + " ("
                            + q.keyPoints().get(i).text() + ")");
                }
                if (judged && truth) {
                    tp++;
                } else if (judged) {
                    fp++;
                } else if (truth) {
                    fn++;
                }
            }
            Set<Integer> states = Set.copyOf(answer.states());
            statedTotal += states.size();
            statedFound +=
                    (int) states.stream().filter(verdict.stated()::contains).count();
            falseWarnings += (int)
                    verdict.stated().stream().filter(i -> !states.contains(i)).count();
            states.stream()
                    .filter(i -> !verdict.stated().contains(i))
                    .forEach(i -> disagreements.add(answer.question() + "/" + answer.kind() + " missed ⚠️ "
                            + q.misconceptions().get(i).claim()));
            verdict.stated().stream()
                    .filter(i -> !states.contains(i))
                    .forEach(i -> disagreements.add(answer.question() + "/" + answer.kind() + " false ⚠️ "
                            + q.misconceptions().get(i).claim()));
            if (answer.kind().equals("wrong")) {
                wrongTotal++;
                if (!verdict.stated().isEmpty() || verdict.covered().size() <= 1) {
                    wrongOk++;
                } else {
                    disagreements.add(answer.question() + "/wrong: no ⚠️ and "
                            + verdict.covered().size() + " points");
                }
            }
            if (answer.kind().equals("keywords")) {
                keywordsTotal++;
                if (verdict.list() || verdict.covered().size() <= 1) {
                    keywordsOk++;
                } else {
                    disagreements.add(answer.question() + "/keywords: not a list, "
                            + verdict.covered().size() + " points");
                }
            }
        }
        return new Figures(
                candidate.name(),
                agree,
                decisions,
                tp,
                fp,
                fn,
                wrongOk,
                wrongTotal,
                keywordsOk,
                keywordsTotal,
                statedFound,
                statedTotal,
                falseWarnings,
                disagreements);
    }

    private static Figures shipped;

    @BeforeAll
    static void measureAll() {
        System.out.println("Judge agreement with the labelled answers (" + ANSWERS.size() + " answers):");
        for (Candidate candidate : candidates()) {
            Figures figures = measure(candidate);
            System.out.println("  " + figures.line());
            if (shipped == null) {
                shipped = figures;
            }
        }
        if (Boolean.getBoolean("judge.details")) {
            shipped.disagreements().forEach(d -> System.out.println("    " + d));
        }
    }

    @Test
    @DisplayName("agrees with the interviewer on at least 85 % of key point decisions")
    void agreement() {
        assertThat(shipped.agreement()).as(shipped.line()).isGreaterThanOrEqualTo(MIN_AGREEMENT);
    }

    @Test
    @DisplayName("has a precision of covered of at least 0.85 and a recall of at least 0.80")
    void precisionAndRecall() {
        assertThat(shipped.precision()).as(shipped.line()).isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(shipped.recall()).as(shipped.line()).isGreaterThanOrEqualTo(MIN_RECALL);
    }

    @Test
    @DisplayName("warns on every wrong answer or gives it at most one point")
    void wrongAnswers() {
        assertThat(shipped.wrongOk()).as(shipped.line()).isEqualTo(shipped.wrongTotal());
    }

    @Test
    @DisplayName("flags every keyword list as one or gives it at most one point")
    void keywordLists() {
        assertThat(shipped.keywordsOk()).as(shipped.line()).isEqualTo(shipped.keywordsTotal());
    }
}
