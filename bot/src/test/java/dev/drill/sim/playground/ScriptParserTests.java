package dev.drill.sim.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Playground script parser")
class ScriptParserTests {

    private static ScriptLine parse(String line) {
        return ScriptParser.parse(line).orElseThrow();
    }

    @Test
    @DisplayName("blank lines and # comments are nothing to run")
    void blankAndComments() {
        assertThat(ScriptParser.parse("")).isEmpty();
        assertThat(ScriptParser.parse("   \t")).isEmpty();
        assertThat(ScriptParser.parse("# a comment")).isEmpty();
        assertThat(ScriptParser.parse("   # indented comment")).isEmpty();
    }

    @Test
    @DisplayName("each member, channel and message line")
    void memberLines() {
        assertThat(parse("as alice")).isEqualTo(new ScriptLine.As("alice"));
        assertThat(parse("as @bob")).isEqualTo(new ScriptLine.As("bob"));
        assertThat(parse("say Caching keeps hot data close:  it trades memory for latency."))
                .isEqualTo(new ScriptLine.Say("Caching keeps hot data close:  it trades memory for latency."));
        assertThat(parse("in #general")).isEqualTo(new ScriptLine.InChannel("general"));
        assertThat(parse("in general")).isEqualTo(new ScriptLine.InChannel("general"));
        assertThat(parse("in thread")).isEqualTo(new ScriptLine.InThread());
        assertThat(parse("edit last now with more detail")).isEqualTo(new ScriptLine.EditLast("now with more detail"));
        assertThat(parse("delete last")).isEqualTo(new ScriptLine.DeleteLast());
        assertThat(parse("react 👍 alice")).isEqualTo(new ScriptLine.React("👍", "alice", true));
        assertThat(parse("unreact 👍 @alice")).isEqualTo(new ScriptLine.React("👍", "alice", false));
        assertThat(parse("click How did I do?")).isEqualTo(new ScriptLine.Click("How did I do?"));
        assertThat(parse("click \"Show model answer\"")).isEqualTo(new ScriptLine.Click("Show model answer"));
        assertThat(parse("award alice")).isEqualTo(new ScriptLine.Award("alice"));
    }

    @Test
    @DisplayName("submit fills every input with its text, or the named inputs; attach takes a file name")
    void formsAndFiles() {
        assertThat(parse("submit Easy: one transaction")).isEqualTo(new ScriptLine.Submit("Easy: one transaction"));
        assertThat(parse("submit prompt:\"Why: queues?\" level:experienced"))
                .isEqualTo(new ScriptLine.Submit(
                        "prompt:\"Why: queues?\" level:experienced",
                        java.util.Map.of("prompt", "Why: queues?", "level", "experienced")));
        assertThat(parse("attach ours.yaml")).isEqualTo(new ScriptLine.Attach("ours.yaml"));
        assertThatThrownBy(() -> parse("attach files/secret.yaml"))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("not a path");
        assertThatThrownBy(() -> parse("attach .secret.yaml"))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("not a path");
        assertThatThrownBy(() -> parse("attach")).hasMessageContaining("attach needs a file");
        assertThatThrownBy(() -> parse("attach a.yaml b.yaml")).hasMessageContaining("attach takes one word");
    }

    @Test
    @DisplayName("clock, time and fault lines; keywords in any case")
    void timeAndFaults() {
        assertThat(parse("clock 2041-03-25T06:00:00Z"))
                .isEqualTo(new ScriptLine.SetClock(Instant.parse("2041-03-25T06:00:00Z")));
        assertThat(parse("clock 2041-03-25T08:00:00+02:00"))
                .isEqualTo(new ScriptLine.SetClock(Instant.parse("2041-03-25T06:00:00Z")));
        assertThat(parse("advance 2h30m")).isEqualTo(new ScriptLine.Advance(Duration.ofMinutes(150)));
        assertThat(parse("redeliver")).isEqualTo(new ScriptLine.Redeliver());
        assertThat(parse("restart bot")).isEqualTo(new ScriptLine.RestartBot());
        assertThat(parse("restart bot without message-content")).isEqualTo(new ScriptLine.RestartBot(false));
        assertThat(parse("Restart Redis")).isEqualTo(new ScriptLine.RestartRedis());
        assertThat(parse("help")).isEqualTo(new ScriptLine.Help());
    }

    @Nested
    @DisplayName("slash commands")
    class Slash {

        @Test
        @DisplayName("command and subcommand without options")
        void bare() {
            assertThat(parse("/drill help")).isEqualTo(new ScriptLine.Slash(List.of("drill", "help"), Map.of()));
            assertThat(parse("/drill-admin   config  "))
                    .isEqualTo(new ScriptLine.Slash(List.of("drill-admin", "config"), Map.of()));
        }

        @Test
        @DisplayName("a value runs to the next name: and may hold colons, #channels and @roles")
        void values() {
            ScriptLine.Slash setup = (ScriptLine.Slash) parse("/drill-admin setup channel:#daily-drill time:09:00"
                    + " timezone:Europe/Berlin days:mon,wed,fri ping:@Team Lead");
            assertThat(setup.command()).isEqualTo("drill-admin setup");
            assertThat(setup.options())
                    .containsExactly(
                            Map.entry("channel", "#daily-drill"),
                            Map.entry("time", "09:00"),
                            Map.entry("timezone", "Europe/Berlin"),
                            Map.entry("days", "mon,wed,fri"),
                            Map.entry("ping", "@Team Lead"));
        }

        @Test
        @DisplayName("an unquoted value keeps its spaces, and 'at 10:30' stays inside it")
        void spaces() {
            ScriptLine.Slash practice = (ScriptLine.Slash) parse("/drill practice topic:message queues at 10:30");
            assertThat(practice.options()).containsExactly(Map.entry("topic", "message queues at 10:30"));
        }

        @Test
        @DisplayName("a quoted value may hold ' name:'")
        void quoted() {
            ScriptLine.Slash quoted =
                    (ScriptLine.Slash) parse("/drill practice topic:\"api design level:hard\" level:fresher");
            assertThat(quoted.options())
                    .containsExactly(Map.entry("topic", "api design level:hard"), Map.entry("level", "fresher"));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "/ | a slash command needs a name",
                    "/drill practice level: | option level: has no value",
                    "/drill practice level:\"fresher | no closing quote",
                    "/drill practice level:\"fresher\"topic:x | put a space before the next name:value",
                    "/drill practice level:a level:b | option level: is given twice"
                })
        @DisplayName("malformed options are refused with a reason")
        void malformed(String line, String reason) {
            assertThatThrownBy(() -> ScriptParser.parse(line))
                    .isInstanceOf(ScriptException.class)
                    .hasMessageContaining(reason);
        }
    }

    @Nested
    @DisplayName("durations")
    class Durations {

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({
            "1d, PT24H",
            "2h30m, PT2H30M",
            "90s, PT1M30S",
            "1w, PT168H",
            "1w2d, PT216H",
            "15m, PT15M",
            "0s, PT0S",
            "PT2H, PT2H",
            "1h 30m, PT1H30M"
        })
        @DisplayName("compact units and ISO-8601")
        void valid(String text, Duration expected) {
            assertThat(ScriptParser.duration(text)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"1y", "d", "1.5h", "2h2h", "-1d", "tomorrow", "PT-1H", "P"})
        @DisplayName("anything else is refused")
        void invalid(String text) {
            assertThatThrownBy(() -> ScriptParser.duration(text)).isInstanceOf(ScriptException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "frobnicate | unknown command 'frobnicate'",
                "drill help | unknown command 'drill'",
                "as | as needs a member",
                "as alice bob | as takes one word",
                "say | say needs the text to post",
                "in | in needs #<channel> or thread",
                "in #general now | in takes one channel",
                "edit first hello | edit works on your last message",
                "edit last | edit last needs the new text",
                "delete last two | delete takes no text",
                "react 👍 | react takes an emoji and a member",
                "unreact | unreact needs an emoji and a member",
                "click | click needs a button label",
                "clock tomorrow | is not an ISO instant",
                "advance | advance needs a duration",
                "restart everything | restart what?",
                "redeliver twice | redeliver takes nothing after it"
            })
    @DisplayName("a line it cannot read is refused with a reason")
    void errors(String line, String reason) {
        assertThatThrownBy(() -> ScriptParser.parse(line))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining(reason);
    }
}
