package dev.drill.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.sim.DiscordSimulator;
import dev.drill.sim.RoleChange;
import dev.drill.sim.SimChannel;
import dev.drill.sim.SimMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("End to end: the champion role")
class ChampionE2ETests {

    /** 09:00 in Berlin (08:00 UTC) on days of weeks 2040-W49, W50 and W51. */
    private static Instant at0900(String date) {
        return Instant.parse(date + "T08:00:00Z");
    }

    private static final String ANSWER = "A HashMap hashes the key, picks a bucket and compares with equals.";

    private final BotHarness drill = BotHarness.start();

    @AfterEach
    void stop() {
        drill.close();
    }

    @Test
    @DisplayName("the first close of a week gives last week's #1 the role (a tie to who got there first), and the"
            + " next week's #1 takes it over; each recap says so, and a retried close changes nothing")
    void roleMovesWeekToWeek() {
        // GIVEN Drill may manage roles and gives Champion to each week's #1
        String champion = drill.guild().championRoleId();
        drill.sim().grantBot(drill.guild(), DiscordSimulator.MANAGE_ROLES);
        drill.awaitGatewayHandled();
        drill.setUpDailyDrill();
        assertThat(Embeds.fields(drill.command("admin", "drill-admin setup", Map.of("champion-role", champion))
                        .message()))
                .containsEntry("Champion", "<@&" + champion + ">, the #1 of each week");
        String alice = drill.sim().user("alice").id();
        String bob = drill.sim().user("bob").id();

        // AND in week 49 alice and bob both answer once, alice first
        SimChannel monday = drill.openRound(at0900("2040-12-03"));
        drill.as("alice").say(monday.id(), ANSWER);
        drill.awaitGatewayHandled();
        drill.clock().advance(Duration.ofMinutes(5));
        drill.as("bob").say(monday.id(), ANSWER + " Bob's words.");

        // WHEN week 50's first round (Monday 10th) closes on Tuesday
        SimChannel week50 = drill.openRound(at0900("2040-12-10"));
        drill.as("bob").say(week50.id(), ANSWER + " Bob again.");
        drill.clock(at0900("2040-12-11"));

        // THEN alice, who got to the tied points first, holds the role, and the recap says so
        assertThat(drill.sim().roleChanges())
                .extracting(RoleChange::memberName, RoleChange::roleName, RoleChange::added)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", "Champion", true));
        assertThat(recapNotes(week50, "2040-12-10"))
                .startsWith("🏆 Alice was #1 of week 2040-W49 with ")
                .endsWith(" points and now holds <@&" + champion + ">.");

        // AND in week 50 bob answers on Tuesday and Wednesday too, alice never
        SimChannel tuesday = drill.sim().threads(drill.dailyDrill()).stream()
                .filter(t -> t.name().startsWith("Drill 2040-12-11"))
                .findFirst()
                .orElseThrow();
        drill.as("bob").say(tuesday.id(), ANSWER + " Bob on Tuesday.");

        // WHEN week 51's first round closes
        SimChannel week51 = drill.openRound(at0900("2040-12-17"));
        drill.clock(at0900("2040-12-18"));

        // THEN the role moved from alice to bob, and that recap says so
        assertThat(drill.sim().roleChanges())
                .extracting(RoleChange::memberName, RoleChange::added)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("alice", true),
                        org.assertj.core.groups.Tuple.tuple("alice", false),
                        org.assertj.core.groups.Tuple.tuple("bob", true));
        assertThat(recapNotes(week51, "2040-12-17"))
                .startsWith("🏆 Bob was #1 of week 2040-W50 with ")
                .endsWith(" points and now holds <@&" + champion + ">, taken from <@" + alice + ">.");

        // WHEN later rounds of week 51 close, and a restart ticks again
        drill.clock(at0900("2040-12-19"));
        drill.restartBot();
        drill.tick();

        // THEN nobody's roles changed again, and the week's later recaps say nothing of the champion
        assertThat(drill.sim().roleChanges()).hasSize(3);
        SimChannel tuesday51 = drill.sim().threads(drill.dailyDrill()).stream()
                .filter(t -> t.name().startsWith("Drill 2040-12-18"))
                .findFirst()
                .orElseThrow();
        assertThat(recapNotes(tuesday51, "2040-12-18")).isEmpty();
        assertThat(bob).isNotEqualTo(alice);
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("setup refuses a champion role Drill cannot give, and says Manage Roles is missing")
    void refusedWithoutManageRoles() {
        drill.setUpDailyDrill();
        String champion = drill.guild().championRoleId();

        assertThat(drill.command("admin", "drill-admin setup", Map.of("champion-role", champion))
                        .content())
                .isEqualTo("I can't give <@&" + champion
                        + "> yet: I need the Manage Roles permission. Nothing was saved.");
        assertThat(Embeds.fields(drill.command("admin", "drill-admin config").message()))
                .containsEntry("Champion", "off");
    }

    /** The "Also" field of a round's recap in its thread. */
    private String recapNotes(SimChannel thread, String date) {
        SimMessage recap = drill.awaitBotMessage(
                thread.id(),
                m -> !m.embedTitles().isEmpty() && m.embedTitles().get(0).equals("Round closed · " + date));
        return Embeds.fields(recap).getOrDefault("Also", "");
    }

    @SuppressWarnings("unused")
    private static List<String> none() {
        return List.of();
    }
}
