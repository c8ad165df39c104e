package dev.drill.e2e;

import static dev.drill.e2e.Embeds.timestamp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.sim.SimChannel;
import dev.drill.sim.SimMessage;
import dev.drill.sim.SimResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("End to end: the reminder before the close")
class ReminderE2ETests {

    /** 09:00 in Berlin on Monday 3 December 2040; the round closes Tuesday 09:00 (08:00 UTC). */
    private static final Instant MONDAY_0900 = Instant.parse("2040-12-03T08:00:00Z");

    private static final Instant TUESDAY_0900 = Instant.parse("2040-12-04T08:00:00Z");
    /** Two hours before Tuesday's close. */
    private static final Instant TUESDAY_0700 = Instant.parse("2040-12-04T06:00:00Z");

    private static final String ANSWER = "A HashMap hashes the key, picks a bucket and compares with equals.";

    private final BotHarness drill = BotHarness.start();

    @AfterEach
    void stop() {
        drill.close();
    }

    @Test
    @DisplayName("remind:2h posts once, two hours before the close, with the answers so far and no ping;"
            + " a second tick and a restart post nothing more")
    void remindsOnce() {
        // GIVEN Drill is set up with a reminder two hours before the close
        drill.setUpDailyDrill();
        SimResponse setup = drill.command("admin", "drill-admin setup", Map.of("remind", "2h"));
        assertThat(setup.ephemeral()).isTrue();
        assertThat(Embeds.fields(setup.message())).containsEntry("Reminder", "2h before the close, no ping");
        // AND Monday's round has two answers
        SimChannel thread = drill.openRound(MONDAY_0900);
        drill.as("alice").say(thread.id(), ANSWER);
        drill.as("bob").say(thread.id(), ANSWER + " Also resizing.");

        // WHEN the clock reaches a second before the reminder's time
        drill.clock(TUESDAY_0700.minusSeconds(1));
        // THEN nothing is posted yet
        assertThat(reminders(thread)).isEmpty();

        // WHEN it is two hours before the close
        drill.clock(TUESDAY_0700);

        // THEN one reminder is in the thread: the close as a relative time, two answers, pinging nobody
        SimMessage reminder =
                drill.awaitBotMessage(thread.id(), m -> m.content().startsWith("⏰"));
        assertThat(reminder.content())
                .isEqualTo("⏰ This round closes " + timestamp(TUESDAY_0900, 'R') + "; 2 answers so far.");
        assertThat(reminder.timestamp()).isEqualTo(TUESDAY_0700);
        assertThat(reminder.allowedMentions().get("parse")).isNotNull().isEmpty();
        assertThat(reminder.allowedMentions().path("roles")).isEmpty();

        // WHEN the scheduler ticks again, and Drill restarts and ticks
        drill.tick();
        drill.restartBot();
        drill.tick();
        // past the lease's stale limit and Discord's nonce window: only the round's record keeps it from posting again
        drill.clock(TUESDAY_0700.plusSeconds(600));

        // THEN there is still exactly one reminder
        assertThat(reminders(thread)).hasSize(1);
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("remind-ping:true pings the ping role with the reminder, and only that role")
    void pingsTheRoleOnly() {
        // GIVEN a ping role and a reminder that pings it
        String role = drill.guild().leadRoleId();
        drill.setUpDailyDrill();
        SimResponse setup =
                drill.command("admin", "drill-admin setup", Map.of("ping", role, "remind", "90m", "remind-ping", true));
        assertThat(Embeds.fields(setup.message()))
                .containsEntry("Reminder", "1h30m before the close, pinging the ping role");
        SimChannel thread = drill.openRound(MONDAY_0900);

        // WHEN it is 90 minutes before the close
        drill.clock(TUESDAY_0900.minusSeconds(90 * 60));

        // THEN the reminder mentions the role, and its allowed mentions name that role alone
        SimMessage reminder =
                drill.awaitBotMessage(thread.id(), m -> m.content().contains("⏰"));
        assertThat(reminder.content())
                .isEqualTo(
                        "<@&" + role + "> ⏰ This round closes " + timestamp(TUESDAY_0900, 'R') + "; 0 answers so far.");
        assertThat(reminder.allowedMentions().path("parse")).isEmpty();
        assertThat(reminder.allowedMentions().path("roles").valueStream().map(r -> r.asString()))
                .containsExactly(role);
    }

    @Test
    @DisplayName("a reminder longer than the round, an unreadable duration and remind-ping without a role are refused")
    void refusals() {
        drill.setUpDailyDrill();

        assertThat(drill.command("admin", "drill-admin setup", Map.of("remind", "30h"))
                        .content())
                .isEqualTo("A reminder 30h before the close would come before the round opens: the shortest round of"
                        + " this schedule is open for 24h. Choose less. Nothing was saved.");
        assertThat(drill.command("admin", "drill-admin setup", Map.of("remind", "soon"))
                        .content())
                .isEqualTo("I read `remind` as a duration such as `2h`, `90m`, `1h30m` or `off`, not `soon`."
                        + " Nothing was saved.");
        assertThat(drill.command("admin", "drill-admin setup", Map.of("remind-ping", true))
                        .content())
                .isEqualTo("`remind-ping:true` pings the ping role, and none is set: give `ping:@role` too."
                        + " Nothing was saved.");
        // AND the reminder stays off
        assertThat(Embeds.fields(drill.command("admin", "drill-admin config").message()))
                .containsEntry("Reminder", "off");
    }

    private List<SimMessage> reminders(SimChannel thread) {
        return drill.sim().botMessages(thread.id()).stream()
                .filter(m -> m.content().contains("⏰"))
                .toList();
    }
}
