package dev.drill.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.repository.RepositoryPaths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The content check")
class ContentCheckTests {

    private static final QuestionBank BANK = new ContentLoader().load(RepositoryPaths.resolve("content"));

    @Test
    @DisplayName("passes for all 89 questions of the bank")
    void bankPasses() {
        assertThat(BANK.size()).isEqualTo(89);
        assertThat(ContentCheck.check(BANK)).isEmpty();
    }

    @Test
    @DisplayName("every question has coaching content that fits a Discord embed")
    void everyQuestionHasCoaching() {
        assertThat(BANK.all()).allSatisfy(q -> {
            assertThat(q.hasCoaching()).as(q.id()).isTrue();
            assertThat(q.modelAnswer().length()).as(q.id()).isLessThanOrEqualTo(3500);
        });
    }

    @Test
    @DisplayName("fails a broken sample on every rule, naming the file and field")
    void brokenSampleFails() {
        Question good = BANK.byId("http-methods").orElseThrow();
        Question broken = new Question(
                good.id(),
                good.level(),
                good.number(),
                good.topics(),
                good.prompt(),
                good.related(),
                List.of(
                        new KeyPoint("Caching layers", List.of("cdn")),
                        new KeyPoint("Eviction", List.of("lru", "lfu")),
                        new KeyPoint("Invalidation", List.of("ttl", "invalidate"))),
                "HTTP methods are verbs. TODO write the rest of this answer.",
                List.of(),
                "content/backend/fresher/14-http-methods.yaml",
                List.of());

        List<ContentCheck.Problem> problems = ContentCheck.check(broken);

        assertThat(problems)
                .extracting(Object::toString)
                .anyMatch(p -> p.contains("field 'modelAnswer' has 11 words"))
                .anyMatch(p -> p.contains("'Caching layers' needs at least two signals"))
                .anyMatch(p -> p.contains("field 'followUps' has 0 follow-ups"))
                .anyMatch(p -> p.contains("field 'misconceptions' has 0 misconceptions; it needs 1 to 4"))
                .anyMatch(p -> p.contains("placeholder text"))
                .allMatch(p -> p.startsWith("content/backend/fresher/14-http-methods.yaml"));
    }

    @Test
    @DisplayName("fails a misconception with fewer than two signals, and more than four misconceptions")
    void misconceptionRules() {
        Question good = BANK.byId("distributed-transactions").orElseThrow();
        Misconception thin = new Misconception("2PC is non-blocking", "2PC blocks.", 1, List.of("2pc is non-blocking"));
        Question broken = new Question(
                good.id(),
                good.level(),
                good.number(),
                good.topics(),
                good.prompt(),
                good.related(),
                good.keyPoints(),
                good.modelAnswer(),
                good.followUps(),
                good.source(),
                List.of(thin, thin, thin, thin, thin));

        assertThat(ContentCheck.check(broken))
                .extracting(Object::toString)
                .anyMatch(p -> p.contains("field 'misconceptions' has 5 misconceptions; it needs 1 to 4"))
                .anyMatch(
                        p -> p.contains("'2PC is non-blocking' needs a claim, a correction and at least two signals"));
    }

    @Test
    @DisplayName("fails a signal that fires in most other model answers, naming the file and the signal")
    void unspecificSignalFails() {
        Question good = BANK.byId("message-queues").orElseThrow();
        List<KeyPoint> points = new ArrayList<>(good.keyPoints());
        KeyPoint first = points.get(0);
        List<String> signals = new ArrayList<>(first.signals());
        signals.add("the");
        signals.add("for example");
        points.set(0, new KeyPoint(first.text(), signals));
        List<Question> questions = BANK.all().stream()
                .map(q -> q.id().equals(good.id()) ? withKeyPoints(good, points) : q)
                .toList();

        assertThat(ContentCheck.unspecificSignals(questions))
                .extracting(Object::toString)
                .singleElement()
                .asString()
                .startsWith(good.source() + ": field 'keyPoints' has the signal 'for example', which fires in the model"
                        + " answers of")
                .contains("of the 88 other questions (at most 8 allowed)");
        assertThat(ContentCheck.check(withKeyPoints(good, points)))
                .extracting(Object::toString)
                .containsExactly(
                        good.source() + ": field 'keyPoints' has the signal 'the' with only function words in" + " it");
    }

    @Test
    @DisplayName("fails a key point that the prompt alone covers, and a bare everyday word as a signal")
    void promptEchoAndEverydayWordFail() {
        Question good = BANK.byId("message-queues").orElseThrow();
        List<KeyPoint> points = new ArrayList<>(good.keyPoints());
        KeyPoint first = points.get(0);
        KeyPoint second = points.get(1);
        points.set(
                0,
                new KeyPoint(
                        first.text(), List.of("message queues", first.signals().get(0))));
        List<String> everyday = new ArrayList<>(second.signals());
        everyday.add("Data");
        points.set(1, new KeyPoint(second.text(), everyday));

        assertThat(ContentCheck.check(withKeyPoints(good, points)))
                .extracting(Object::toString)
                .containsExactlyInAnyOrder(
                        good.source() + ": field 'keyPoints' '" + first.text()
                                + "' is covered by the prompt alone: its signals must show what an answer adds",
                        good.source() + ": field 'keyPoints' has the signal 'Data', an everyday word that fires in"
                                + " answers of any topic: use a phrase");
    }

    @Test
    @DisplayName("fails a model answer that states one of the question's own misconceptions")
    void modelAnswerStatesMisconception() {
        Question good = BANK.byId("message-queues").orElseThrow();
        Question broken = new Question(
                good.id(),
                good.level(),
                good.number(),
                good.topics(),
                good.prompt(),
                good.related(),
                good.keyPoints(),
                good.modelAnswer() + " Luckily the queue guarantees exactly once delivery.",
                good.followUps(),
                good.source(),
                good.misconceptions());

        assertThat(ContentCheck.check(broken))
                .extracting(Object::toString)
                .containsExactly(good.source() + ": field 'misconceptions' '"
                        + good.misconceptions().get(0).claim()
                        + "' is stated by the model answer itself: make its signals say the wrong thing only");
    }

    private static Question withKeyPoints(Question q, List<KeyPoint> points) {
        return new Question(
                q.id(),
                q.level(),
                q.number(),
                q.topics(),
                q.prompt(),
                q.related(),
                points,
                q.modelAnswer(),
                q.followUps(),
                q.source(),
                q.misconceptions());
    }
}
