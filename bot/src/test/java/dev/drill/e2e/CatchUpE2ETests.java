package dev.drill.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drill.reconcile.Reconciler;
import dev.drill.redis.Keys;
import dev.drill.score.ScoreService;
import dev.drill.sim.SimChannel;
import dev.drill.sim.SimMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Nothing members do is lost: what happened while the bot or Redis was away is caught up from Discord,
 * the source of truth, through the same scripts as live events.
 */
@DisplayName("End to end: catching up with Discord after the bot or Redis was away")
class CatchUpE2ETests {

    private static final Instant MONDAY_0900 = Instant.parse("2040-12-03T08:00:00Z");
    private static final String ANSWER = "An answer long enough to count: it explains the idea, the how and the why. ";

    private final BotHarness drill = BotHarness.create(Instant.parse("2040-12-03T07:59:00Z"));

    @AfterEach
    void stop() {
        drill.close();
    }

    private SimChannel mondayThread() {
        drill.startBot();
        drill.command(
                "admin",
                "drill-admin setup",
                java.util.Map.of(
                        "channel", drill.dailyDrill(), "time", "09:00", "timezone", "Europe/Berlin", "days", "daily"));
        return drill.openRound(MONDAY_0900);
    }

    private void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> drill.bean(Reconciler.class).idle());
    }

    private long points(String member) {
        long guild = Long.parseLong(drill.guild().id());
        long id = Long.parseLong(drill.as(member).user().id());
        return drill.bean(ScoreService.class).stats(guild, id).allTimePoints();
    }

    @Test
    @DisplayName("bot stopped; alice answers and bob reacts 👍 to her answer; bot starts: alice 11, bob 10")
    void whileTheBotWasAway() {
        SimChannel thread = mondayThread();
        drill.as("bob").say(thread.id(), ANSWER + "Bob.");
        drill.awaitGatewayHandled();
        await().atMost(Duration.ofSeconds(10)).until(() -> points("bob") == 10);

        drill.stopBots();
        SimMessage alice = drill.as("alice").say(thread.id(), ANSWER + "Alice.");
        drill.as("bob").react(alice, "👍");
        drill.startBot();
        awaitCaughtUp();

        assertThat(points("alice")).isEqualTo(11);
        assertThat(points("bob")).isEqualTo(10);

        // A second start catches up again and changes nothing.
        drill.restartBot();
        awaitCaughtUp();
        assertThat(points("alice")).isEqualTo(11);
        assertThat(points("bob")).isEqualTo(10);
    }

    @Test
    @DisplayName("a round whose whole answer window passed while the bot was away is recapped with its answers")
    void windowPassedWhileAway() {
        SimChannel thread = mondayThread();
        drill.stopBots();
        drill.as("alice").say(thread.id(), ANSWER + "Alice, while the bot is down.");
        drill.clock().set(MONDAY_0900.plus(Duration.ofDays(2)));

        drill.startBot();
        drill.tick();

        List<SimMessage> recap = drill.sim().botMessages(thread.id()).stream()
                .filter(m -> m.embedTitles().stream().anyMatch(t -> t.startsWith("Round closed")))
                .toList();
        assertThat(recap).isNotEmpty();
        assertThat(recap.get(0).embeds().toString()).contains("Alice");
        assertThat(points("alice")).isEqualTo(10);
    }

    @Test
    @DisplayName("Redis restarted without what it had counted last: the next tick catches up, nothing lost")
    void redisLostItsLastWrites() {
        SimChannel thread = mondayThread();
        SimMessage alice = drill.as("alice").say(thread.id(), ANSWER + "Alice.");
        drill.as("bob").say(thread.id(), ANSWER + "Bob.");
        drill.as("bob").react(alice, "👍");
        drill.awaitGatewayHandled();
        await().atMost(Duration.ofSeconds(10)).until(() -> points("alice") == 11 && points("bob") == 10);

        // WHEN Redis comes back without the last writes (as after a kill before its AOF fsync)
        long guild = Long.parseLong(drill.guild().id());
        drill.redis()
                .delete(List.of(
                        Keys.answers(guild, "2040-12-03"),
                        Keys.voters(guild, "2040-12-03"),
                        Keys.seen(guild, "2040-12-03"),
                        Keys.boardAllTime(guild),
                        Keys.member(
                                guild, Long.parseLong(drill.as("alice").user().id())),
                        Keys.member(guild, Long.parseLong(drill.as("bob").user().id()))));
        drill.restartRedis();
        drill.tick();
        awaitCaughtUp();

        // THEN the thread on Discord put everything back
        assertThat(points("alice")).isEqualTo(11);
        assertThat(points("bob")).isEqualTo(10);
    }
}
