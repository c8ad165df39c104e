package dev.drill.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drill.sim.SimChannel;
import dev.drill.sim.SimMessage;
import dev.drill.sim.SimResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("End to end: answers, votes, awards, streaks and boards")
class ScoringE2ETests {

    private static final String THUMBS_UP = "👍";
    private static final String LONG = "An answer long enough to count: it explains the idea, the how and the why. ";

    private final BotHarness drill = BotHarness.start();

    @AfterEach
    void stop() {
        drill.close();
    }

    private SimResponse stats(String asker, String member) {
        return drill.command(asker, "drill stats", Map.of("member", member));
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

    @Test
    @DisplayName("three members, edits, deletes, votes, a redelivery, an award, a streak and a Redis restart add up")
    void fullScenario() {
        // GIVEN a daily 09:00 Berlin schedule and Monday's round open
        drill.command(
                "admin",
                "drill-admin setup",
                Map.of("channel", drill.dailyDrill(), "time", "09:00", "timezone", "Europe/Berlin", "days", "daily"));
        SimChannel monday = drill.openRound(Instant.parse("2040-12-03T08:00:00Z"));

        // WHEN alice answers too short, then long enough (+10)
        drill.as("alice").say(monday.id(), "Too short to count.");
        SimMessage alice = drill.as("alice").say(monday.id(), LONG + "Alice.");
        // bob answers, edits it down to nothing (withdrawn), then answers again (+10)
        SimMessage bob = drill.as("bob").say(monday.id(), LONG + "Bob.");
        drill.as("bob").edit(bob, "never mind");
        drill.as("bob").say(monday.id(), LONG + "Bob, second try.");
        // Redis goes away and comes back from its AOF in the middle of the round
        drill.restartRedis();
        // carol answers and deletes it (0)
        SimMessage carol = drill.as("carol").say(monday.id(), LONG + "Carol.");
        drill.as("carol").delete(carol);
        // votes on alice: carol and bob count (+2); her own vote and a bot's do not
        drill.as("carol").react(alice, THUMBS_UP);
        drill.as("alice").react(alice, THUMBS_UP);
        drill.as("otherbot").react(alice, THUMBS_UP);
        drill.as("bob").react(alice, THUMBS_UP);
        drill.sim().redeliverLast(); // bob's vote again: changes nothing
        // the admin awards alice's answer (+5)
        SimResponse award = drill.awaitAnswer(drill.as("admin").messageCommand("Award best answer", alice));
        assertThat(award.ephemeral()).isTrue();

        // AND on Tuesday alice answers again: her streak gives +1
        SimChannel tuesday = drill.openRound(Instant.parse("2040-12-04T08:00:00Z"));
        drill.as("alice").say(tuesday.id(), LONG + "Alice again.");

        // THEN the boards and stats show exactly what the rules give: alice 10+2+5 + 10+1 = 28, bob 10
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            SimResponse board = drill.command("carol", "drill leaderboard", Map.of("period", "all"));
            String lines = board.message().embedDescriptions().get(0);
            assertThat(lines)
                    .contains("Alice · 28 pts")
                    .contains("Bob · 10 pts")
                    .doesNotContain("Carol");
            assertThat(lines.indexOf("Alice")).isLessThan(lines.indexOf("Bob"));
        });
        SimResponse aliceStats = stats("bob", drill.as("alice").user().id());
        assertThat(aliceStats.ephemeral())
                .as("stats are shared with the channel")
                .isFalse();
        assertThat(field(aliceStats, "All time")).contains("28");
        assertThat(field(aliceStats, "This week")).contains("28");
        assertThat(field(aliceStats, "Answers")).isEqualTo("2");
        assertThat(field(aliceStats, "Streak")).isEqualTo("2 (best 2)");
        assertThat(field(aliceStats, "👍 received")).isEqualTo("2");
        assertThat(field(aliceStats, "Best-answer awards")).isEqualTo("1");
        SimResponse carolStats = stats("carol", drill.as("carol").user().id());
        assertThat(field(carolStats, "All time")).startsWith("0");
        assertThat(field(carolStats, "Answers")).isEqualTo("0");

        // AND Monday's recap, posted in its thread at Tuesday's opening, shows the vote and the award
        SimMessage recap =
                drill.awaitBotMessage(monday.id(), m -> m.embedTitles().contains("Round closed · 2040-12-03"));
        assertThat(recap.embeds().toString()).contains("Best answer", "Alice", "2 👍", "Model answer");
        assertThat(drill.sim().channel(monday.id()).orElseThrow().locked()).isTrue();
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("a skipped round scores nothing and breaks nobody's streak")
    void skipKeepsStreaks() {
        drill.command(
                "admin",
                "drill-admin setup",
                Map.of("channel", drill.dailyDrill(), "time", "09:00", "timezone", "Europe/Berlin", "days", "daily"));
        // Monday: alice answers (+10)
        SimChannel monday = drill.openRound(Instant.parse("2040-12-03T08:00:00Z"));
        drill.as("alice").say(monday.id(), LONG + "Monday.");
        // Tuesday: alice answers, then an admin skips the round (her answer earns nothing)
        SimChannel tuesday = drill.openRound(Instant.parse("2040-12-04T08:00:00Z"));
        drill.as("alice").say(tuesday.id(), LONG + "Tuesday.");
        drill.awaitGatewayHandled();
        SimResponse skipped = drill.command("admin", "drill-admin skip");
        assertThat(skipped.content()).startsWith("Skipped the round of 2040-12-04");
        // Wednesday: alice answers again: her streak goes on from Monday (+10 +1)
        SimChannel wednesday = drill.openRound(Instant.parse("2040-12-05T08:00:00Z"));
        drill.as("alice").say(wednesday.id(), LONG + "Wednesday.");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            SimResponse stats = stats("bob", drill.as("alice").user().id());
            assertThat(field(stats, "All time")).startsWith("21");
            assertThat(field(stats, "Answers")).isEqualTo("2");
            assertThat(field(stats, "Streak")).isEqualTo("2 (best 2)");
        });
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("a redelivered answer counts once, and the next round starts a new week's count")
    void afterCloseAndRedelivery() {
        drill.command(
                "admin",
                "drill-admin setup",
                Map.of("channel", drill.dailyDrill(), "time", "09:00", "timezone", "Europe/Berlin", "days", "daily"));
        SimChannel monday = drill.openRound(Instant.parse("2040-12-03T08:00:00Z"));
        drill.as("alice").say(monday.id(), LONG);
        drill.sim().redeliverLast();

        drill.openRound(Instant.parse("2040-12-04T08:00:00Z"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String lines = drill.command("bob", "drill leaderboard", Map.of("period", "week"))
                    .message()
                    .embedDescriptions()
                    .get(0);
            assertThat(lines).contains("Alice · 10 pts").doesNotContain("Admin");
        });
        drill.sim().assertNoProblems();
    }
}
