package dev.drill.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.content.KeyPoint;
import dev.drill.content.Level;
import dev.drill.content.Question;
import dev.drill.content.QuestionBank;
import dev.drill.sim.SimChannel;
import dev.drill.sim.SimMessage;
import dev.drill.sim.SimResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("End to end: model answers, feedback and practice")
class CoachingE2ETests {

    private final BotHarness drill = BotHarness.start();

    @AfterEach
    void stop() {
        drill.close();
    }

    private Question questionOf(SimMessage post) {
        String prompt = post.embedDescriptions().get(0).replace("**", "");
        return drill.bean(QuestionBank.class).all().stream()
                .filter(q -> q.prompt().equals(prompt))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @DisplayName(
            "How did I do? lists the key points a crafted answer covered and missed; the recap carries the model answer")
    void feedbackAndRecap() {
        // GIVEN a round is open
        drill.setUpDailyDrill();
        drill.clock(Instant.parse("2040-12-03T08:00:00Z"));
        SimMessage post = drill.awaitBotMessage(
                drill.dailyDrill(), m -> m.customIds().stream().anyMatch(id -> id.startsWith("drill:feedback:")));
        SimChannel thread =
                drill.sim().awaitThread(drill.dailyDrill(), t -> t.id().equals(post.id()), Duration.ofSeconds(10));
        Question question = questionOf(post);
        List<KeyPoint> points = question.keyPoints();

        // WHEN alice answers with the signals of the first two key points only, and asks how she did
        String answer =
                "My answer: I would talk about " + points.get(0).signals().get(0) + " first, and then about "
                        + points.get(1).signals().get(0) + ", with an example from a project I worked on last year.";
        drill.as("alice").say(thread.id(), answer);
        SimResponse feedback = drill.awaitAnswer(drill.as("alice").click(post, "drill:feedback:2040-12-03"));

        // THEN she alone sees which points she covered and which she missed
        assertThat(feedback.ephemeral()).isTrue();
        String embed = feedback.message().embeds().toString();
        assertThat(embed).contains("mentions **2 of " + points.size() + "**");
        assertThat(embed)
                .contains("✅ " + points.get(0).text(), "✅ " + points.get(1).text());
        points.subList(2, points.size()).forEach(p -> assertThat(embed).contains("▫️ " + p.text()));

        // AND bob, who did not answer, is told so
        SimResponse none = drill.awaitAnswer(drill.as("bob").slash(drill.dailyDrill(), "drill feedback"));
        assertThat(none.content()).contains("not answered this round yet");

        // WHEN the round closes, its recap carries the model answer and the follow-ups
        drill.clock(Instant.parse("2040-12-04T08:00:00Z"));
        SimMessage recap =
                drill.awaitBotMessage(thread.id(), m -> m.embedTitles().contains("Model answer"));
        assertThat(recap.embedDescriptions()).contains(question.modelAnswer());
        assertThat(recap.embeds().toString())
                .contains(question.followUps().get(0).replace("\"", "\\\""));
        drill.awaitBotMessage(drill.dailyDrill(), m -> m.content().contains("recap"));

        // AND feedback on that round still works after the close, by its button or by its date
        SimResponse after = drill.awaitAnswer(drill.as("alice").click(post, "drill:feedback:2040-12-03"));
        assertThat(after.message().embeds().toString())
                .contains("How did I do? · 2040-12-03")
                .contains("round's recap");
        after = drill.awaitAnswer(
                drill.as("alice").slash(drill.dailyDrill(), "drill feedback", Map.of("date", "2040-12-03")));
        assertThat(after.message().embeds().toString())
                .contains("How did I do? · 2040-12-03")
                .contains("round's recap");
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("/drill practice level:experienced topic:messaging offers a matching question and reveals its answer")
    void practice() {
        SimResponse offer =
                drill.command("carol", "drill practice", Map.of("level", "experienced", "topic", "messaging"));

        assertThat(offer.ephemeral()).isTrue();
        SimMessage message = offer.message();
        Question question = questionOf(message);
        assertThat(question.level()).isEqualTo(Level.EXPERIENCED);
        assertThat(question.topics()).contains("messaging");
        assertThat(message.customIds())
                .containsExactly("drill:practice-answer:" + question.id(), "drill:reveal:" + question.id());
        String button = message.customIds().get(1);

        SimResponse reveal = drill.awaitAnswer(drill.as("carol").click(message, button));

        assertThat(reveal.ephemeral()).isTrue();
        assertThat(reveal.message().embedTitles()).contains("Model answer");
        assertThat(reveal.message().embedDescriptions()).contains(question.modelAnswer());
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("practice with a topic no question has at that level answers with the topics it does have")
    void practiceWithoutMatch() {
        SimResponse reply = drill.command("carol", "drill practice", Map.of("level", "fresher", "topic", "data"));

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content())
                .startsWith("No fresher question is about `data`")
                .contains("http");
    }
}
