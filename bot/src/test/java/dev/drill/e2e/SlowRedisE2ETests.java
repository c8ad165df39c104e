package dev.drill.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.sim.SimChannel;
import dev.drill.sim.SimInteraction;
import dev.drill.sim.SimMessage;
import dev.drill.sim.SimResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Redis made slow by a {@link DelayingProxy} between the bot and Redis (4 s each way, so every command takes
 * 8 s and meets the 5 s client timeout): Discord must still hear back within its three seconds, and the
 * gateway must keep handling other events. The simulated clock does not move here, so each first response is
 * timed on the wall clock, from just before the member acts to the moment the simulator recorded it.
 */
@DisplayName("End to end: a slow Redis never stalls Discord")
class SlowRedisE2ETests {

    private static final Duration DISCORD_DEADLINE = Duration.ofSeconds(3);
    private static final String LONG = "An answer long enough to count: it explains the idea, the how and the why. ";

    private final BotHarness drill = BotHarness.create(BotHarness.START).redisThroughProxy();

    SlowRedisE2ETests() {
        drill.startBot();
    }

    @AfterEach
    void stop() {
        drill.close();
    }

    @Test
    @DisplayName("with Redis delayed 4 s, setup, config, pause, resume, the award, the board, stats, practice and"
            + " feedback"
            + " are acknowledged within 3 s, and a thread message does not hold up /drill help")
    void everyInteractionAcknowledgedInTime() {
        // GIVEN Drill set up, Monday's round open and bob's answer counted, while Redis is quick
        drill.setUpDailyDrill();
        SimChannel thread = drill.openRound(Instant.parse("2040-12-03T08:00:00Z"));
        SimMessage bob = drill.as("bob").say(thread.id(), LONG + "Bob.");
        drill.awaitGatewayHandled();

        // WHEN Redis becomes slow: every chunk either way is held back 4 s
        drill.redisProxy().delay(Duration.ofSeconds(4));

        // THEN every interaction gets its first response within Discord's 3 s
        Map<String, SimInteraction> asked = new LinkedHashMap<>();
        String channel = drill.dailyDrill();
        asked.put(
                "setup",
                acknowledgedInTime(
                        "setup",
                        () -> drill.as("admin")
                                .slash(
                                        channel,
                                        "drill-admin setup",
                                        Map.of("channel", channel, "time", "10:00", "timezone", "Europe/Berlin"))));
        asked.put("config", acknowledgedInTime("config", () -> drill.as("admin").slash(channel, "drill-admin config")));
        asked.put("pause", acknowledgedInTime("pause", () -> drill.as("admin").slash(channel, "drill-admin pause")));
        asked.put("resume", acknowledgedInTime("resume", () -> drill.as("admin").slash(channel, "drill-admin resume")));
        asked.put(
                "award", acknowledgedInTime("award", () -> drill.as("admin").messageCommand("Award best answer", bob)));
        asked.put(
                "leaderboard",
                acknowledgedInTime("leaderboard", () -> drill.as("carol").slash(channel, "drill leaderboard")));
        asked.put("stats", acknowledgedInTime("stats", () -> drill.as("carol").slash(channel, "drill stats")));
        asked.put(
                "practice",
                acknowledgedInTime("practice", () -> drill.as("carol").slash(channel, "drill practice")));
        asked.put(
                "feedback", acknowledgedInTime("feedback", () -> drill.as("bob").slash(channel, "drill feedback")));

        // AND an answer in the thread (its write waits on Redis) does not hold up the next event
        drill.as("alice").say(thread.id(), LONG + "Alice, while Redis is slow.");
        SimResponse help = drill.awaitAnswer(
                acknowledgedInTime("help", () -> drill.as("alice").slash(channel, "drill help")));
        assertThat(help.kind()).isEqualTo(SimResponse.Kind.REPLY);
        assertThat(help.message().embedTitles()).containsExactly("Drill: daily backend interview practice");

        // AND once Redis is quick again, every interaction is answered with a message: none is left silent
        drill.redisProxy().delay(Duration.ZERO);
        asked.forEach((what, interaction) -> {
            SimResponse answer =
                    drill.sim().awaitResponse(interaction, r -> r.message() != null, Duration.ofSeconds(60));
            assertThat(answer.content().isEmpty() && answer.message().embeds().isEmpty())
                    .as(what + " answered with a sentence or an embed")
                    .isFalse();
            // AND the first response was the deferral ("thinking…"), not a late reply
            assertThat(drill.sim().responses(interaction).get(0).kind())
                    .as(what)
                    .isEqualTo(SimResponse.Kind.DEFERRED_REPLY);
        });
        drill.sim().assertNoProblems();
    }

    /** Sends an interaction and asserts its first response (a deferral or a reply) came within 3 s. */
    private SimInteraction acknowledgedInTime(String what, Supplier<SimInteraction> send) {
        long sent = System.nanoTime();
        SimInteraction interaction = send.get();
        SimResponse first = drill.sim().awaitResponse(interaction, r -> true, Duration.ofSeconds(10));
        Duration took = Duration.ofNanos(System.nanoTime() - sent);
        assertThat(took)
                .as(what + " was first answered (" + first.kind() + ") after " + took.toMillis() + " ms")
                .isLessThan(DISCORD_DEADLINE);
        return interaction;
    }
}
