package dev.drill.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.sim.SimChannel;
import dev.drill.sim.SimMessage;
import dev.drill.sim.SimResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("End to end: /drill history")
class HistoryE2ETests {

    /** 09:00 in Berlin on Monday 3 December 2040, the first of twelve daily rounds. */
    private static final Instant FIRST = Instant.parse("2040-12-03T08:00:00Z");

    private final BotHarness drill = BotHarness.start();

    @AfterEach
    void stop() {
        drill.close();
    }

    @Test
    @DisplayName("lists past rounds ten a page, Next and Previous page through them; question:<id> shows when")
    void paging() {
        // GIVEN twelve daily rounds, alice answered the first: eleven have closed
        drill.command(
                "admin",
                "drill-admin setup",
                Map.of("channel", drill.dailyDrill(), "time", "09:00", "timezone", "Europe/Berlin", "days", "daily"));
        SimChannel first = drill.openRound(FIRST);
        drill.as("alice").say(first.id(), "A queue decouples the producer from the consumer and absorbs bursts.");
        drill.settleEvents();
        for (int day = 1; day < 12; day++) {
            drill.openRound(FIRST.plus(Duration.ofDays(day)));
        }
        String firstQuestion = drill.redis()
                .opsForHash()
                .get(dev.drill.redis.Keys.round(Long.parseLong(drill.guild().id()), "2040-12-03"), "question")
                .toString();

        // WHEN alice asks for the history
        SimResponse reply = drill.command("alice", "drill history");

        // THEN she alone sees the ten newest closed rounds, with their threads, and a Next button
        assertThat(reply.ephemeral()).isTrue();
        SimMessage page1 = reply.message();
        assertThat(page1.embedTitles()).containsExactly("Past rounds · page 1 of 2");
        String text = page1.embedDescriptions().get(0);
        assertThat(text)
                .startsWith("**2040-12-13** · `")
                .contains("**2040-12-04**")
                .doesNotContain("2040-12-03");
        assertThat(text).doesNotContain("2040-12-14"); // still open
        assertThat(page1.customIds()).containsExactly("drill:history:0:-:-", "drill:history:2:-:-");

        // WHEN she clicks Next
        SimResponse next = drill.sim()
                .awaitResponse(
                        drill.as("alice").click(page1, "drill:history:2:-:-"),
                        r -> r.message() != null,
                        Duration.ofSeconds(10));

        // THEN the same message shows page 2: the first round, its participant and its thread
        SimMessage page2 = next.message();
        assertThat(page2.id()).isEqualTo(page1.id());
        assertThat(page2.embedTitles()).containsExactly("Past rounds · page 2 of 2");
        assertThat(page2.embedDescriptions().get(0))
                .startsWith("**2040-12-03** · `" + firstQuestion + "`")
                .contains("2040-12-03: 1 participant · no best answer · [thread](https://discord.com/channels/"
                        + drill.guild().id() + "/" + first.id() + ")");

        // WHEN she clicks Previous
        SimResponse previous = drill.sim()
                .awaitResponse(
                        drill.as("alice").click(page2, "drill:history:1:-:-"),
                        r -> r.message() != null,
                        Duration.ofSeconds(10));

        // THEN page 1 is back
        assertThat(previous.message().embedTitles()).containsExactly("Past rounds · page 1 of 2");

        // WHEN she asks when the team had the first question
        SimResponse when = drill.command("alice", "drill history", Map.of("question", firstQuestion));

        // THEN the first round is listed
        assertThat(when.message().embedTitles()).containsExactly("When we had " + firstQuestion);
        assertThat(when.message().embedDescriptions().get(0)).contains("• 2040-12-03: 1 participant");
        drill.sim().assertNoProblems();
    }
}
