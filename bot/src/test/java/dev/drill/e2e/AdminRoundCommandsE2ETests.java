package dev.drill.e2e;

import static dev.drill.e2e.Embeds.fields;
import static dev.drill.e2e.Embeds.timestamp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.sim.SimChannel;
import dev.drill.sim.SimMessage;
import dev.drill.sim.SimResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("End to end: /drill-admin post-now, skip, pause and resume")
class AdminRoundCommandsE2ETests {

    /** 09:00 in Berlin, Monday 3 to Wednesday 5 December 2040. */
    private static final Instant MONDAY_0900 = Instant.parse("2040-12-03T08:00:00Z");

    private static final Instant TUESDAY_0900 = Instant.parse("2040-12-04T08:00:00Z");
    private static final Instant WEDNESDAY_0900 = Instant.parse("2040-12-05T08:00:00Z");

    private final BotHarness drill = BotHarness.start();

    @AfterEach
    void stop() {
        drill.close();
    }

    @Test
    @DisplayName("post-now posts today's question at once and confirms ephemerally; a second post-now is refused")
    void postNow() {
        // GIVEN Drill is set up; it is 07:00 in Berlin, before the scheduled 09:00
        drill.setUpDailyDrill();

        // WHEN admin runs post-now
        SimResponse reply = drill.command("admin", "drill-admin post-now");

        // THEN admin alone is told it is posted, and the question with its thread is in the channel now
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).isEqualTo("Posted today's question in <#" + drill.dailyDrill() + ">.");
        assertThat(questionPosts()).hasSize(1);
        SimMessage post = questionPosts().get(0);
        assertThat(post.timestamp()).isEqualTo(BotHarness.START);
        assertThat(post.embedTitles()).singleElement().asString().startsWith("Daily drill · 2040-12-03 · ");
        assertThat(drill.sim().threads(drill.dailyDrill()))
                .extracting(SimChannel::id)
                .containsExactly(post.id());

        // WHEN admin runs post-now again the same day
        SimResponse again = drill.command("admin", "drill-admin post-now");

        // THEN it is refused with the next opening, and nothing more is posted
        assertThat(again.ephemeral()).isTrue();
        assertThat(again.content())
                .isEqualTo("Today's round (2040-12-03) has already been posted; there is at most one round a day."
                        + " The next one opens " + timestamp(TUESDAY_0900, 'f') + ".");
        // AND config names Tuesday as the next question too
        assertThat(fields(drill.command("admin", "drill-admin config").message())
                        .get("Next question"))
                .contains(timestamp(TUESDAY_0900, 'F'));
        // AND neither does the scheduled 09:00 post a second question that day
        drill.clock(MONDAY_0900);
        assertThat(questionPosts()).hasSize(1);
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("skip closes the open round with a \"skipped\" recap; the schedule goes on the next day")
    void skip() {
        // GIVEN Monday's question is open
        drill.setUpDailyDrill();
        drill.clock(MONDAY_0900);
        SimMessage monday = questionPosts().get(0);

        // WHEN admin skips it
        SimResponse reply = drill.command("admin", "drill-admin skip");

        // THEN admin alone is told, the thread is locked and the recap says it was skipped
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content()).isEqualTo("Skipped the round of 2040-12-03: it is closed and not scored.");
        assertThat(drill.sim().channel(monday.id()).orElseThrow().locked()).isTrue();
        SimMessage recap = drill.sim().botMessages(monday.id()).get(0);
        assertThat(recap.embedTitles().get(0)).isEqualTo("Round skipped · 2040-12-03");
        assertThat(fields(recap))
                .containsEntry("Not scored", "An admin skipped this round: its answers earn no points.");
        assertThat(recap.embedTitles()).contains("Model answer");
        // AND the channel links the recap, saying it was skipped
        assertThat(channelMessages().get(1).content())
                .isEqualTo("The round of 2040-12-03 was skipped: https://discord.com/channels/"
                        + drill.guild().id() + "/" + monday.id() + "/" + recap.id());

        // WHEN admin tries to skip again
        // THEN there is nothing to skip
        assertThat(drill.command("admin", "drill-admin skip").content()).isEqualTo("There is no open round to skip.");

        // AND Tuesday's question comes as scheduled
        drill.clock(TUESDAY_0900);
        assertThat(questionPosts()).hasSize(2);
        assertThat(questionPosts().get(1).embedTitles().get(0)).startsWith("Daily drill · 2040-12-04 · ");
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName(
            "paused: no question at the next 09:00 (the open round still closes); resumed: posts again the day after")
    void pauseAndResume() {
        // GIVEN Monday's question is open
        drill.setUpDailyDrill();
        drill.clock(MONDAY_0900);
        SimMessage monday = questionPosts().get(0);

        // WHEN admin pauses
        SimResponse paused = drill.command("admin", "drill-admin pause");

        // THEN admin is told, and config shows the pause and no next question
        assertThat(paused.ephemeral()).isTrue();
        assertThat(paused.content())
                .isEqualTo("Paused: no new questions until `/drill-admin resume`. An open round still closes on time.");
        assertThat(fields(drill.command("admin", "drill-admin config").message()))
                .containsEntry("Paused", "by an admin: `/drill-admin resume` starts again")
                .doesNotContainKey("Next question");

        // WHEN Tuesday 09:00 comes, and the day goes on
        drill.clock(TUESDAY_0900);
        drill.advance(Duration.ofHours(1));

        // THEN Monday's round closed on time, but no new question was posted
        assertThat(drill.sim().channel(monday.id()).orElseThrow().locked()).isTrue();
        assertThat(channelMessages().get(1).content()).startsWith("The round of 2040-12-03 is closed: recap → ");
        assertThat(questionPosts()).hasSize(1);

        // WHEN admin resumes at 10:00
        SimResponse resumed = drill.command("admin", "drill-admin resume");

        // THEN the answer names the next post: Wednesday 09:00, not today's missed one
        assertThat(resumed.ephemeral()).isTrue();
        assertThat(resumed.content())
                .isEqualTo("Resumed: the next question comes " + timestamp(WEDNESDAY_0900, 'F') + ".");
        drill.advance(Duration.ofHours(1));
        assertThat(questionPosts()).hasSize(1);

        // AND on Wednesday at 09:00 the question comes again
        drill.clock(WEDNESDAY_0900);
        assertThat(questionPosts()).hasSize(2);
        assertThat(questionPosts().get(1).embedTitles().get(0)).startsWith("Daily drill · 2040-12-05 · ");
        drill.sim().assertNoProblems();
    }

    private List<SimMessage> channelMessages() {
        return drill.sim().botMessages(drill.dailyDrill()).stream()
                .filter(m -> !m.ephemeral())
                .toList();
    }

    private List<SimMessage> questionPosts() {
        return channelMessages().stream()
                .filter(m -> m.embedTitles().stream().anyMatch(t -> t.startsWith("Daily drill")))
                .toList();
    }
}
