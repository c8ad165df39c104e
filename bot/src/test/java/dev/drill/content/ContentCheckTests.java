package dev.drill.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.repository.RepositoryPaths;
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
                .anyMatch(p -> p.contains("mentions only 0 of its 3 key points"))
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
    @DisplayName("fails a lazy answer that mentions too few of its own key points")
    void lazyAnswerFails() {
        Question good = BANK.byId("message-queues").orElseThrow();
        String lazy = "Queues are a common building block. ".repeat(30);
        Question lazyCopy = new Question(
                good.id(),
                good.level(),
                good.number(),
                good.topics(),
                good.prompt(),
                good.related(),
                good.keyPoints(),
                lazy,
                good.followUps(),
                good.source(),
                good.misconceptions());

        assertThat(ContentCheck.check(lazyCopy))
                .singleElement()
                .extracting(Object::toString)
                .asString()
                .contains("mentions only 0 of its 6 key points");
    }
}
