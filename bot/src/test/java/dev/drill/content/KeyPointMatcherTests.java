package dev.drill.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.content.KeyPointMatcher.Coverage;
import dev.drill.repository.RepositoryPaths;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Key point feedback")
class KeyPointMatcherTests {

    private static final QuestionBank BANK = new ContentLoader().load(RepositoryPaths.resolve("content"));

    private static Coverage feedback(String questionId, String answer) {
        return KeyPointMatcher.match(answer, BANK.byId(questionId).orElseThrow().keyPoints());
    }

    private static List<String> texts(List<KeyPoint> points) {
        return points.stream().map(KeyPoint::text).toList();
    }

    @Test
    @DisplayName("folds case, accents and punctuation, stems endings and matches whole phrases")
    void normalisation() {
        KeyPoint retries = new KeyPoint("Retries with backoff", List.of("exponential backoff", "retry"));
        KeyPoint idempotency = new KeyPoint("Idempotency", List.of("idempotent", "same result"));
        KeyPoint caching = new KeyPoint("Caching", List.of("cache"));

        Coverage coverage = KeyPointMatcher.match(
                "We RETRIED with Exponential-Backoff; the call gives the same results and is idempotént.",
                List.of(retries, idempotency, caching));

        assertThat(coverage.covered()).containsExactly(retries, idempotency);
        assertThat(coverage.missed()).containsExactly(caching);
    }

    @Test
    @DisplayName("a phrase matches only as whole words in order")
    void wholeWords() {
        KeyPoint point = new KeyPoint("Dead letters", List.of("dead-letter queue", "dlq"));

        assertThat(KeyPointMatcher.match("a queue of dead letters", List.of(point))
                        .covered())
                .isEmpty();
        assertThat(KeyPointMatcher.match("the DLQs fill up", List.of(point)).covered())
                .containsExactly(point);
        assertThat(KeyPointMatcher.match("the dlqueue", List.of(point)).covered())
                .isEmpty();
    }

    @Test
    @DisplayName("keeps acronyms whole: HTTPS is not HTTP, and APIs are an API")
    void acronyms() {
        KeyPoint https = new KeyPoint("Encryption", List.of("https", "tls"));
        KeyPoint apis = new KeyPoint("APIs", List.of("public api", "openapi"));

        assertThat(KeyPointMatcher.match("We serve plain HTTP behind the proxy.", List.of(https))
                        .covered())
                .isEmpty();
        assertThat(KeyPointMatcher.match("Everything goes over HTTPS.", List.of(https))
                        .covered())
                .containsExactly(https);
        assertThat(KeyPointMatcher.match("We publish two public APIs for partners.", List.of(apis))
                        .covered())
                .containsExactly(apis);
    }

    @Test
    @DisplayName("a phrase skips function words and allows one extra word, but not a sentence end")
    void phrases() {
        KeyPoint backoff = new KeyPoint("Backoff", List.of("exponential backoff with jitter", "retry budget"));

        assertThat(KeyPointMatcher.match("We use an exponential backoff plus jitter.", List.of(backoff))
                        .covered())
                .containsExactly(backoff);
        assertThat(KeyPointMatcher.match("Backoff is exponential. Jitter helps too.", List.of(backoff))
                        .covered())
                .isEmpty();
        assertThat(KeyPointMatcher.match("There is a budget for each retry.", List.of(backoff))
                        .covered())
                .isEmpty();
    }

    @Test
    @DisplayName("a negation just before or inside a phrase cancels it, unless the signal says not itself")
    void negation() {
        KeyPoint acks = new KeyPoint("Acks", List.of("ack after processing", "don't ack early"));

        assertThat(KeyPointMatcher.match("You never ack after processing, it is too late.", List.of(acks))
                        .covered())
                .isEmpty();
        assertThat(KeyPointMatcher.match("The workers ack after processing it. Nothing else.", List.of(acks))
                        .covered())
                .containsExactly(acks);
        assertThat(KeyPointMatcher.match("Please don t ack early, ever.", List.of(acks))
                        .covered())
                .containsExactly(acks);
    }

    @Test
    @DisplayName("a stated misconception gets a warning and takes the credit of the key point it contradicts")
    void misconceptions() {
        Question q = BANK.byId("message-queues").orElseThrow();
        String answer = "Workers pull jobs in the background and ack only after the work is done, so a crash means"
                + " the message is redelivered. The queue guarantees exactly once delivery, so each job runs only once"
                + " and there are no duplicates to worry about.";

        Coverage c = KeyPointMatcher.judge(answer, q);

        assertThat(c.stated())
                .extracting(Misconception::claim)
                .containsExactly(q.misconceptions().get(0).claim());
        assertThat(c.covered())
                .doesNotContain(q.keyPoints().get(q.misconceptions().get(0).contradicts()));
        assertThat(c.covered()).contains(q.keyPoints().get(2));
        assertThat(c.evidenceOf(q.keyPoints().get(2))).isPresent();
    }

    @Test
    @DisplayName("names the words of the answer that matched each covered point")
    void evidence() {
        KeyPoint retries = new KeyPoint("Retries with backoff", List.of("exponential backoff", "retry budget"));

        Coverage c = KeyPointMatcher.match("First we RETRY, with Exponential-Backoff of course.", List.of(retries));

        assertThat(c.evidenceOf(retries)).contains("Exponential-Backoff");
    }

    @Nested
    @DisplayName("fresher: HTTP methods")
    class Fresher {

        @Test
        @DisplayName("a strong answer covers most points")
        void strong() {
            Coverage c = feedback("http-methods", """
                    The method tells the server the intent of the request on the resource. GET reads, POST creates,
                    PUT replaces the whole resource, PATCH does a partial update and DELETE removes it. GET and HEAD
                    are safe, and PUT and DELETE are idempotent, so a client or proxy can retry them and GET
                    responses can be cached. GET must never have a side effect, because crawlers prefetch links.""");

            assertThat(c.covered()).hasSizeGreaterThanOrEqualTo(5);
            assertThat(c.looksStuffed()).isFalse();
        }

        @Test
        @DisplayName("a weak answer covers little, and the feedback names what it missed")
        void weak() {
            Coverage c = feedback(
                    "http-methods",
                    "HTTP methods are how the browser talks to the backend server"
                            + " when you click on things on a website.");

            assertThat(c.covered()).hasSizeLessThanOrEqualTo(1);
            assertThat(texts(c.missed())).anyMatch(t -> t.startsWith("Safe methods"));
        }

        @Test
        @DisplayName("a keyword-stuffed answer is flagged as such, and its points are named, not covered")
        void stuffed() {
            Coverage c = feedback(
                    "http-methods",
                    "intent put patch safe idempotent retry cache head options" + " preflight side effect");

            assertThat(c.looksStuffed()).isTrue();
            assertThat(c.named()).hasSizeGreaterThanOrEqualTo(5);
            assertThat(c.covered()).isEmpty();
        }
    }

    @Nested
    @DisplayName("intermediate: message queues")
    class Intermediate {

        @Test
        @DisplayName("a strong answer covers most points")
        void strong() {
            Coverage c = feedback("message-queues", """
                    A queue takes slow work out of the request path: the API enqueues a job and background workers
                    process it asynchronously. Workers are competing consumers, so we scale them on queue depth.
                    A worker acknowledges a message only after processing it; if it crashes the visibility timeout
                    expires and the message is redelivered. Failing messages are retried with backoff and end in a
                    dead-letter queue. Delivery is at-least-once, so consumers must be idempotent, and ordering
                    only holds with FIFO queues.""");

            assertThat(c.covered()).hasSize(6);
            assertThat(c.looksStuffed()).isFalse();
        }

        @Test
        @DisplayName("a weak answer covers little")
        void weak() {
            Coverage c = feedback(
                    "message-queues",
                    "Message queues are used by big companies like Netflix to send"
                            + " messages between their services.");

            assertThat(c.covered()).isEmpty();
            assertThat(c.missed()).hasSize(6);
        }

        @Test
        @DisplayName("a keyword-stuffed answer is flagged, and its points are named, not covered")
        void stuffed() {
            Coverage c = feedback("message-queues", "background worker ack retry backoff dlq idempotent fifo ordering");

            assertThat(c.looksStuffed()).isTrue();
            assertThat(c.named()).hasSizeGreaterThanOrEqualTo(5);
            assertThat(c.covered()).isEmpty();
        }
    }

    @Nested
    @DisplayName("experienced: circuit breakers and retries")
    class Experienced {

        @Test
        @DisplayName("a strong answer covers most points")
        void strong() {
            Coverage c = feedback("circuit-breakers-retries", """
                    I retry only transient failures such as a 503 or a timeout, and only idempotent calls or calls
                    with an idempotency key. Retries use exponential backoff with jitter, max attempts and a retry
                    budget. The circuit breaker trips open when the failure rate crosses a threshold, then goes half
                    open to probe. Every call has a deadline and a fallback so callers fail fast. To avoid a retry
                    storm we retry in one layer only, and we use Resilience4j and watch breaker metrics.""");

            assertThat(c.covered()).hasSize(6);
            assertThat(c.looksStuffed()).isFalse();
        }

        @Test
        @DisplayName("a weak answer covers little")
        void weak() {
            Coverage c = feedback(
                    "circuit-breakers-retries",
                    "You should try again when something fails, and"
                            + " make sure the system is resilient and does not go down for users.");

            assertThat(c.covered()).hasSizeLessThanOrEqualTo(1);
        }

        @Test
        @DisplayName("a keyword-stuffed answer is flagged, and its points are named, not covered")
        void stuffed() {
            Coverage c = feedback(
                    "circuit-breakers-retries", "transient jitter half open timeout fallback retry storm metrics");

            assertThat(c.looksStuffed()).isTrue();
            assertThat(c.named()).hasSizeGreaterThanOrEqualTo(5);
            assertThat(c.covered()).isEmpty();
        }
    }
}
