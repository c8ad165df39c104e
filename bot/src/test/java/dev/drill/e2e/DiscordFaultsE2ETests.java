package dev.drill.e2e;

import static dev.drill.e2e.Embeds.fields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.sim.RecordedRequest;
import dev.drill.sim.RestFault;
import dev.drill.sim.SimMessage;
import dev.drill.sim.SimResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@DisplayName("End to end: Discord refuses or slows down the question post")
@ExtendWith(OutputCaptureExtension.class)
class DiscordFaultsE2ETests {

    private static final Instant MONDAY_0900 = Instant.parse("2040-12-03T08:00:00Z");

    private final BotHarness drill = BotHarness.start();

    @AfterEach
    void stop() {
        drill.close();
    }

    @Test
    @DisplayName("a 429 on the question post is waited out, and the question arrives once")
    void rateLimitedPost() {
        // GIVEN Drill is set up, and Discord will rate-limit the next post in #daily-drill for a second
        drill.setUpDailyDrill();
        drill.sim().failNext("POST", postRoute(), 1, RestFault.rateLimited(Duration.ofSeconds(1)));

        // WHEN 09:00 comes
        drill.clock(MONDAY_0900);

        // THEN the bot waited and tried again: one 429, one success, one question, one thread
        assertThat(drill.sim().requests("POST", postRoute()))
                .extracting(RecordedRequest::status)
                .containsExactly(429, 200);
        assertThat(questionPosts()).hasSize(1);
        assertThat(drill.sim().threads(drill.dailyDrill())).hasSize(1);
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("a 403 on the question post pauses the guild with the reason, logged and shown in config")
    void forbiddenPost(CapturedOutput log) {
        // GIVEN Drill is set up, and Discord will refuse the post with 403 Missing Permissions
        drill.setUpDailyDrill();
        drill.sim().failNext("POST", postRoute(), 5, RestFault.missingPermissions());

        // WHEN 09:00 comes, and the days go on
        drill.clock(MONDAY_0900);
        for (int day = 0; day < 3; day++) {
            drill.advance(Duration.ofDays(1));
        }

        // THEN the bot tried once, posted nothing, and said why in its log
        assertThat(drill.sim().requests("POST", postRoute()))
                .extracting(RecordedRequest::status)
                .containsExactly(403);
        assertThat(questionPosts()).isEmpty();
        assertThat(log.getOut())
                .contains("Guild " + drill.guild().id()
                        + ": pausing Drill: Discord refused the post in #daily-drill: Missing Permissions");
        // AND config tells the admin the guild is paused, why, and how to go on
        SimResponse config = drill.command("admin", "drill-admin config");
        assertThat(config.ephemeral()).isTrue();
        assertThat(fields(config.message()))
                .containsEntry(
                        "Paused",
                        "Discord refused the post in #daily-drill: Missing Permissions. Fix it, then"
                                + " `/drill-admin resume`.")
                .doesNotContainKey("Next question");
        // AND the bot still serves members
        SimResponse help = drill.command("alice", "drill help");
        assertThat(help.message().embedTitles()).containsExactly("Drill: daily backend interview practice");
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("a permission taken away after setup pauses the guild naming it, without even trying to post")
    void permissionRemovedAfterSetup(CapturedOutput log) {
        // GIVEN Drill is set up, and then someone denies it Embed Links in #daily-drill
        drill.setUpDailyDrill();
        drill.sim().denyBot(drill.dailyDrill(), Permission.MESSAGE_EMBED_LINKS.getRawValue());
        // (once a later command is answered, the bot has read the CHANNEL_UPDATE sent before it)
        drill.awaitGatewayHandled();

        // WHEN 09:00 comes
        drill.clock(MONDAY_0900);

        // THEN nothing was sent, and the guild is paused with the missing permission named
        assertThat(drill.sim().requests("POST", postRoute())).isEmpty();
        assertThat(log.getOut()).contains("pausing Drill: I lack Embed Links in #daily-drill");
        assertThat(fields(drill.command("admin", "drill-admin config").message()))
                .containsEntry("Paused", "I lack Embed Links in #daily-drill. Fix it, then `/drill-admin resume`.");
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("a 403 on starting the thread takes the unanswerable question down and pauses the guild")
    void forbiddenThread() {
        // GIVEN Drill is set up, and Discord will refuse to start the question's thread
        drill.setUpDailyDrill();
        drill.sim().failNext("POST", postRoute() + "/\\d+/threads", 1, RestFault.missingPermissions());

        // WHEN 09:00 comes
        drill.clock(MONDAY_0900);

        // THEN the post went out, was taken down again, and the guild is paused with the reason
        assertThat(drill.sim().requests("POST", postRoute())).hasSize(1);
        drill.sim().awaitRequest("DELETE", postRoute() + "/\\d+", Duration.ofSeconds(10));
        assertThat(questionPosts()).isEmpty();
        SimResponse config = drill.command("admin", "drill-admin config");
        assertThat(fields(config.message()).get("Paused")).contains("Missing Permissions");
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("a 500 on locking the thread at close: the lock and the recap come on a later tick, once")
    void lockFailsAtClose() {
        // GIVEN Monday's round is open in its thread
        drill.setUpDailyDrill();
        drill.clock(MONDAY_0900);
        SimMessage post = questionPosts().get(0);

        // WHEN Tuesday 09:00 comes and Discord answers 500 to every try of locking the thread
        drill.sim().failNext("PATCH", "/channels/" + post.id(), 20, RestFault.serverError(500));
        drill.clock(MONDAY_0900.plus(Duration.ofDays(1)));

        // THEN the round is closed for scoring, but not locked and without its recap yet
        assertThat(drill.sim().channel(post.id()).orElseThrow().locked()).isFalse();
        assertThat(recapLinks()).isEmpty();

        // WHEN Discord is fine again and the retry comes
        drill.sim().clearFaults();
        drill.advance(Duration.ofSeconds(31));

        // THEN the thread is locked and the recap is out, once; later ticks post nothing more
        assertThat(drill.sim().channel(post.id()).orElseThrow().locked()).isTrue();
        assertThat(recapLinks()).singleElement().asString().contains("2040-12-03");
        drill.advance(Duration.ofMinutes(2));
        assertThat(recapLinks()).hasSize(1);
        drill.sim().assertNoProblems();
    }

    private List<String> recapLinks() {
        return drill.sim().botMessages(drill.dailyDrill()).stream()
                .map(SimMessage::content)
                .filter(c -> c.startsWith("The round of"))
                .toList();
    }

    private String postRoute() {
        return "/channels/" + drill.dailyDrill() + "/messages";
    }

    private List<SimMessage> questionPosts() {
        return drill.sim().botMessages(drill.dailyDrill()).stream()
                .filter(m -> !m.ephemeral())
                .filter(m -> m.embedTitles().stream().anyMatch(t -> t.startsWith("Daily drill")))
                .toList();
    }
}
