package dev.drill.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnswerTextTests {

    /** 40 visible characters around spaces that do not count. */
    private static final String FORTY = "Caches trade freshness for latency; TTLs cap it";

    @Test
    @DisplayName("40 visible characters qualify, 39 do not")
    void threshold() {
        assertThat(AnswerText.visibleLength(FORTY)).isEqualTo(40);
        assertThat(AnswerText.qualifies(FORTY, 40)).isTrue();
        assertThat(AnswerText.qualifies(FORTY.substring(1), 40)).isFalse();
    }

    @Test
    @DisplayName("spaces, tabs, newlines and no-break spaces are not counted")
    void whitespaceIgnored() {
        String padded = "a  b\t\tc\n\n\n d\u00A0\u00A0\u2003e";

        assertThat(AnswerText.visibleLength(padded)).isEqualTo(5);
    }

    @Test
    @DisplayName("a short answer padded with zero-width characters does not qualify")
    void zeroWidthPadding() {
        // GIVEN 20 visible characters padded with zero-width space, joiner, word joiner and BOM
        String padded = "Use a cache, period." + "\u200B\u200D\u2060\uFEFF".repeat(30);

        // WHEN it is measured
        int visible = AnswerText.visibleLength(padded);

        // THEN only the 17 visible characters (not the 3 spaces) count
        assertThat(visible).isEqualTo(17);
        assertThat(AnswerText.qualifies(padded, 40)).isFalse();
    }

    @Test
    @DisplayName("control characters do not count; an emoji counts once, not per UTF-16 unit")
    void controlsAndEmoji() {
        assertThat(AnswerText.visibleLength("\u0000\u0007\u001Bab")).isEqualTo(2);
        assertThat(AnswerText.visibleLength("👍🚀")).isEqualTo(2);
    }

    @Test
    @DisplayName("no text measures 0")
    void nullText() {
        assertThat(AnswerText.visibleLength(null)).isZero();
    }

    @Test
    @DisplayName("blank fillers, combining marks, mentions and custom emoji do not make a one-liner an answer")
    void invisiblePadding() {
        assertThat(AnswerText.qualifies("\u3164".repeat(40), 40)).isFalse();
        assertThat(AnswerText.qualifies("\u2800".repeat(40), 40)).isFalse();
        assertThat(AnswerText.qualifies("ok" + "\u034F\uFE0F".repeat(30), 40)).isFalse();
        assertThat(AnswerText.qualifies("<@123456789012345678> <@&123456789012345678>", 40))
                .isFalse();
        assertThat(AnswerText.qualifies("<:drill:123456789012345678><a:spin:123456789012345678>", 40))
                .isFalse();
        assertThat(AnswerText.visibleLength("Ask <@123456789012345678> about it"))
                .isEqualTo("Askaboutit".length());
    }
}
