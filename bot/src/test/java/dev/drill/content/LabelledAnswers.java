package dev.drill.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The labelled answer set of {@code judge/labelled-answers.yaml}, for measuring the "How did I do?" judge. */
public final class LabelledAnswers {

    /** One labelled answer: the question, its kind, its text, the key points and misconceptions an interviewer saw. */
    public record Answer(String question, String kind, String text, List<Integer> credited, List<Integer> states) {
        public List<Integer> states() {
            return states == null ? List.of() : states;
        }
    }

    record AnswerSet(List<Answer> answers) {}

    private LabelledAnswers() {}

    public static List<Answer> load() {
        ObjectMapper yaml = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        try (InputStream in = LabelledAnswers.class.getResourceAsStream("/judge/labelled-answers.yaml")) {
            if (in == null) {
                throw new IllegalStateException("judge/labelled-answers.yaml is not on the test classpath");
            }
            return yaml.readValue(in, AnswerSet.class).answers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
