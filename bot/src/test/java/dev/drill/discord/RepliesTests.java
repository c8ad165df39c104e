package dev.drill.discord;

import static org.assertj.core.api.Assertions.assertThat;

import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RepliesTests {

    private static final String ZWSP = "\u200B";

    @Nested
    @DisplayName("quote: every option value shown back to a member")
    class Quote {

        @Test
        @DisplayName("a plain value is shown as typed, in inline code")
        void plain() {
            assertThat(Replies.quote("9am")).isEqualTo("`9am`");
            assertThat(Replies.quote("Mars/Olympus")).isEqualTo("`Mars/Olympus`");
        }

        @Test
        @DisplayName("a value with backticks is wrapped in double backticks and spaces, and cannot close them early")
        void backticks() {
            assertThat(Replies.quote("a`b")).isEqualTo("`` a`b ``");
            assertThat(Replies.quote("`tick")).isEqualTo("`` `tick ``");
            // a run of backticks inside is broken up, so nothing inside reads as the closing ``
            String quoted = Replies.quote("x``y```z");
            assertThat(quoted).isEqualTo("`` x`" + ZWSP + "`y`" + ZWSP + "`" + ZWSP + "`z ``");
            String inside = quoted.substring(3, quoted.length() - 3);
            assertThat(inside).doesNotContain("``");
        }

        @Test
        @DisplayName("newlines, tabs and other control characters become one space; bidi overrides go")
        void controlCharacters() {
            assertThat(Replies.quote("mon,\nwed\r\n\tfri\u0000")).isEqualTo("`mon, wed fri`");
            assertThat(Replies.quote("abc\u202Edef")).isEqualTo("`abcdef`");
        }

        @Test
        @DisplayName("@everyone and @here are broken with a zero-width space")
        void massMentions() {
            assertThat(Replies.quote("@everyone come")).isEqualTo("`@" + ZWSP + "everyone come`");
            assertThat(Replies.quote("@HERE")).isEqualTo("`@" + ZWSP + "HERE`");
        }

        @Test
        @DisplayName("a very long value is cut with an ellipsis, never splitting an emoji")
        void longValue() {
            String quoted = Replies.quote("x".repeat(2100));
            assertThat(quoted).isEqualTo("`" + "x".repeat(Replies.QUOTE_MAX - 1) + "…`");

            String emoji = Replies.quote("😀".repeat(100));
            assertThat(emoji).isEqualTo("`" + "😀".repeat(Replies.QUOTE_MAX - 1) + "…`");
        }

        @Test
        @DisplayName("empty and null show as an empty code span")
        void empty() {
            assertThat(Replies.quote("")).isEqualTo("` `");
            assertThat(Replies.quote(null)).isEqualTo("` `");
            assertThat(Replies.quote("\n\n")).isEqualTo("` `");
        }
    }

    @Nested
    @DisplayName("option limits: a value longer than its option allows")
    class Limits {

        private final SubcommandData setup = new SubcommandData("setup", "x")
                .addOptions(
                        new OptionData(OptionType.STRING, "days", "d").setMaxLength(40),
                        new OptionData(OptionType.STRING, "free", "no limit declared"));

        @Test
        @DisplayName("is refused with a sentence naming the option and its limit, never quoting the value")
        void refused() {
            String value = "mon,".repeat(525);

            assertThat(OptionLimits.tooLong(setup, "days", value))
                    .contains("The days option takes at most 40 characters, and yours has 2100. Nothing was"
                            + " changed; please shorten it.");
        }

        @Test
        @DisplayName("a value within the limit passes; an option without one is held to 100")
        void within() {
            assertThat(OptionLimits.tooLong(setup, "days", "x".repeat(40))).isEmpty();
            assertThat(OptionLimits.tooLong(setup, "free", "x".repeat(100))).isEmpty();
            assertThat(OptionLimits.tooLong(setup, "free", "x".repeat(101))).isPresent();
        }
    }
}
