package dev.drill.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.discord.CommandNames;
import dev.drill.discord.Replies;
import dev.drill.discord.SlashCommand;
import dev.drill.sim.SimChannel;
import dev.drill.sim.SimMessage;
import dev.drill.sim.SimResponse;
import java.time.Instant;
import java.util.Map;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@DisplayName("End to end: member input and permissions")
@ExtendWith(OutputCaptureExtension.class)
class InputE2ETests {

    private static final String LONG = "An answer long enough to count: it explains the idea, the how and the why. ";

    /** A secret only a member typed: it must never reach the log. */
    private static final String TYPED = "tuesday-SECRET-7731";

    private final BotHarness drill = BotHarness.create(BotHarness.START)
            .initializer(c -> c.getBeanFactory().registerSingleton("explodingCommand", new ExplodingCommand()));

    InputE2ETests() {
        drill.startBot();
    }

    @AfterEach
    void stop() {
        drill.close();
    }

    @Test
    @DisplayName("an admin who awards their own answer is refused with a sentence, and nothing changes")
    void ownAnswerNotAwarded() {
        // GIVEN Monday's round is open and admin answered in its thread
        drill.setUpDailyDrill();
        SimChannel thread = drill.openRound(Instant.parse("2040-12-03T08:00:00Z"));
        SimMessage own = drill.as("admin").say(thread.id(), LONG + "Admin.");
        drill.awaitGatewayHandled();

        // WHEN admin uses "Award best answer" on it
        SimResponse reply = drill.awaitAnswer(drill.as("admin").messageCommand("Award best answer", own));

        // THEN admin alone is told to ask another moderator
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).isEqualTo("You cannot award your own answer; ask another moderator.");
        // AND no award was posted or counted: admin has the answer's 10 points and no award
        assertThat(drill.sim().messages(thread.id())).noneMatch(m -> m.content().startsWith("🏅"));
        SimResponse stats = drill.command("admin", "drill stats");
        assertThat(field(stats, "All time")).startsWith("10 pts");
        assertThat(field(stats, "Best-answer awards")).isEqualTo("0");
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("a 2,100-character option value that reaches the bot gets a sentence, and is neither saved nor logged")
    void overlongValue(CapturedOutput log) {
        // WHEN a client that ignores max_length sends setup with 2,100 characters of days
        String days = "mon," + TYPED + "x".repeat(2100 - 4 - TYPED.length());
        SimResponse reply = drill.command(
                "admin",
                "drill-admin setup",
                Map.of("channel", drill.dailyDrill(), "time", "09:00", "timezone", "Europe/Berlin", "days", days));

        // THEN admin is told which option is too long, only them, without the value echoed
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content())
                .isEqualTo("The days option takes at most 40 characters, and yours has 2100. Nothing was changed;"
                        + " please shorten it.");
        // AND nothing was saved, and the value is nowhere in the log
        assertThat(drill.command("admin", "drill-admin config").content()).startsWith("Drill is not set up here");
        assertThat(log.getAll()).doesNotContain(TYPED);
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("a command that fails logs its name and guild at ERROR, never the option value in its exception")
    void failureLogsNoInput(CapturedOutput log) {
        // WHEN a command fails with an exception that quotes what the member typed
        SimResponse reply = drill.command("alice", "drill explode", Map.of("text", TYPED));

        // THEN alice gets the usual sentence
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).isEqualTo(Replies.INTERNAL_ERROR);
        // AND the log names the command and the guild, with the exception's type, but not what she typed
        assertThat(log.getAll())
                .contains("/drill explode failed in guild " + drill.guild().id())
                .contains("java.lang.IllegalArgumentException (message withheld")
                .doesNotContain(TYPED);
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName(
            "a refused setup value is shown back in inline code that backticks, newlines and @everyone cannot break")
    void quotedEcho() {
        SimResponse reply = drill.command(
                "admin",
                "drill-admin setup",
                Map.of(
                        "channel",
                        drill.dailyDrill(),
                        "time",
                        "09:00",
                        "timezone",
                        "Europe/Berlin",
                        "days",
                        "mon`\n@everyone"));

        assertThat(reply.content())
                .isEqualTo("`` mon` @\u200Beveryone `` is not a list of days: use `daily`, `mon-fri`, or days such as"
                        + " `mon,wed,fri`.");
        // AND the reply allows no mention at all
        assertThat(reply.message().allowedMentions().path("parse").isEmpty()).isTrue();
        drill.sim().assertNoProblems();
    }

    private static String field(SimResponse response, String name) {
        for (var field : response.message().embeds().get(0).path("fields")) {
            if (field.path("name").asString("").equals(name)) {
                return field.path("value").asString("");
            }
        }
        throw new AssertionError(
                "no field " + name + " in " + response.message().embeds());
    }

    /** {@code /drill explode text:…}: a command with a bug, whose exception quotes the option value. */
    static final class ExplodingCommand implements SlashCommand {

        @Override
        public String parent() {
            return CommandNames.DRILL;
        }

        @Override
        public SubcommandData definition() {
            return new SubcommandData("explode", "Fails, for a test")
                    .addOptions(new OptionData(OptionType.STRING, "text", "Anything", true).setMaxLength(40));
        }

        @Override
        public void onCommand(SlashCommandInteractionEvent event) {
            throw new IllegalArgumentException("cannot handle " + event.getOption("text", OptionMapping::getAsString));
        }
    }
}
