package dev.drill.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Setup's answers and reveal options")
class AnswerModeSetupTests {

    @Test
    @DisplayName("a reveal is a positive time of at most 7 days in d, h and m, each unit once")
    void reveal() {
        assertThat(AnswerModeSetup.parseReveal("6h")).contains(Duration.ofHours(6));
        assertThat(AnswerModeSetup.parseReveal(" 1h 30m ")).contains(Duration.ofMinutes(90));
        assertThat(AnswerModeSetup.parseReveal("90M")).contains(Duration.ofMinutes(90));
        assertThat(AnswerModeSetup.parseReveal("7d")).contains(Duration.ofDays(7));
        assertThat(AnswerModeSetup.parseReveal("8d")).isEmpty();
        assertThat(AnswerModeSetup.parseReveal("0h")).isEmpty();
        assertThat(AnswerModeSetup.parseReveal("1h1h")).isEmpty();
        assertThat(AnswerModeSetup.parseReveal("soon")).isEmpty();
        assertThat(AnswerModeSetup.parseReveal("-2h")).isEmpty();
        assertThat(AnswerModeSetup.parseReveal("")).isEmpty();
        assertThat(AnswerModeSetup.parseReveal("99999999999h")).isEmpty();
    }

    @Test
    @DisplayName("a reveal is shown back as it is written")
    void describe() {
        assertThat(AnswerModeSetup.describe(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(AnswerModeSetup.describe(Duration.ofDays(1).plusHours(2))).isEqualTo("1d2h");
    }

    @Test
    @DisplayName("modes by their option value, any case; anything else is no mode")
    void modes() {
        assertThat(AnswerMode.parse("Blind")).contains(AnswerMode.BLIND);
        assertThat(AnswerMode.parse("thread")).contains(AnswerMode.THREAD);
        assertThat(AnswerMode.parse("dm")).isEqualTo(Optional.empty());
        assertThat(AnswerMode.THREAD.usesForm()).isFalse();
        assertThat(AnswerMode.MODAL.usesForm()).isTrue();
    }
}
