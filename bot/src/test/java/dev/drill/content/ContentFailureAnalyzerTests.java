package dev.drill.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

@DisplayName("A broken question pack at start-up")
class ContentFailureAnalyzerTests {

    @Test
    @DisplayName("stops start-up with a report naming the file, the field and the line, not a stack trace")
    void namesFileFieldAndLine() {
        ContentException broken = catchThrowableOfType(
                ContentException.class,
                () -> new ContentLoader()
                        .load(List.of(
                                new ContentLoader.Source(
                                        "content/p/pack.yaml", "id: p\nname: P\nlevels: [fresher]\ntopics: [http]\n"),
                                new ContentLoader.Source(
                                        "content/p/fresher/01-x.yaml",
                                        "id: x\nlevel: fresher\nnumber: 1\ntopics: [http]\nprompt: \"\"\n"))));

        FailureAnalysis analysis =
                new ContentFailureAnalyzer().analyze(new BeanCreationException("questionBank", "failed", broken));

        assertThat(analysis.getDescription())
                .isEqualTo(
                        "A question pack is broken: content/p/fresher/01-x.yaml:5: field 'prompt' is missing or blank");
        assertThat(analysis.getAction()).contains("Fix that field");
    }
}
