package dev.drill.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drill.redis.Keys;
import dev.drill.sim.RestFault;
import dev.drill.sim.SimChannel;
import dev.drill.sim.SimInteraction;
import dev.drill.sim.SimMessage;
import dev.drill.sim.SimResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("End to end: answering with the Answer button, modal and blind")
class AnswerModesE2ETests {

    private static final String THUMBS_UP = "👍";
    private static final String LONG = "An answer long enough to count: it explains the idea, the how and the why. ";
    private static final Instant MONDAY_0900 = Instant.parse("2040-12-03T08:00:00Z");
    /** Half-way through Monday's round, which closes at Tuesday's 09:00 Berlin. */
    private static final Instant MONDAY_2100 = Instant.parse("2040-12-03T20:00:00Z");

    private BotHarness drill = BotHarness.start();

    @AfterEach
    void stop() {
        drill.close();
    }

    private SimResponse setUp(String answers) {
        return drill.command(
                "admin",
                "drill-admin setup",
                Map.of(
                        "channel",
                        drill.dailyDrill(),
                        "time",
                        "09:00",
                        "timezone",
                        "Europe/Berlin",
                        "answers",
                        answers));
    }

    private SimMessage post(SimChannel thread) {
        return drill.sim().message(thread.id()).orElseThrow();
    }

    private static String answerButton(SimMessage post) {
        return post.customIds().stream()
                .filter(id -> id.startsWith("drill:answer:"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Answer button on the post: " + post.customIds()));
    }

    /** Presses Answer on the post, fills the form with {@code text} and returns the bot's answer. */
    private SimResponse answer(String member, SimMessage post, String text) {
        SimInteraction pressed = drill.as(member).click(post, answerButton(post));
        SimResponse form = drill.sim().awaitResponse(pressed);
        assertThat(form.kind()).as("the button opens a form").isEqualTo(SimResponse.Kind.MODAL);
        return drill.awaitAnswer(drill.as(member).submitModal(pressed, text));
    }

    /** The bot's answer embeds in the thread (not the recap), oldest first. */
    private List<SimMessage> postedAnswers(SimChannel thread) {
        drill.settleEvents();
        return drill.sim().botMessages(thread.id()).stream()
                .filter(m -> m.embeds() != null
                        && !m.embeds().isEmpty()
                        && m.embeds().get(0).path("author").has("name"))
                .toList();
    }

    private static String author(SimMessage answer) {
        return answer.embeds().get(0).path("author").path("name").asString();
    }

    private String allTime(String member) {
        SimResponse stats = drill.command(
                "carol", "drill stats", Map.of("member", drill.as(member).user().id()));
        for (var field : stats.message().embeds().get(0).path("fields")) {
            if (field.path("name").asString("").equals("All time")) {
                return field.path("value").asString("");
            }
        }
        throw new AssertionError("no All time field in " + stats.message().embeds());
    }

    @Test
    @DisplayName("modal: the answer is posted in the thread with the member's name and scored; a second edits it and"
            + " scores once; thread replies do not count; after the close the button says so")
    void modalAnswer() {
        // GIVEN a guild that answers with the form, and Monday's round open
        SimResponse setup = setUp("modal");
        assertThat(setup.message().embeds().toString()).contains("the Answer button, posted in the thread at once");
        SimChannel thread = drill.openRound(MONDAY_0900);
        SimMessage post = post(thread);
        assertThat(post.embeds().toString()).contains("Press **Answer**").doesNotContain("Reply in the thread below");
        assertThat(post.customIds()).contains("drill:feedback:2040-12-03");

        // WHEN alice answers with the form
        SimResponse first = answer("alice", post, LONG + "First try.");

        // THEN she alone is told it is in the thread (+10), and the thread shows it under her name, pinging nobody
        assertThat(first.ephemeral()).isTrue();
        assertThat(first.content()).contains("Your answer is in the thread", "(+10)");
        List<SimMessage> answers = postedAnswers(thread);
        assertThat(answers).hasSize(1);
        assertThat(author(answers.get(0))).containsIgnoringCase("alice");
        assertThat(answers.get(0).embedDescriptions()).containsExactly(LONG + "First try.");
        assertThat(answers.get(0).allowedMentions().path("parse")).isEmpty();

        // WHEN she answers again
        SimResponse second = answer("alice", post, LONG + "Second, better try.");

        // THEN the same message is edited, and she still has one answer's points
        assertThat(second.content()).contains("updated", "counts once");
        answers = postedAnswers(thread);
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).embedDescriptions()).containsExactly(LONG + "Second, better try.");
        assertThat(answers.get(0).editedTimestamp()).isNotNull();

        // AND bob's reply in the thread is talk, not an answer; his 👍 on alice's posted answer counts for her
        drill.as("bob").say(thread.id(), LONG + "Bob in the thread.");
        drill.as("bob").react(answers.get(0), THUMBS_UP);
        drill.as("alice").react(answers.get(0), THUMBS_UP); // her own: nothing
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(allTime("alice")).startsWith("11"));
        assertThat(allTime("bob")).startsWith("0");

        // AND How did I do? reads the answer she gave in the form
        SimResponse feedback = drill.awaitAnswer(drill.as("alice").click(post, "drill:feedback:2040-12-03"));
        assertThat(feedback.message().embeds().toString()).contains("How did I do? · 2040-12-03", "mentions **");

        // AND a moderator cannot award the answer the bot posted for them, but can award alice's, by her name (+5)
        answer("admin", post, LONG + "The admin's own.");
        SimMessage own = postedAnswers(thread).get(1);
        assertThat(drill.awaitAnswer(drill.as("admin").messageCommand("Award best answer", own))
                        .content())
                .contains("You cannot award your own answer");
        SimResponse award = drill.awaitAnswer(drill.as("admin").messageCommand("Award best answer", answers.get(0)));
        assertThat(award.content()).contains("best answer");
        drill.awaitBotMessage(thread.id(), m -> m.content().contains("Best answer of this round, by Alice"));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(allTime("alice")).startsWith("16"));

        // WHEN the round closed, the button says so instead of opening the form
        drill.clock(MONDAY_0900.plus(Duration.ofDays(1)));
        SimResponse closed = drill.awaitAnswer(drill.as("carol").click(post, answerButton(post)));
        assertThat(closed.ephemeral()).isTrue();
        assertThat(closed.content()).contains("This round is closed");
        assertThat(allTime("alice")).startsWith("16");
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("blind: nothing in the thread before the reveal, every answer after it in order, its text gone from"
            + " Redis; 👍 counts until the close")
    void blindReveal() {
        // GIVEN a guild with blind answers (revealed half-way), and Monday's round open
        setUp("blind");
        SimChannel thread = drill.openRound(MONDAY_0900);
        SimMessage post = post(thread);
        assertThat(post.embeds().toString()).contains("Press **Answer**", "hidden until");
        String guild = drill.guild().id();
        String blindKey = Keys.blindAnswers(Long.parseLong(guild), "2040-12-03");

        // WHEN alice, then bob answer, and alice replaces hers
        assertThat(answer("alice", post, LONG + "Alice, first draft.").content())
                .contains("saved", "hidden");
        assertThat(answer("bob", post, LONG + "Bob.").content()).contains("saved");
        assertThat(answer("alice", post, LONG + "Alice, final.").content()).contains("replaced");

        // THEN before the reveal the thread shows none of them, and nobody has points for them yet
        drill.advance(Duration.ofHours(11)); // 20:00 Berlin
        assertThat(postedAnswers(thread)).isEmpty();
        assertThat(drill.sim().messages(thread.id()).toString()).doesNotContain("Alice, first draft", "Alice, final");
        assertThat(drill.redis().opsForHash().keys(blindKey))
                .contains("t:" + drill.as("alice").user().id());
        assertThat(allTime("alice")).startsWith("0");

        // AND carol opens the form before the reveal, but submits it only after
        SimInteraction carolPressed = drill.as("carol").click(post, answerButton(post));
        assertThat(drill.sim().awaitResponse(carolPressed).kind()).isEqualTo(SimResponse.Kind.MODAL);

        // WHEN the reveal comes (half-way, 21:00 Berlin)
        drill.clock(MONDAY_2100);

        // THEN both are in the thread in the order they came, alice's final text, each once, and scored
        await().atMost(Duration.ofSeconds(10)).until(() -> postedAnswers(thread).size() == 2);
        List<SimMessage> answers = postedAnswers(thread);
        assertThat(author(answers.get(0))).containsIgnoringCase("alice");
        assertThat(answers.get(0).embedDescriptions()).containsExactly(LONG + "Alice, final.");
        assertThat(author(answers.get(1))).containsIgnoringCase("bob");
        assertThat(drill.redis().opsForHash().keys(blindKey))
                .noneMatch(f -> f.toString().startsWith("t:") || f.toString().startsWith("n:"));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(allTime("alice")).startsWith("10"));
        assertThat(allTime("bob")).startsWith("10");

        // AND carol's late form is refused and kept nowhere: no text waits in Redis that no reveal would post
        SimResponse tooLate = drill.awaitAnswer(drill.as("carol").submitModal(carolPressed, LONG + "Carol, late."));
        assertThat(tooLate.content()).contains("revealed");
        assertThat(drill.redis().opsForHash().keys(blindKey))
                .noneMatch(f -> f.toString().startsWith("t:"));

        // AND a later press is told the answers are out; a second tick posts nothing again
        SimResponse late = drill.awaitAnswer(drill.as("carol").click(post, answerButton(post)));
        assertThat(late.content()).contains("revealed");
        drill.advance(Duration.ofMinutes(1));
        assertThat(postedAnswers(thread)).hasSize(2);

        // WHEN carol votes for alice before the close, and alice for bob after it
        drill.as("carol").react(answers.get(0), THUMBS_UP);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(allTime("alice")).startsWith("11"));
        drill.clock(MONDAY_0900.plus(Duration.ofDays(1)));
        drill.awaitBotMessage(thread.id(), m -> m.embedTitles().contains("Round closed · 2040-12-03"));
        drill.as("alice").react(answers.get(1), THUMBS_UP);
        drill.sim().channel(thread.id()).ifPresent(t -> assertThat(t.locked()).isTrue());
        drill.awaitGatewayHandled();

        // THEN only carol's counted
        assertThat(allTime("alice")).startsWith("11");
        assertThat(allTime("bob")).startsWith("10");
        assertThat(postedAnswers(thread)).hasSize(2);
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("blind: a reveal that fails halfway is finished later, each answer posted and scored once")
    void revealRetriedOnce() {
        setUp("blind");
        SimChannel thread = drill.openRound(MONDAY_0900);
        SimMessage post = post(thread);
        answer("alice", post, LONG + "Alice.");
        answer("bob", post, LONG + "Bob.");
        answer("carol", post, LONG + "Carol.");

        // GIVEN Discord refuses the post that follows the first revealed answer, for a while
        AtomicBoolean armed = new AtomicBoolean(true);
        drill.sim().onBotMessage(m -> {
            if (m.channelId().equals(thread.id()) && armed.getAndSet(false)) {
                drill.sim()
                        .failNext("POST", "/channels/" + thread.id() + "/messages", 1, RestFault.missingPermissions());
            }
        });

        // WHEN the reveal comes, and is tried again well past Discord's nonce window
        drill.clock(MONDAY_2100);
        drill.advance(Duration.ofMinutes(10));
        drill.advance(Duration.ofMinutes(10));

        // THEN every answer is in the thread once, in order, and scored once
        await().atMost(Duration.ofSeconds(10)).until(() -> postedAnswers(thread).size() >= 3);
        List<SimMessage> answers = postedAnswers(thread);
        assertThat(answers).extracting(AnswerModesE2ETests::author).hasSize(3);
        assertThat(answers.get(0).embedDescriptions()).containsExactly(LONG + "Alice.");
        assertThat(answers.get(1).embedDescriptions()).containsExactly(LONG + "Bob.");
        assertThat(answers.get(2).embedDescriptions()).containsExactly(LONG + "Carol.");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(allTime("bob")).startsWith("10"));
        assertThat(allTime("alice")).startsWith("10");
        assertThat(allTime("carol")).startsWith("10");
    }

    @Test
    @DisplayName("blind: a bot away at the reveal reveals at the close, before the recap, which counts the answers")
    void closeRevealsFirst() {
        setUp("blind");
        SimChannel thread = drill.openRound(MONDAY_0900);
        answer("alice", post(thread), LONG + "Alice, blind.");

        // WHEN the next tick comes only at the close (the bot was away at the reveal)
        drill.clock(MONDAY_0900.plus(Duration.ofDays(1)));

        // THEN her answer is posted before the recap, and the recap counts it
        SimMessage recap =
                drill.awaitBotMessage(thread.id(), m -> m.embedTitles().contains("Round closed · 2040-12-03"));
        List<SimMessage> answers = postedAnswers(thread);
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).embedDescriptions()).containsExactly(LONG + "Alice, blind.");
        assertThat(Long.parseLong(answers.get(0).id())).isLessThan(Long.parseLong(recap.id()));
        assertThat(recap.embeds().toString()).contains("Answers", "1");
        assertThat(allTime("alice")).startsWith("10");
    }

    @Test
    @DisplayName("without the Message Content intent, setup refuses answers:thread and says why; the form works")
    void withoutMessageContent() {
        // GIVEN a bot run with drill.discord.message-content=false against an app without the intent
        drill.close();
        drill = BotHarness.create(BotHarness.START).property("drill.discord.message-content", "false");
        drill.sim().allowMessageContent(false);
        drill.startBot();

        // WHEN the admin sets it up with the default (thread) answers
        SimResponse setup = drill.setUpDailyDrill();

        // THEN setup saves, and tells the admin why thread answers cannot be read
        assertThat(setup.message().embeds().toString()).contains("Message Content intent", "answers:modal");

        // WHEN the admin asks for thread answers explicitly, it is refused with the reason
        SimResponse refused = drill.command("admin", "drill-admin setup", Map.of("answers", "thread"));
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.content())
                .contains("without Discord's Message Content intent", "cannot read answers written in threads")
                .contains("Nothing was saved");

        // AND with the form, an answer is posted and scored
        SimResponse modal = drill.command("admin", "drill-admin setup", Map.of("answers", "modal"));
        assertThat(modal.message().embeds().toString()).contains("the Answer button");
        SimChannel thread = drill.openRound(MONDAY_0900);
        SimResponse answered = answer("alice", post(thread), LONG + "Without the intent.");
        assertThat(answered.content()).contains("(+10)");
        assertThat(postedAnswers(thread)).hasSize(1);
        drill.sim().assertNoProblems();
    }
}
