package dev.drill.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Which reactions are votes")
class AnswerListenerTests {

    @Test
    @DisplayName("👍 counts in every skin tone; other emoji do not")
    void thumbsUpInAnyTone() {
        assertThat(AnswerListener.isThumbsUp("👍")).isTrue();
        assertThat(AnswerListener.isThumbsUp("👍🏻")).isTrue();
        assertThat(AnswerListener.isThumbsUp("👍🏽")).isTrue();
        assertThat(AnswerListener.isThumbsUp("👍🏿")).isTrue();
        assertThat(AnswerListener.isThumbsUp("👎")).isFalse();
        assertThat(AnswerListener.isThumbsUp("❤️")).isFalse();
    }
}
