package dev.drill.e2e;

import static dev.drill.e2e.Embeds.fields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.guild.GuildSettings;
import dev.drill.guild.GuildSettingsStore;
import dev.drill.redis.Keys;
import dev.drill.sim.RecordedRequest;
import dev.drill.sim.RestFault;
import dev.drill.sim.SimGuild;
import dev.drill.sim.SimMessage;
import dev.drill.sim.SimResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@DisplayName("End to end: many guilds, each on its own schedule; guilds that lost the bot or the channel")
@ExtendWith(OutputCaptureExtension.class)
class MultiGuildE2ETests {

    private final BotHarness drill = BotHarness.start();

    @AfterEach
    void stop() {
        drill.close();
    }

    @Test
    @DisplayName("three guilds in three zones each get their question at their own local time, and only then")
    void eachGuildAtItsOwnLocalTime() {
        // GIVEN three guilds: Berlin 09:00 mon-fri, New York 08:00 mon,wed,fri, Tokyo 07:30 daily
        SimGuild berlin = drill.guild();
        SimGuild newYork = drill.sim().addGuild("New York Team");
        SimGuild tokyo = drill.sim().addGuild("Tokyo Team");
        setUp(berlin, "09:00", "Europe/Berlin", null);
        SimResponse newYorkSetup = setUp(newYork, "08:00", "America/New_York", "mon,wed,fri");
        SimResponse tokyoSetup = setUp(tokyo, "07:30", "Asia/Tokyo", "daily");
        // (it is Monday 06:00 UTC: 15:00 in Tokyo, so Tokyo's next question is on its Tuesday)
        assertThat(fields(newYorkSetup.message()).get("Next question"))
                .startsWith("Mon 3 Dec 2040 08:00 America/New_York");
        assertThat(fields(tokyoSetup.message()).get("Next question")).startsWith("Tue 4 Dec 2040 07:30 Asia/Tokyo");

        // WHEN the day goes by in UTC; THEN each guild posts exactly at its local time, the others do not
        expectPostAt(Instant.parse("2040-12-03T08:00:00Z"), berlin, "2040-12-03");
        expectPostAt(Instant.parse("2040-12-03T13:00:00Z"), newYork, "2040-12-03");
        expectPostAt(Instant.parse("2040-12-03T22:30:00Z"), tokyo, "2040-12-04");
        // AND on Tuesday New York (mon,wed,fri) stays quiet while Berlin and Tokyo post again
        expectPostAt(Instant.parse("2040-12-04T08:00:00Z"), berlin, "2040-12-04");
        drill.clock(Instant.parse("2040-12-04T13:00:00Z"));
        expectPostAt(Instant.parse("2040-12-04T22:30:00Z"), tokyo, "2040-12-05");
        assertThat(questionPosts(berlin)).hasSize(2);
        assertThat(questionPosts(newYork)).hasSize(1);
        assertThat(questionPosts(tokyo)).hasSize(2);
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("a guild that removed the bot is paused with a log line and never tried again; the others go on")
    void guildThatRemovedTheBot(CapturedOutput log) {
        // GIVEN two guilds set up for 09:00 Berlin, and the second removes the bot
        SimGuild staying = drill.guild();
        SimGuild leaving = drill.sim().addGuild("Leaving Team");
        setUp(staying, "09:00", "Europe/Berlin", null);
        setUp(leaving, "09:00", "Europe/Berlin", null);
        drill.sim().removeBotFrom(leaving);
        drill.awaitGatewayHandled();

        // WHEN 09:00 comes, and the bot keeps ticking for days
        drill.clock(Instant.parse("2040-12-03T08:00:00Z"));
        for (int hour = 0; hour < 72; hour++) {
            drill.advance(Duration.ofHours(1));
        }

        // THEN the guild that stayed got its questions
        assertThat(questionPosts(staying)).hasSize(4);
        // AND the one that left is paused with the reason, logged once, and no longer scheduled at all
        GuildSettings settings = settings(leaving);
        assertThat(settings.paused()).isTrue();
        assertThat(settings.pausedReason()).isEqualTo("Drill is no longer in this server");
        assertThat(occurrences(
                        log.getOut(), "Guild " + leaving.id() + ": pausing Drill: Drill is no longer in this server"))
                .isEqualTo(1);
        assertThat(drill.redis().opsForZSet().score(Keys.due(), leaving.id())).isNull();
        // AND not one request went to its channel (the gateway had already told the bot it left)
        assertThat(drill.sim().requests("POST", "/channels/" + leaving.dailyDrillId() + "/.*"))
                .isEmpty();
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("a guild whose practice channel was deleted is paused, says why in config, and is not retried")
    void deletedChannel(CapturedOutput log) {
        // GIVEN a second guild set up for 09:00 Berlin, whose #daily-drill is then deleted
        SimGuild guild = drill.sim().addGuild("Tidy Team");
        setUp(guild, "09:00", "Europe/Berlin", null);
        drill.sim().deleteChannel(guild.dailyDrillId());
        drill.awaitGatewayHandled();

        // WHEN 09:00 comes and the days go on
        drill.clock(Instant.parse("2040-12-03T08:00:00Z"));
        for (int day = 0; day < 3; day++) {
            drill.advance(Duration.ofDays(1));
        }

        // THEN the guild is paused, logged once, and the admin reads why in config (asked in #general)
        assertThat(occurrences(
                        log.getOut(), "Guild " + guild.id() + ": pausing Drill: the practice channel no longer exists"))
                .isEqualTo(1);
        SimResponse config = drill.commandIn(guild.generalId(), "admin", "drill-admin config", Map.of());
        assertThat(config.ephemeral()).isTrue();
        assertThat(fields(config.message()))
                .containsEntry("Paused", "the practice channel no longer exists. Fix it, then `/drill-admin resume`.")
                .doesNotContainKey("Next question");
        assertThat(drill.redis().opsForZSet().score(Keys.due(), guild.id())).isNull();
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("a post Discord answers with 404 Unknown Channel is tried once, then the guild is paused")
    void unknownChannelOnPost(CapturedOutput log) {
        // GIVEN #daily-drill is set up, and Discord answers every post there with 404 Unknown Channel
        // (the channel vanished and the gateway has not said so yet)
        drill.setUpDailyDrill();
        String route = "/channels/" + drill.dailyDrill() + "/messages";
        drill.sim().failNext("POST", route, 10, new RestFault(404, 10003, "Unknown Channel", 0));

        // WHEN 09:00 comes and the bot keeps ticking for days
        drill.clock(Instant.parse("2040-12-03T08:00:00Z"));
        for (int hour = 0; hour < 72; hour++) {
            drill.advance(Duration.ofHours(1));
        }

        // THEN exactly one attempt is in the request log, and the guild is paused with the reason, logged once
        assertThat(drill.sim().requests("POST", route))
                .extracting(RecordedRequest::status)
                .containsExactly(404);
        assertThat(settings(drill.guild()).pausedReason())
                .isEqualTo("Discord refused the post in #daily-drill: Unknown Channel");
        assertThat(occurrences(log.getOut(), "pausing Drill")).isEqualTo(1);
        drill.sim().assertNoProblems();
    }

    private SimResponse setUp(SimGuild guild, String time, String zone, String days) {
        Map<String, Object> options = new java.util.LinkedHashMap<>();
        options.put("channel", guild.dailyDrillId());
        options.put("time", time);
        options.put("timezone", zone);
        if (days != null) {
            options.put("days", days);
        }
        SimResponse reply = drill.commandIn(guild.dailyDrillId(), "admin", "drill-admin setup", options);
        assertThat(reply.message().embedTitles()).containsExactly("Drill is set up.");
        return reply;
    }

    /** A second before {@code at} nobody posts; at {@code at} exactly {@code guild} posts its round of {@code date}. */
    private void expectPostAt(Instant at, SimGuild guild, String date) {
        List<SimGuild> all = drill.sim().guilds();
        drill.clock(at.minusSeconds(1));
        List<Integer> before = all.stream().map(g -> questionPosts(g).size()).toList();
        drill.clock(at);
        for (int i = 0; i < all.size(); i++) {
            SimGuild g = all.get(i);
            int expected = before.get(i) + (g.equals(guild) ? 1 : 0);
            assertThat(questionPosts(g))
                    .as("questions in %s at %s", g.name(), at)
                    .hasSize(expected);
        }
        List<SimMessage> posts = questionPosts(guild);
        SimMessage post = posts.get(posts.size() - 1);
        assertThat(post.timestamp()).isEqualTo(at);
        assertThat(post.embedTitles().get(0)).startsWith("Daily drill · " + date + " · ");
    }

    private List<SimMessage> questionPosts(SimGuild guild) {
        return drill.sim().botMessages(guild.dailyDrillId()).stream()
                .filter(m -> !m.ephemeral())
                .filter(m -> m.embedTitles().stream().anyMatch(t -> t.startsWith("Daily drill")))
                .toList();
    }

    private GuildSettings settings(SimGuild guild) {
        return drill.bean(GuildSettingsStore.class)
                .find(Long.parseLong(guild.id()))
                .orElseThrow();
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
