package dev.drill.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.guild.GuildSettings;
import dev.drill.guild.GuildSettingsStore;
import dev.drill.redis.Keys;
import dev.drill.sim.SimGuild;
import dev.drill.sim.SimMessage;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two processes on one Redis and one Discord, shard 0 and shard 1 of 2: each schedules only its own guilds,
 * and a guild of the other shard is left to its owner, never paused, never closed.
 */
@DisplayName("End to end: two processes, shards 0 and 1 of 2, one Redis")
class TwoProcessesE2ETests {

    private static final Instant MONDAY_0900 = Instant.parse("2040-12-03T08:00:00Z");
    private static final Instant TUESDAY_0900 = MONDAY_0900.plus(Duration.ofDays(1));

    private final BotHarness drill = BotHarness.create(BotHarness.START);
    private List<SimGuild> guilds;
    private ConfigurableApplicationContext shard0;
    private ConfigurableApplicationContext shard1;

    @BeforeEach
    void start() {
        drill.sim().shards(2);
        // The fixture's guild and the next three alternate: shard 0, 1, 0, 1.
        guilds = List.of(
                drill.guild(),
                drill.sim().addGuild("Second"),
                drill.sim().addGuild("Third"),
                drill.sim().addGuild("Fourth"));
        shard0 = drill.startBot(shards("0"));
        shard1 = drill.startBot(shards("1"));
        for (SimGuild guild : guilds) {
            drill.commandIn(
                    guild.dailyDrillId(),
                    "admin",
                    "drill-admin setup",
                    Map.of("channel", guild.dailyDrillId(), "time", "09:00", "timezone", "Europe/Berlin"));
        }
    }

    @AfterEach
    void stop() {
        drill.close();
    }

    private static Map<String, Object> shards(String mine) {
        return Map.of("drill.discord.shards.total", 2, "drill.discord.shards.mine", mine);
    }

    @Test
    @DisplayName("each guild gets one question, posted by the process of its shard, and none is paused")
    void eachGuildByItsOwner() {
        // WHEN 09:00 comes and both processes tick (each sees all four guilds due in the shared due set)
        drill.clock(MONDAY_0900);
        drill.clock(MONDAY_0900.plus(Duration.ofSeconds(61)));

        // THEN every guild has exactly one question, on time
        for (SimGuild guild : guilds) {
            assertThat(questionPosts(guild)).hasSize(1);
            assertThat(questionPosts(guild).get(0).timestamp()).isEqualTo(MONDAY_0900);
        }
        // AND each process opened the two rounds of its own shard
        assertThat(opened(shard0)).isEqualTo(2);
        assertThat(opened(shard1)).isEqualTo(2);
        // AND no guild was paused (to the other process a guild of another shard is simply not there)
        assertThat(guilds).allSatisfy(g -> assertThat(settings(g).paused()).isFalse());
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("a stopped process leaves its guilds waiting, not paused; back within the window it posts them late")
    void stoppedProcessLeavesItsGuildsWaiting() {
        // GIVEN Monday's rounds are open in all four guilds
        drill.clock(MONDAY_0900);
        guilds.forEach(g -> assertThat(questionPosts(g)).hasSize(1));

        // WHEN the process of shard 1 stops, and Tuesday 09:00 comes and goes for a while
        drill.stopBot(shard1);
        drill.clock(TUESDAY_0900);
        drill.advance(Duration.ofMinutes(10));

        // THEN shard 0's guilds closed Monday and opened Tuesday; shard 1's still wait: Monday open, not paused
        assertThat(questionPosts(guilds.get(0))).hasSize(2);
        assertThat(questionPosts(guilds.get(2))).hasSize(2);
        for (SimGuild waiting : List.of(guilds.get(1), guilds.get(3))) {
            assertThat(questionPosts(waiting)).hasSize(1);
            assertThat(recapLinks(waiting)).isEmpty();
            assertThat(settings(waiting).paused()).isFalse();
            assertThat(drill.redis().opsForZSet().score(Keys.due(), waiting.id()))
                    .isLessThanOrEqualTo((double) TUESDAY_0900.toEpochMilli());
        }

        // WHEN it comes back at 09:30, within Tuesday's window
        drill.clock().set(TUESDAY_0900.plus(Duration.ofMinutes(30)));
        shard1 = drill.startBot(shards("1"));
        drill.tick();

        // THEN its guilds get Monday's recap and Tuesday's question, marked late
        for (SimGuild back : List.of(guilds.get(1), guilds.get(3))) {
            assertThat(recapLinks(back)).hasSize(1);
            List<SimMessage> posts = questionPosts(back);
            assertThat(posts).hasSize(2);
            assertThat(posts.get(1).timestamp()).isEqualTo(TUESDAY_0900.plus(Duration.ofMinutes(30)));
            assertThat(posts.get(1).embeds().path(0).path("footer").path("text").asString())
                    .isEqualTo("Posted late: Drill was offline at the scheduled time.");
            assertThat(settings(back).paused()).isFalse();
        }
        // AND shard 0's guilds got nothing more
        assertThat(questionPosts(guilds.get(0))).hasSize(2);
        assertThat(questionPosts(guilds.get(2))).hasSize(2);
        drill.sim().assertNoProblems();
    }

    private List<SimMessage> questionPosts(SimGuild guild) {
        return drill.sim().botMessages(guild.dailyDrillId()).stream()
                .filter(m ->
                        !m.embedTitles().isEmpty() && m.embedTitles().get(0).startsWith("Daily drill"))
                .toList();
    }

    private List<SimMessage> recapLinks(SimGuild guild) {
        return drill.sim().botMessages(guild.dailyDrillId()).stream()
                .filter(m -> m.content().startsWith("The round of "))
                .toList();
    }

    private GuildSettings settings(SimGuild guild) {
        return drill.bean(GuildSettingsStore.class)
                .find(Long.parseLong(guild.id()))
                .orElseThrow();
    }

    private static double opened(ConfigurableApplicationContext bot) {
        return bot.getBean(MeterRegistry.class).counter("drill.rounds.opened").count();
    }
}
