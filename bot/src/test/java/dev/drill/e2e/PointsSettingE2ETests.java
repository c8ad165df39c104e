package dev.drill.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.sim.SimChannel;
import dev.drill.sim.SimMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** drill.points.* is the one place the points are set: what members read and what they get follow it. */
@DisplayName("End to end: the points setting")
class PointsSettingE2ETests {

    private final BotHarness drill =
            BotHarness.create(Instant.parse("2040-12-03T07:59:00Z")).property("drill.points.answer", 11);

    @AfterEach
    void stop() {
        drill.close();
    }

    @Test
    @DisplayName("drill.points.answer=11: the help, the question post and the leaderboard after one answer say 11")
    void answerWorthEleven() {
        drill.startBot();

        assertThat(drill.command("alice", "drill help").message().embeds().toString())
                .contains("+11 for an answer")
                .doesNotContain("+10");

        drill.setUpDailyDrill();
        drill.advance(Duration.ofMinutes(1));
        SimMessage post = drill.awaitBotMessage(
                drill.dailyDrill(),
                m -> !m.embedTitles().isEmpty() && m.embedTitles().get(0).startsWith("Daily drill"));
        assertThat(post.embeds().toString()).contains("is your answer (+11)");

        SimChannel thread =
                drill.sim().awaitThread(drill.dailyDrill(), t -> t.id().equals(post.id()), Duration.ofSeconds(10));
        drill.as("alice").say(thread.id(), "A queue decouples producers from consumers and absorbs bursts of load.");
        drill.awaitGatewayHandled();

        String board = drill.command("bob", "drill leaderboard", Map.of("period", "all"))
                .message()
                .embeds()
                .toString();
        assertThat(board).contains("Alice · 11 pts");
    }
}
