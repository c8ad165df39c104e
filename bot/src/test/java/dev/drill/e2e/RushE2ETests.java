package dev.drill.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.content.Level;
import dev.drill.guild.GuildSettings;
import dev.drill.guild.GuildSettingsStore;
import dev.drill.round.RoundService;
import dev.drill.sim.RecordedRequest;
import dev.drill.sim.SimGuild;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("End to end: the 09:00 rush")
class RushE2ETests {

    private static final Instant MONDAY_0900 = Instant.parse("2040-12-03T08:00:00Z");
    private static final Instant TUESDAY_0900 = MONDAY_0900.plus(Duration.ofDays(1));

    private final BotHarness drill = BotHarness.start();

    @AfterEach
    void stop() {
        drill.close();
    }

    @Test
    @DisplayName("a round change sends five requests: lock, recap, link, question, thread, and nothing else")
    void fiveRequestsPerRoundChange() {
        // GIVEN Monday's round is open
        drill.setUpDailyDrill();
        drill.clock(MONDAY_0900);
        int before = drill.sim().requests().size();

        // WHEN Tuesday 09:00 closes it and opens Tuesday's
        drill.clock(TUESDAY_0900);

        // THEN exactly these went to Discord, in this order (no history read of a round this session saw live)
        List<RecordedRequest> sent =
                drill.sim().requests().subList(before, drill.sim().requests().size());
        assertThat(sent)
                .extracting(r -> r.method() + " " + r.path().replaceAll("\\d{6,}", "{id}"))
                .containsExactly(
                        "PATCH /channels/{id}",
                        "POST /channels/{id}/messages",
                        "POST /channels/{id}/messages",
                        "POST /channels/{id}/messages",
                        "POST /channels/{id}/messages/{id}/threads");
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("40 guilds due at once with Discord's limits on: all post on time, and not one 429")
    void pacedUnderTheGlobalLimit() {
        // GIVEN 40 guilds at 09:00 Berlin, and Discord enforcing its rate limits
        List<SimGuild> guilds = new ArrayList<>();
        guilds.add(drill.guild());
        while (guilds.size() < 40) {
            guilds.add(drill.sim().addGuild("Team " + guilds.size()));
        }
        for (SimGuild guild : guilds) {
            long id = Long.parseLong(guild.id());
            drill.bean(GuildSettingsStore.class)
                    .save(new GuildSettings(
                            id,
                            Long.parseLong(guild.dailyDrillId()),
                            LocalTime.of(9, 0),
                            ZoneId.of("Europe/Berlin"),
                            EnumSet.allOf(DayOfWeek.class),
                            List.of(Level.values()),
                            0,
                            0,
                            false,
                            ""));
            drill.bean(RoundService.class).reschedule(id);
        }
        drill.sim().rateLimits(true);
        drill.sim().resetCounters();

        // WHEN 09:00 comes: 80 requests (question and thread each), more than Discord takes in a second
        drill.clock(MONDAY_0900);

        // THEN every guild has its question, none late, and Drill's pace kept it under 50 a second
        for (SimGuild guild : guilds) {
            assertThat(drill.sim().botMessages(guild.dailyDrillId()))
                    .filteredOn(m -> !m.embeds().isEmpty())
                    .singleElement()
                    .satisfies(m -> assertThat(m.embeds().toString()).doesNotContain("Posted late"));
        }
        assertThat(drill.sim().globalRateLimited()).isZero();
        assertThat(drill.sim().peakRequestsPerSecond()).isLessThanOrEqualTo(50);
        drill.sim().assertNoProblems();
    }
}
