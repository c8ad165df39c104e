package dev.drill.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.content.ContentLoader;
import dev.drill.content.Level;
import dev.drill.content.Question;
import dev.drill.content.QuestionBank;
import dev.drill.repository.RepositoryPaths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PracticeServiceTests {

    private static final QuestionBank BANK = new ContentLoader().load(RepositoryPaths.resolve("content"));

    private final PracticeService practice = new PracticeService(BANK, new SplittableRandom(7));

    @Test
    @DisplayName("when the only question that matches is the one open in the guild right now, none is drawn")
    void onlyCandidateIsOpen() {
        // GIVEN a level and topic that only one question has, and that question is today's open round
        Map.Entry<Level, String> filter = aFilterWithOneQuestion();
        Optional<Level> level = Optional.of(filter.getKey());
        Optional<String> topic = Optional.of(filter.getValue());
        Question only = practice.matching(level, topic).get(0);

        // WHEN a member asks for practice with that filter
        Optional<Question> drawn = practice.pick(level, topic, Optional.of(only.id()));

        // THEN nothing is drawn (the command says why), though the same filter draws it when no round is open
        assertThat(drawn).isEmpty();
        assertThat(practice.pick(level, topic, Optional.empty())).contains(only);
    }

    @Test
    @DisplayName("with other candidates, the open question is never the one drawn")
    void otherPick() {
        Optional<Level> level = Optional.of(Level.FRESHER);
        List<Question> fresher = practice.matching(level, Optional.empty());
        String open = fresher.get(0).id();

        for (int i = 0; i < 500; i++) {
            assertThat(practice.pick(level, Optional.empty(), Optional.of(open)))
                    .get()
                    .extracting(Question::id)
                    .isNotEqualTo(open);
        }
    }

    @Test
    @DisplayName("with a two-question pool of which one is open, it is always the other one")
    void theOtherOne() {
        Map.Entry<Level, String> filter = aFilterWithQuestions(2);
        List<Question> two = practice.matching(Optional.of(filter.getKey()), Optional.of(filter.getValue()));

        for (int i = 0; i < 50; i++) {
            assertThat(practice.pick(
                            Optional.of(filter.getKey()),
                            Optional.of(filter.getValue()),
                            Optional.of(two.get(0).id())))
                    .contains(two.get(1));
        }
    }

    private Map.Entry<Level, String> aFilterWithOneQuestion() {
        return aFilterWithQuestions(1);
    }

    /** A level and topic of the bundled bank that exactly {@code n} questions have. */
    private Map.Entry<Level, String> aFilterWithQuestions(int n) {
        for (Level level : Level.values()) {
            Map<String, Long> perTopic = BANK.byLevel(level).stream()
                    .flatMap(q -> q.topics().stream())
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            Optional<String> topic = perTopic.entrySet().stream()
                    .filter(e -> e.getValue() == n)
                    .map(Map.Entry::getKey)
                    .sorted()
                    .findFirst();
            if (topic.isPresent()) {
                return Map.entry(level, topic.get());
            }
        }
        throw new AssertionError("the bundled bank has no level and topic with exactly " + n + " questions");
    }

    @Test
    @DisplayName("the question option finds a question by id, by level and number, or by words of its prompt")
    void findQuestion() {
        assertThat(practice.find("distributed-transactions"))
                .extracting(q -> q.id())
                .containsExactly("distributed-transactions");
        assertThat(practice.find("experienced 12")).extracting(q -> q.id()).contains("distributed-transactions");
        assertThat(practice.find("handle distributed transactions"))
                .extracting(q -> q.id())
                .contains("distributed-transactions");
        assertThat(practice.find("no such words anywhere")).isEmpty();
    }
}
