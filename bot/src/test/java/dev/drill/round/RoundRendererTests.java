package dev.drill.round;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.content.ContentLoader;
import dev.drill.content.Question;
import dev.drill.content.QuestionBank;
import dev.drill.repository.RepositoryPaths;
import dev.drill.score.CountedAnswer;
import dev.drill.score.LeaderboardEntry;
import dev.drill.score.PointsRules;
import dev.drill.score.RecapScores;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Round messages")
class RoundRendererTests {

    private static final QuestionBank BANK = new ContentLoader().load(RepositoryPaths.resolve("content"));
    private static final Question HTTP = BANK.byId("http-methods").orElseThrow();
    private static final String LONG_NAME = "**[bold]** _under_ `code` ".repeat(4);
    private static final List<CountedAnswer> ANSWERS = List.of(
            new CountedAnswer(11, 1, LONG_NAME, 5),
            new CountedAnswer(12, 2, "bob", 2),
            new CountedAnswer(13, 3, "", 0));
    private static final RecapScores SCORES = new RecapScores(
            3,
            ANSWERS,
            ANSWERS,
            Optional.of(ANSWERS.get(1)),
            List.of(new LeaderboardEntry(1, 1, LONG_NAME, 21), new LeaderboardEntry(2, 2, "bob", 17)));

    private static RoundPublisher.Post post(long pingRole, boolean late) {
        return new RoundPublisher.Post(
                1, 2, pingRole, "n", HTTP, "2026-12-01", Instant.parse("2026-12-02T08:00:00Z"), late);
    }

    @Test
    @DisplayName("the question post shows level, topics, prompt, how to answer and when it closes")
    void questionPost() {
        MessageCreateData data = RoundRenderer.question(post(0, false), PointsRules.DEFAULTS);
        MessageEmbed embed = data.getEmbeds().get(0);

        assertThat(embed.getTitle()).isEqualTo("Daily drill · 2026-12-01 · Fresher");
        assertThat(embed.getDescription()).contains(HTTP.prompt());
        assertThat(embed.getFields())
                .extracting(MessageEmbed.Field::getValue)
                .contains("http, apis", "<t:1796198400:R>");
        assertThat(embed.getFooter()).isNull();
        assertThat(data.getContent()).isEmpty();
        assertThat(data.getMentionedRoles()).isEmpty();
        assertThat(data.toData().toString()).contains("drill:feedback:2026-12-01");
    }

    @Test
    @DisplayName("a feature's invitation replaces the how-to-answer text and adds its button before How did I do?")
    void invitation() {
        AnswerInvitation.Invitation invitation = new AnswerInvitation.Invitation(
                "Press **Answer** below.",
                List.of(new AnswerInvitation.Action("drill:answer:2026-12-01:1:0", "Answer")));

        MessageCreateData data = RoundRenderer.question(post(0, false), PointsRules.DEFAULTS, Optional.of(invitation));

        assertThat(data.getEmbeds().get(0).getFields())
                .filteredOn(f -> "How to answer".equals(f.getName()))
                .extracting(MessageEmbed.Field::getValue)
                .containsExactly("Press **Answer** below.");
        String json = data.toData().toString();
        assertThat(json.indexOf("drill:answer:2026-12-01:1:0"))
                .isPositive()
                .isLessThan(json.indexOf("drill:feedback:2026-12-01"));
    }

    @Test
    @DisplayName("pings the configured role, and only it; a late post says so")
    void pingAndLate() {
        MessageCreateData data = RoundRenderer.question(post(777, true), PointsRules.DEFAULTS);

        assertThat(data.getContent()).isEqualTo("<@&777>");
        assertThat(data.getMentionedRoles()).containsExactly("777");
        assertThat(data.getMentionedUsers()).isEmpty();
        assertThat(data.getEmbeds().get(0).getFooter().getText()).contains("late");
    }

    @Test
    @DisplayName("thread names stay within 100 characters")
    void threadName() {
        assertThat(BANK.all())
                .allSatisfy(q ->
                        assertThat(RoundRenderer.threadName("2026-12-01", q)).hasSizeBetween(1, 100));
        assertThat(RoundRenderer.threadName("2026-12-01", HTTP)).isEqualTo("Drill 2026-12-01 · http, apis");
    }

    @Test
    @DisplayName("the recap links the most-voted answers, names the award and shows the week's top")
    void recapScores() {
        MessageEmbed summary = RoundRenderer.recap(
                        new Recap(1, 2, "2026-12-01", HTTP, false, SCORES), PointsRules.DEFAULTS)
                .get(0)
                .getEmbeds()
                .get(0);

        assertThat(summary.getTitle()).isEqualTo("Round closed · 2026-12-01");
        assertThat(summary.getFields())
                .extracting(MessageEmbed.Field::getName)
                .containsExactly("Participants", "Answers", "Most 👍", "Best answer", "This week");
        String mostVoted = summary.getFields().get(2).getValue();
        assertThat(mostVoted).contains("https://discord.com/channels/1/2/11", "5 👍", "bob");
        assertThat(mostVoted).doesNotContain("member 3"); // no vote, not listed
        assertThat(mostVoted).contains("\\*\\*");
        assertThat(summary.getFields().get(3).getValue()).contains("bob", "/12)");
        assertThat(summary.getFields().get(4).getValue()).startsWith("1. ").contains("· 21");
    }

    @Test
    @DisplayName("a skipped round's recap says it was not scored")
    void skippedRecap() {
        MessageEmbed summary = RoundRenderer.recap(
                        new Recap(1, 2, "2026-12-01", HTTP, true, SCORES), PointsRules.DEFAULTS)
                .get(0)
                .getEmbeds()
                .get(0);

        assertThat(summary.getTitle()).isEqualTo("Round skipped · 2026-12-01");
        assertThat(summary.getFields()).extracting(MessageEmbed.Field::getName).containsExactly("Not scored");
    }

    @Test
    @DisplayName("every question's recap fits Discord's limits, carrying the model answer and follow-ups")
    void recapWithinLimits() {
        for (Question q : BANK.all()) {
            List<MessageCreateData> messages =
                    RoundRenderer.recap(new Recap(1, 2, "2026-12-01", q, false, SCORES), PointsRules.DEFAULTS);

            assertThat(messages).allSatisfy(m -> {
                assertThat(m.getEmbeds()).hasSizeLessThanOrEqualTo(10);
                assertThat(m.getEmbeds().stream()
                                .mapToInt(MessageEmbed::getLength)
                                .sum())
                        .isLessThanOrEqualTo(6000);
                assertThat(m.getEmbeds()).allMatch(MessageEmbed::isSendable);
            });
            assertThat(messages.stream().flatMap(m -> m.getEmbeds().stream()).map(MessageEmbed::getTitle))
                    .as(q.id())
                    .contains("Model answer");
        }
    }
}
