package dev.drill.e2e;

import static dev.drill.e2e.Embeds.fields;
import static dev.drill.e2e.Embeds.timestamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drill.content.Question;
import dev.drill.sim.SimChannel;
import dev.drill.sim.SimMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@DisplayName("End to end: the daily round")
class DailyRoundE2ETests {

    /** 09:00 in Berlin on Monday 3 and Tuesday 4 December 2040. */
    private static final Instant MONDAY_0900 = Instant.parse("2040-12-03T08:00:00Z");

    private static final Instant TUESDAY_0900 = Instant.parse("2040-12-04T08:00:00Z");

    private final BotHarness drill = BotHarness.start();

    @AfterEach
    void stop() {
        drill.close();
    }

    @Test
    @DisplayName("the first question comes at 09:00 local, not before: embed, button, no mentions, and a thread")
    void firstPostAtNine() {
        // GIVEN #daily-drill is set up for 09:00 Berlin, without a ping role
        drill.setUpDailyDrill();

        // WHEN the clock reaches 08:59:59 in Berlin
        drill.clock(MONDAY_0900.minusSeconds(1));
        // THEN nothing is posted yet
        assertThat(questionPosts()).isEmpty();
        assertThat(drill.sim().requests("POST", "/channels/" + drill.dailyDrill() + "/messages"))
                .isEmpty();

        // WHEN it is 09:00
        drill.clock(MONDAY_0900);

        // THEN one question is in the channel, for everyone
        assertThat(questionPosts()).hasSize(1);
        SimMessage post = questionPosts().get(0);
        Question question = drill.roundQuestion(drill.guild().id(), "2040-12-03");
        assertThat(post.ephemeral()).isFalse();
        assertThat(post.timestamp()).isEqualTo(MONDAY_0900);
        assertThat(post.embedTitles())
                .containsExactly(
                        "Daily drill · 2040-12-03 · " + question.level().title());
        assertThat(post.embedDescriptions()).containsExactly("**" + question.prompt() + "**");
        assertThat(fields(post))
                .containsEntry("Topics", String.join(", ", question.topics()))
                .containsEntry("Closes", timestamp(TUESDAY_0900, 'R'))
                .containsKey("How to answer");
        // AND it carries the "How did I do?" button
        assertThat(post.components().findValuesAsString("label")).containsExactly("How did I do?");
        assertThat(post.customIds()).containsExactly("drill:feedback:2040-12-03");
        // AND it pings nobody: no content, mentions parsed from nothing
        assertThat(post.content()).isEmpty();
        assertThat(post.allowedMentions().get("parse")).isNotNull().isEmpty();
        assertThat(post.allowedMentions().path("roles")).isEmpty();
        assertThat(post.allowedMentions().path("users")).isEmpty();

        // AND a public thread was started from it, named by date and topics, within Discord's 100 characters
        List<SimChannel> threads = drill.sim().threads(drill.dailyDrill());
        assertThat(threads).hasSize(1);
        SimChannel thread = threads.get(0);
        assertThat(thread.id()).isEqualTo(post.id());
        assertThat(thread.isThread()).isTrue();
        assertThat(thread.locked()).isFalse();
        assertThat(thread.name())
                .isEqualTo(fit("Drill 2040-12-03 · " + String.join(", ", question.topics())))
                .hasSizeLessThanOrEqualTo(100);
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("with a ping role, the post's content is that role's mention and only that role may be pinged")
    void pingsOnlyTheConfiguredRole() {
        // GIVEN setup with ping: the Team Lead role
        String role = drill.guild().leadRoleId();
        drill.command(
                "admin",
                "drill-admin setup",
                Map.of("channel", drill.dailyDrill(), "time", "09:00", "timezone", "Europe/Berlin", "ping", role));

        // WHEN it is 09:00
        drill.clock(MONDAY_0900);

        // THEN the question mentions the role, and allowed_mentions lets only that role be pinged
        SimMessage post = questionPosts().get(0);
        assertThat(post.content()).isEqualTo("<@&" + role + ">");
        assertThat(post.allowedMentions().get("parse")).isNotNull().isEmpty();
        assertThat(post.allowedMentions().path("roles").valueStream().map(JsonNode::asString))
                .containsExactly(role);
        assertThat(post.allowedMentions().path("users")).isEmpty();
        assertThat(post.embedTitles()).singleElement().asString().startsWith("Daily drill · 2040-12-03 · ");
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("at the next opening the thread locks, the recap is posted in it and linked, then the next question")
    void closeAndRecap() {
        // GIVEN Monday's question is open
        drill.setUpDailyDrill();
        drill.clock(MONDAY_0900);
        SimMessage monday = questionPosts().get(0);
        Question mondayQuestion = drill.roundQuestion(drill.guild().id(), "2040-12-03");

        // WHEN Tuesday 09:00 comes
        drill.clock(TUESDAY_0900);

        // THEN Monday's thread is locked: members can no longer answer there
        SimChannel thread = drill.sim().channel(monday.id()).orElseThrow();
        assertThat(thread.locked()).isTrue();
        assertThatThrownBy(() -> drill.as("alice").say(thread.id(), "A late answer that should not count at all."))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("locked");
        // AND the recap is in the thread: "Round closed", the question, and the model answer
        List<SimMessage> recap = drill.sim().botMessages(thread.id());
        assertThat(recap).isNotEmpty();
        SimMessage first = recap.get(0);
        assertThat(first.embedTitles().get(0)).isEqualTo("Round closed · 2040-12-03");
        assertThat(first.embedDescriptions().get(0)).contains(mondayQuestion.prompt());
        assertThat(recap.stream().flatMap(m -> m.embedTitles().stream())).contains("Model answer");
        // AND the channel has a one-line link to the recap, then Tuesday's question with its own thread
        List<SimMessage> channel = drill.sim().botMessages(drill.dailyDrill()).stream()
                .filter(m -> !m.ephemeral())
                .toList();
        assertThat(channel).hasSize(3);
        assertThat(channel.get(0).id()).isEqualTo(monday.id());
        assertThat(channel.get(1).content())
                .isEqualTo("The round of 2040-12-03 is closed: recap → https://discord.com/channels/"
                        + drill.guild().id() + "/" + thread.id() + "/" + first.id())
                .doesNotContain("\n");
        assertThat(channel.get(2).embedTitles()).singleElement().asString().startsWith("Daily drill · 2040-12-04 · ");
        assertThat(drill.sim().threads(drill.dailyDrill()))
                .extracting(SimChannel::id)
                .containsExactly(monday.id(), channel.get(2).id());
        assertThat(drill.sim().channel(channel.get(2).id()).orElseThrow().locked())
                .isFalse();
        // AND the new question is not the old one
        assertThat(drill.roundQuestion(drill.guild().id(), "2040-12-04").id()).isNotEqualTo(mondayQuestion.id());
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("the weekend has no question: Friday's round stays open until Monday 09:00")
    void noPostOnTheWeekend() {
        // GIVEN Friday's question is posted (mon-fri schedule)
        drill.setUpDailyDrill();
        drill.clock(Instant.parse("2040-12-07T08:00:00Z"));
        assertThat(questionPosts()).hasSize(1);
        assertThat(fields(questionPosts().get(0)))
                .containsEntry("Closes", timestamp(Instant.parse("2040-12-10T08:00:00Z"), 'R'));

        // WHEN Saturday and Sunday pass, hour by hour
        for (int hour = 0; hour < 47; hour++) {
            drill.advance(Duration.ofHours(1));
        }

        // THEN nothing more was posted, and the thread is still open
        assertThat(questionPosts()).hasSize(1);
        assertThat(drill.sim()
                        .channel(questionPosts().get(0).id())
                        .orElseThrow()
                        .locked())
                .isFalse();
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("a bot that was down at 09:00 and is back at 09:40 posts then, marked late; a missed day is skipped")
    void latePostAfterDowntime() {
        // GIVEN Drill is set up, and the bot is down from 08:00
        drill.setUpDailyDrill();
        drill.clock(MONDAY_0900.minus(Duration.ofHours(1)));
        drill.stopBots();

        // WHEN it comes back at 09:40
        drill.clock().set(MONDAY_0900.plus(Duration.ofMinutes(40)));
        drill.startBot();
        drill.tick();

        // THEN Monday's question is posted now, saying it is late, and it still closes Tuesday 09:00
        SimMessage post = questionPosts().get(0);
        assertThat(post.timestamp()).isEqualTo(MONDAY_0900.plus(Duration.ofMinutes(40)));
        assertThat(post.embeds().path(0).path("footer").path("text").asString())
                .isEqualTo("Posted late: Drill was offline at the scheduled time.");
        assertThat(fields(post)).containsEntry("Closes", timestamp(TUESDAY_0900, 'R'));

        // WHEN the bot is down again for all of Tuesday's round and back on Wednesday at 09:10
        drill.stopBots();
        drill.clock().set(Instant.parse("2040-12-05T08:10:00Z"));
        drill.startBot();
        drill.tick();

        // THEN Monday's round is closed, Tuesday's is skipped (never backfilled), Wednesday's is posted late
        assertThat(questionPosts())
                .extracting(m -> m.embedTitles().get(0).substring(0, "Daily drill · 2040-12-03".length()))
                .containsExactly("Daily drill · 2040-12-03", "Daily drill · 2040-12-05");
        assertThat(drill.sim().channel(post.id()).orElseThrow().locked()).isTrue();
        drill.sim().assertNoProblems();
    }

    private List<SimMessage> questionPosts() {
        return drill.sim().botMessages(drill.dailyDrill()).stream()
                .filter(m -> !m.ephemeral())
                .filter(m -> m.embedTitles().stream().anyMatch(t -> t.startsWith("Daily drill")))
                .toList();
    }

    private static String fit(String name) {
        return name.length() <= 100 ? name : name.substring(0, 99).stripTrailing() + "…";
    }
}
