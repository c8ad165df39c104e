package dev.drill.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.repository.RepositoryPaths;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The integrity of the labelled answer set in {@code judge/labelled-answers.yaml}: answers that a judge of "How did I
 * do?" can be measured against. It checks ids, indices and coverage only; it judges nothing.
 */
@DisplayName("The labelled answer set")
class LabelledAnswersTests {

    private static final QuestionBank BANK = new ContentLoader().load(RepositoryPaths.resolve("content"));
    private static final Set<String> KINDS = Set.of("strong", "weak", "keywords", "wrong");

    record Answer(String question, String kind, String text, List<Integer> credited, List<Integer> states) {}

    record AnswerSet(List<Answer> answers) {}

    private static List<Answer> answers() throws IOException {
        ObjectMapper yaml = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        try (InputStream in = LabelledAnswersTests.class.getResourceAsStream("/judge/labelled-answers.yaml")) {
            assertThat(in)
                    .as("judge/labelled-answers.yaml on the test classpath")
                    .isNotNull();
            return yaml.readValue(in, AnswerSet.class).answers();
        }
    }

    private static Question question(Answer answer) {
        return BANK.byId(answer.question()).orElseThrow();
    }

    @Test
    @DisplayName("names only questions of the bank, with a known kind and a text of 40 to 250 words")
    void questionsAndKinds() throws IOException {
        assertThat(answers()).isNotEmpty().allSatisfy(answer -> {
            assertThat(BANK.byId(answer.question())).as(answer.question()).isPresent();
            assertThat(answer.kind()).as(answer.question()).isIn(KINDS);
            assertThat(answer.text())
                    .as(answer.question() + "/" + answer.kind())
                    .isNotBlank();
            assertThat(answer.text().strip().split("\\s+").length)
                    .as(answer.question() + "/" + answer.kind() + " words")
                    .isBetween(40, 250);
        });
    }

    @Test
    @DisplayName("credits key points that exist, nothing for a keyword list and at most two for a weak answer")
    void credited() throws IOException {
        assertThat(answers()).allSatisfy(answer -> {
            String name = answer.question() + "/" + answer.kind();
            List<Integer> credited = answer.credited();
            assertThat(credited).as(name + " credited").isNotNull().doesNotHaveDuplicates();
            assertThat(credited)
                    .as(name + " credited")
                    .allSatisfy(i -> assertThat(i)
                            .isBetween(0, question(answer).keyPoints().size() - 1));
            if (answer.kind().equals("keywords")) {
                assertThat(credited).as(name).isEmpty();
            }
            if (answer.kind().equals("weak")) {
                assertThat(credited).as(name).hasSizeLessThanOrEqualTo(2);
            }
        });
    }

    @Test
    @DisplayName(
            "a wrong answer states misconceptions that exist and gets no credit for the key points they contradict")
    void wrongAnswers() throws IOException {
        assertThat(answers()).allSatisfy(answer -> {
            String name = answer.question() + "/" + answer.kind();
            if (!answer.kind().equals("wrong")) {
                assertThat(answer.states()).as(name + " states").isNull();
                return;
            }
            List<Misconception> misconceptions = question(answer).misconceptions();
            assertThat(answer.states()).as(name + " states").isNotEmpty().doesNotHaveDuplicates();
            for (int index : answer.states()) {
                assertThat(index).as(name + " states").isBetween(0, misconceptions.size() - 1);
                Misconception stated = misconceptions.get(index);
                if (stated.contradictsKeyPoint()) {
                    assertThat(answer.credited())
                            .as(name + " credits key point " + stated.contradicts() + ", which '" + stated.claim()
                                    + "' contradicts")
                            .doesNotContain(stated.contradicts());
                }
            }
        });
    }

    @Test
    @DisplayName("covers at least 16 questions, all three levels and every topic, with one answer of each kind")
    void coverage() throws IOException {
        List<Answer> answers = answers();
        Map<String, List<String>> kindsByQuestion = new TreeMap<>(answers.stream()
                .collect(Collectors.groupingBy(
                        Answer::question, Collectors.mapping(Answer::kind, Collectors.toList()))));

        assertThat(kindsByQuestion).hasSizeGreaterThanOrEqualTo(16);
        assertThat(kindsByQuestion)
                .allSatisfy((id, kinds) -> assertThat(kinds).as(id).containsExactlyInAnyOrderElementsOf(KINDS));

        Set<Level> levels = EnumSet.noneOf(Level.class);
        Set<String> topics = new HashSet<>();
        for (String id : kindsByQuestion.keySet()) {
            Question question = BANK.byId(id).orElseThrow();
            levels.add(question.level());
            topics.addAll(question.topics());
        }
        assertThat(levels).containsExactlyInAnyOrder(Level.values());
        assertThat(topics).containsAll(BANK.topics());
    }
}
