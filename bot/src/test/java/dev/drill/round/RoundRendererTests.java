package dev.drill.round;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.content.ContentLoader;
import dev.drill.content.Question;
import dev.drill.content.QuestionBank;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Round messages")
class RoundRendererTests {

    private static final QuestionBank BANK = new ContentLoader().load(Path.of("..", "content"));
    private static final Question HTTP = BANK.byId("http-methods").orElseThrow();

    private static RoundPublisher.Post post(long pingRole, boolean late) {
        return new RoundPublisher.Post(
                1, 2, pingRole, "n", HTTP, "2026-12-01", Instant.parse("2026-12-02T08:00:00Z"), late);
    }

    @Test
    @DisplayName("the question post shows level, topics, prompt, how to answer and when it closes")
    void questionPost() {
        MessageCreateData data = RoundRenderer.question(post(0, false));
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
    @DisplayName("pings the configured role, and only it; a late post says so")
    void pingAndLate() {
        MessageCreateData data = RoundRenderer.question(post(777, true));

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
    @DisplayName("every question's recap fits Discord's limits, carrying the model answer and follow-ups")
    void recapWithinLimits() {
        for (Question q : BANK.all()) {
            List<MessageCreateData> messages = RoundRenderer.recap(new Recap("2026-12-01", q, false, 3));

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
