package dev.drill.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drill.content.ContentLoader.Source;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A guild's own questions: an uploaded file and the form, checked as the bank's")
class GuildQuestionImportTests {

    private final ContentLoader loader = new ContentLoader();

    private List<Question> read(String text) {
        return loader.importQuestions(new Source("ours.yaml", text), Set.of("message-queues"), Set.of("own-1"));
    }

    private List<String> errors(String text) {
        try {
            read(text);
        } catch (ContentLoader.ImportRefused e) {
            return e.errors();
        }
        throw new AssertionError("the file was accepted");
    }

    @Test
    @DisplayName("a YAML list of questions: numbers default to their place, any slug topic, coaching optional")
    void list() {
        List<Question> questions = read("""
                - id: a
                  level: fresher
                  topics: [kotlin]
                  prompt: What is a data class?
                - id: b
                  level: experienced
                  topics: [on-call, process]
                  prompt: How do you run an incident?
                  modelAnswer: Roles first.
                  keyPoints:
                    - text: An incident commander
                      signals: [commander]
                  related: [a, own-1, message-queues]
                """);

        assertThat(questions).extracting(Question::id).containsExactly("a", "b");
        assertThat(questions).extracting(Question::number).containsExactly(1, 2);
        assertThat(questions.get(0).hasCoaching()).isFalse();
        assertThat(questions.get(1).keyPoints()).extracting(KeyPoint::text).containsExactly("An incident commander");
    }

    @Test
    @DisplayName("documents separated by --- are read too, each as a bank question file")
    void documents() {
        assertThat(read("""
                        id: a
                        level: fresher
                        topics: [kotlin]
                        prompt: What is a data class?
                        ---
                        id: b
                        level: fresher
                        topics: [kotlin]
                        prompt: What is a sealed class?
                        """)).extracting(Question::id).containsExactly("a", "b");
    }

    @Test
    @DisplayName("every invalid question is named with its line, its place, its id and the field")
    void errorsNameQuestionAndField() {
        assertThat(errors("""
                        - id: a
                          level: fresher
                          topics: [kotlin]
                          prompt: What is a data class?
                        - id: b
                          level: guru
                          topics: [kotlin]
                          prompt: What is a sealed class?
                        - id: c
                          level: fresher
                          topics: [Kotlin]
                          prompt: Why?
                          colour: blue
                        - id: message-queues
                          level: fresher
                          topics: [kotlin]
                          prompt: Taken
                        """))
                .containsExactly(
                        "ours.yaml:6: question 2 (b): field 'level' is 'guru', not one of the pack's levels [fresher,"
                                + " intermediate, experienced]",
                        "ours.yaml:13: question 3: field 'colour' is not a known field",
                        "ours.yaml:14: question 4 (message-queues): field 'id' 'message-queues' is a bank question's"
                                + " id; choose another");
    }

    @Test
    @DisplayName("a blank prompt, a bad topic, a repeated id and an unknown related id are refused")
    void moreErrors() {
        assertThat(errors("""
                        - id: a
                          level: fresher
                          topics: [Kotlin]
                          prompt: What?
                        - id: b
                          level: fresher
                          topics: [kotlin]
                          prompt: " "
                        - id: d
                          level: fresher
                          topics: [kotlin]
                          prompt: One
                        - id: d
                          level: fresher
                          topics: [kotlin]
                          prompt: Two
                          related: [nowhere]
                        """))
                .containsExactly(
                        "ours.yaml:3: question 1 (a): field 'topics' has 'Kotlin'; topics are lowercase-with-dashes",
                        "ours.yaml:8: question 2 (b): field 'prompt' is missing or blank",
                        "ours.yaml:13: question 4 (d): field 'id' 'd' is also the id of question 3");
    }

    @Test
    @DisplayName("an empty file and one over the limit are refused with a sentence")
    void emptyAndTooMany() {
        assertThat(errors("# nothing\n")).containsExactly("ours.yaml: holds no question");
        String many = "- id: q%d\n  level: fresher\n  topics: [x]\n  prompt: P\n".repeat(1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i <= ContentLoader.MAX_IMPORT; i++) {
            text.append(many.formatted(i));
        }
        assertThat(errors(text.toString()))
                .singleElement()
                .asString()
                .isEqualTo("ours.yaml: holds 51 questions; at most 50 fit one file");
    }

    @Test
    @DisplayName("the form: key points one per line, topics by commas; errors name the field")
    void form() {
        Question q = loader.formQuestion(
                "own-2",
                "What is idempotency?",
                "Intermediate",
                "http, API-design",
                "",
                "Same result twice\n\nSafe retries",
                "");
        assertThat(q.level()).isEqualTo(Level.INTERMEDIATE);
        assertThat(q.topics()).containsExactly("http", "api-design");
        assertThat(q.keyPoints()).extracting(KeyPoint::text).containsExactly("Same result twice", "Safe retries");
        assertThat(q.modelAnswer()).isEmpty();

        assertThatThrownBy(() -> loader.formQuestion("own-3", "x".repeat(1001), "fresher", "http", "", "", ""))
                .isInstanceOf(ContentException.class)
                .hasMessage("your question: field 'prompt' is over 1000 characters");
        assertThatThrownBy(() -> loader.formQuestion("own-3", "Why?", "senior", "http", "", "", ""))
                .hasMessageStartingWith("your question: field 'level' is 'senior'");
    }
}
