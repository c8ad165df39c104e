package dev.drill.e2e;

import static dev.drill.e2e.Embeds.fields;
import static dev.drill.e2e.Embeds.timestamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.drill.sim.SimResponse;
import java.time.Instant;
import java.util.Map;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("End to end: /drill-admin setup")
class SetupE2ETests {

    /** Monday 2040-12-03 09:00 in Berlin: the first opening after the harness's start (07:00 Berlin). */
    private static final Instant MONDAY_0900_BERLIN = Instant.parse("2040-12-03T08:00:00Z");

    private static final String NOT_SET_UP = "Drill is not set up here yet: run `/drill-admin setup`.";

    private final BotHarness drill = BotHarness.start();

    @AfterEach
    void stop() {
        drill.close();
    }

    @Test
    @DisplayName("an admin's setup is saved and answered with the settings and the next post time")
    void adminSetsUp() {
        // WHEN admin sets up #daily-drill at 09:00 Berlin (days and levels by default)
        SimResponse reply = drill.setUpDailyDrill();

        // THEN only admin sees the answer: the settings and Monday 09:00 as local time and Discord timestamp
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.message().embedTitles()).containsExactly("Drill is set up.");
        assertThat(fields(reply.message()))
                .containsExactly(
                        entry("Channel", "<#" + drill.dailyDrill() + ">"),
                        entry("Time", "09:00 Europe/Berlin"),
                        entry("Days", "mon-fri"),
                        entry("Levels", "fresher, intermediate, experienced"),
                        entry("Ping", "nobody"),
                        entry("Reviewers", "admins"),
                        // The features' own settings (SetupPart), at their defaults
                        entry("Champion", "off"),
                        entry("Reminder", "off"),
                        entry(
                                "Next question",
                                "Mon 3 Dec 2040 09:00 Europe/Berlin · " + timestamp(MONDAY_0900_BERLIN, 'F') + " ("
                                        + timestamp(MONDAY_0900_BERLIN, 'R') + ")"));
        // AND nothing was posted in the channel for everyone
        assertThat(drill.sim().messages(drill.dailyDrill())).allMatch(m -> m.ephemeral());

        // AND /drill-admin config reads the same settings back
        SimResponse config = drill.command("admin", "drill-admin config");
        assertThat(config.ephemeral()).isTrue();
        assertThat(config.message().embedTitles()).containsExactly("Drill settings");
        assertThat(fields(config.message())).isEqualTo(fields(reply.message()));
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("a member without Manage Server is refused and nothing changes")
    void memberIsRefused() {
        // WHEN alice (no Manage Server) runs setup, e.g. because the server opened the command to everyone
        SimResponse reply = drill.command(
                "alice",
                "drill-admin setup",
                Map.of("channel", drill.dailyDrill(), "time", "09:00", "timezone", "Europe/Berlin"));

        // THEN she is told why, only her
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content())
                .isEqualTo("Only members with the Manage Server permission can do that; nothing was changed.");
        // AND Drill is still not set up
        assertThat(drill.command("admin", "drill-admin config").content()).isEqualTo(NOT_SET_UP);
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("a bad time, zone or days gets a sentence saying what is accepted, and nothing is saved")
    void badOptions() {
        // WHEN admin types a time, a zone and days Drill cannot read
        SimResponse time = setUp(Map.of("time", "9am"));
        SimResponse zone = setUp(Map.of("timezone", "Mars/Olympus"));
        SimResponse days = setUp(Map.of("days", "funday"));

        // THEN each answer is a sentence, only for admin, naming the value and what is accepted
        assertThat(time.ephemeral()).isTrue();
        assertThat(time.content()).isEqualTo("`9am` is not a time: use 24-hour HH:mm, for example `09:00` or `17:30`.");
        assertThat(zone.ephemeral()).isTrue();
        assertThat(zone.content())
                .startsWith("`Mars/Olympus` is not a time zone I know: use an IANA name such as `Europe/Berlin`");
        assertThat(days.ephemeral()).isTrue();
        assertThat(days.content())
                .isEqualTo("`funday` is not a list of days: use `daily`, `mon-fri`, or days such as `mon,wed,fri`.");
        // AND nothing was saved
        assertThat(drill.command("admin", "drill-admin config").content()).isEqualTo(NOT_SET_UP);
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("a channel where the bot lacks permissions is refused, naming the missing permissions")
    void channelWithoutPermissions() {
        // GIVEN the bot may not create or manage threads in #daily-drill
        drill.sim()
                .denyBot(
                        drill.dailyDrill(),
                        Permission.CREATE_PUBLIC_THREADS.getRawValue() | Permission.MANAGE_THREADS.getRawValue());

        // WHEN admin sets up that channel
        SimResponse reply = drill.setUpDailyDrill();

        // THEN admin is told which permissions are missing, and that nothing was saved
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content())
                .isEqualTo("I can't run rounds in <#" + drill.dailyDrill() + "> yet: I am missing Create Public"
                        + " Threads, Manage Threads there. Grant them to my role (or in the channel's permissions)"
                        + " and run setup again; nothing was saved.");
        assertThat(drill.command("admin", "drill-admin config").content()).isEqualTo(NOT_SET_UP);
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("the first setup without channel, time and zone is refused with an example; nothing is saved")
    void firstSetupNeedsTheSchedule() {
        // WHEN admin runs setup with only a time, before Drill was ever set up
        SimResponse reply = drill.command("admin", "drill-admin setup", Map.of("time", "09:00"));

        // THEN the answer says what the first setup needs
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content())
                .isEqualTo("To set Drill up, give the channel, the time and the time zone, e.g."
                        + " `/drill-admin setup channel:#daily-drill time:09:00 timezone:Europe/Berlin`."
                        + " Nothing was saved.");
        assertThat(drill.command("admin", "drill-admin config").content()).isEqualTo(NOT_SET_UP);
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("a later setup changes only what it names; clear removes the ping role")
    void laterSetupChangesOnlyWhatItNames() {
        // GIVEN Drill set up at 09:00 Berlin on Monday, Wednesday and Friday, pinging the Team Lead role
        String role = drill.guild().leadRoleId();
        setUp(Map.of("days", "mon,wed,fri", "ping", role));

        // WHEN admin changes only the time
        SimResponse time = drill.command("admin", "drill-admin setup", Map.of("time", "10:30"));

        // THEN the answer shows the new time and everything else as it was
        assertThat(time.message().embedTitles()).containsExactly("Drill's settings are saved.");
        assertThat(fields(time.message()))
                .contains(
                        entry("Channel", "<#" + drill.dailyDrill() + ">"),
                        entry("Time", "10:30 Europe/Berlin"),
                        entry("Days", "Mon, Wed, Fri"),
                        entry("Ping", "<@&" + role + ">"));

        // WHEN admin clears the ping role
        SimResponse cleared = drill.command("admin", "drill-admin setup", Map.of("clear", "ping"));

        // THEN nobody is pinged any more, and the rest stays
        assertThat(fields(cleared.message()))
                .contains(
                        entry("Time", "10:30 Europe/Berlin"), entry("Ping", "nobody"), entry("Days", "Mon, Wed, Fri"));
        drill.sim().assertNoProblems();
    }

    /** Setup of #daily-drill at 09:00 Berlin, with some options replaced. */
    private SimResponse setUp(Map<String, String> changed) {
        Map<String, Object> options = new java.util.LinkedHashMap<>(
                Map.of("channel", drill.dailyDrill(), "time", "09:00", "timezone", "Europe/Berlin"));
        options.putAll(changed);
        return drill.command("admin", "drill-admin setup", options);
    }
}
