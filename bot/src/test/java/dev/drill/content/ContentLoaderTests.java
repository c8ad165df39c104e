package dev.drill.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drill.content.ContentLoader.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Loading a question pack")
class ContentLoaderTests {

    private static final String PACK = """
            id: test
            name: Test pack
            levels: [fresher, intermediate]
            topics: [http, databases]
            """;

    private static String question(String id, String level, String extra) {
        return """
                id: %s
                level: %s
                number: 1
                topics: [http]
                prompt: "What is HTTP?"
                related: []
                %s
                """.formatted(id, level, extra);
    }

    private static List<Source> pack(Source... questions) {
        List<Source> sources = new ArrayList<>();
        sources.add(new Source("content/test/pack.yaml", PACK));
        sources.addAll(List.of(questions));
        return sources;
    }

    private static Source file(String name, String text) {
        return new Source("content/test/fresher/" + name, text);
    }

    private final ContentLoader loader = new ContentLoader();

    @Test
    @DisplayName("a valid pack loads with its questions")
    void loadsValidPack() {
        QuestionBank bank = loader.load(
                pack(file("01-a.yaml", question("a", "fresher", "")), file("02-b.yaml", question("b", "fresher", ""))));

        assertThat(bank.size()).isEqualTo(2);
        assertThat(bank.byId("a")).get().extracting(Question::level).isEqualTo(Level.FRESHER);
        assertThat(bank.topics()).containsExactly("http", "databases");
    }

    @Test
    @DisplayName("invalid YAML names the file and the line")
    void invalidYaml() {
        Source broken = file("01-a.yaml", "id: a\nlevel: fresher\nprompt: [unclosed\nnumber: 1\n");

        assertThatThrownBy(() -> loader.load(pack(broken)))
                .isInstanceOf(ContentException.class)
                .hasMessageStartingWith("content/test/fresher/01-a.yaml:")
                .hasMessageContaining("not valid YAML")
                .satisfies(e -> assertThat(((ContentException) e).line()).isPositive());
    }

    @Test
    @DisplayName("a duplicate id names both files")
    void duplicateId() {
        assertThatThrownBy(() -> loader.load(pack(
                        file("01-a.yaml", question("same", "fresher", "")),
                        file("02-b.yaml", question("same", "fresher", "")))))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("02-b.yaml:1: field 'id'")
                .hasMessageContaining("01-a.yaml");
    }

    @Test
    @DisplayName("an unknown level is refused with the accepted ones")
    void unknownLevel() {
        assertThatThrownBy(() -> loader.load(pack(file("01-a.yaml", question("a", "senior", "")))))
                .hasMessageContaining("01-a.yaml:2: field 'level'")
                .hasMessageContaining("[fresher, intermediate]");
    }

    @Test
    @DisplayName("an unknown topic is refused")
    void unknownTopic() {
        String text = question("a", "fresher", "").replace("topics: [http]", "topics: [http, cooking]");

        assertThatThrownBy(() -> loader.load(pack(file("01-a.yaml", text))))
                .hasMessageContaining("01-a.yaml:4: field 'topics'")
                .hasMessageContaining("cooking");
    }

    @Test
    @DisplayName("a missing prompt is refused")
    void missingPrompt() {
        String text = question("a", "fresher", "").replace("prompt: \"What is HTTP?\"\n", "");

        assertThatThrownBy(() -> loader.load(pack(file("01-a.yaml", text))))
                .hasMessageContaining("01-a.yaml: field 'prompt' is missing or blank");
    }

    @Test
    @DisplayName("a blank prompt is refused with its line")
    void blankPrompt() {
        String text = question("a", "fresher", "").replace("\"What is HTTP?\"", "\"   \"");

        assertThatThrownBy(() -> loader.load(pack(file("01-a.yaml", text))))
                .hasMessageContaining("01-a.yaml:5: field 'prompt' is missing or blank");
    }

    @Test
    @DisplayName("a prompt over 1000 characters is refused")
    void longPrompt() {
        String text = question("a", "fresher", "").replace("What is HTTP?", "x".repeat(1001));

        assertThatThrownBy(() -> loader.load(pack(file("01-a.yaml", text))))
                .hasMessageContaining("field 'prompt' is over 1000 characters");
    }

    @Test
    @DisplayName("a model answer over 3500 characters is refused")
    void longModelAnswer() {
        String text = question("a", "fresher", "modelAnswer: \"" + "y".repeat(3501) + "\"");

        assertThatThrownBy(() -> loader.load(pack(file("01-a.yaml", text))))
                .hasMessageContaining("01-a.yaml:7: field 'modelAnswer' is 3501 characters");
    }

    @Test
    @DisplayName("a related id that does not exist is refused")
    void unknownRelated() {
        String text = question("a", "fresher", "").replace("related: []", "related: [nope]");

        assertThatThrownBy(() -> loader.load(pack(file("01-a.yaml", text))))
                .hasMessageContaining("01-a.yaml:6: field 'related'")
                .hasMessageContaining("'nope'");
    }

    @Test
    @DisplayName("an unknown field is named")
    void unknownField() {
        String text = question("a", "fresher", "answer: \"typo of modelAnswer\"");

        assertThatThrownBy(() -> loader.load(pack(file("01-a.yaml", text))))
                .hasMessageContaining("field 'answer' is not a known field");
    }

    private static final String KEY_POINTS = """
            keyPoints:
              - text: Safe methods do not change state
                signals: [safe, read only]
            """;

    private static String withMisconception(String misconception) {
        return question("a", "fresher", KEY_POINTS + "misconceptions:\n" + misconception);
    }

    @Test
    @DisplayName("misconceptions load with their claim, correction, contradicted key point and signals")
    void loadsMisconceptions() {
        String text = withMisconception("""
                  - claim: " GET may change data "
                    correction: GET is safe; use POST to change data.
                    contradicts: 0
                    signals: [get deletes, " get can change data "]
                  - claim: HTTP/3 runs over TCP
                    correction: HTTP/3 runs over QUIC, on UDP.
                    signals: [http 3 over tcp]
                """);

        Question question = loader.load(pack(file("01-a.yaml", text))).byId("a").orElseThrow();

        assertThat(question.misconceptions())
                .containsExactly(
                        new Misconception(
                                "GET may change data",
                                "GET is safe; use POST to change data.",
                                0,
                                List.of("get deletes", "get can change data")),
                        new Misconception(
                                "HTTP/3 runs over TCP",
                                "HTTP/3 runs over QUIC, on UDP.",
                                Misconception.NONE,
                                List.of("http 3 over tcp")));
        assertThat(question.misconceptions().get(0).contradictsKeyPoint()).isTrue();
        assertThat(question.misconceptions().get(1).contradictsKeyPoint()).isFalse();
    }

    @Test
    @DisplayName("a question without misconceptions loads with none")
    void noMisconceptions() {
        Question question = loader.load(pack(file("01-a.yaml", question("a", "fresher", ""))))
                .byId("a")
                .orElseThrow();

        assertThat(question.misconceptions()).isEmpty();
    }

    @Test
    @DisplayName("a misconception without a claim is refused with its line")
    void misconceptionWithoutClaim() {
        String text = withMisconception("  - correction: Something right.\n    signals: [x y]\n");

        assertThatThrownBy(() -> loader.load(pack(file("01-a.yaml", text))))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("01-a.yaml:10: field 'misconceptions' has a misconception without a claim");
    }

    @Test
    @DisplayName("a misconception without a correction is refused")
    void misconceptionWithoutCorrection() {
        String text = withMisconception("  - claim: GET may change data\n    signals: [get deletes]\n");

        assertThatThrownBy(() -> loader.load(pack(file("01-a.yaml", text))))
                .hasMessageContaining(
                        "01-a.yaml:10: field 'misconceptions' has no correction for 'GET may change data'");
    }

    @Test
    @DisplayName("a misconception that contradicts a key point that does not exist is refused")
    void contradictsOutOfRange() {
        String text = withMisconception(
                "  - claim: GET may change data\n    correction: No.\n    contradicts: 1\n    signals: [get deletes]\n");

        assertThatThrownBy(() -> loader.load(pack(file("01-a.yaml", text))))
                .hasMessageContaining("01-a.yaml:10: field 'misconceptions'")
                .hasMessageContaining("contradict key point 1, but the key points are 0 to 0");
    }

    @Test
    @DisplayName("a misconception without signals is refused")
    void misconceptionWithoutSignals() {
        String text = withMisconception("  - claim: GET may change data\n    correction: No.\n");

        assertThatThrownBy(() -> loader.load(pack(file("01-a.yaml", text))))
                .hasMessageContaining("01-a.yaml:10: field 'misconceptions' has no signals for 'GET may change data'");
    }

    @Test
    @DisplayName("an unknown field inside a misconception is named")
    void unknownMisconceptionField() {
        String text = withMisconception(
                "  - claim: GET may change data\n    correction: No.\n    signals: [x]\n    severity: high\n");

        assertThatThrownBy(() -> loader.load(pack(file("01-a.yaml", text))))
                .hasMessageContaining("field 'misconceptions' is not a known field");
    }

    @Test
    @DisplayName("a pack folder without pack.yaml is refused")
    void missingPackFile() {
        List<Source> sources = List.of(file("01-a.yaml", question("a", "fresher", "")));

        assertThatThrownBy(() -> loader.load(sources))
                .hasMessageContaining("content/test/pack.yaml")
                .hasMessageContaining("missing");
    }
}
