package dev.drill.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.content.ContentLoader;
import dev.drill.content.GuildQuestions;
import dev.drill.content.KeyPoint;
import dev.drill.content.KeyPointMatcher.Coverage;
import dev.drill.content.Misconception;
import dev.drill.content.Question;
import dev.drill.content.QuestionBank;
import dev.drill.repository.RepositoryPaths;
import dev.drill.score.RoundRef;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.MessageEmbed.Field;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The How did I do? feedback")
class FeedbackRenderingTests {

    private static final QuestionBank BANK = new ContentLoader().load(RepositoryPaths.resolve("content"));

    private static final KeyPoint ACKS = new KeyPoint("Ack after processing", List.of("ack after processing"));
    private static final KeyPoint DLQ = new KeyPoint("Dead-letter queue", List.of("dead-letter queue"));
    private static final Misconception EXACTLY_ONCE = new Misconception(
            "A queue processes each message exactly once",
            "Delivery is at least once: consumers must be idempotent.",
            0,
            List.of("exactly once"));

    private static String field(MessageEmbed embed, String name) {
        return embed.getFields().stream()
                .filter(f -> name.equals(f.getName()))
                .map(Field::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no field " + name + " in " + embed.getFields()));
    }

    @Test
    @DisplayName("says mentions, quotes the matched words escaped for Discord, and lists what it missed")
    void mentionedWithQuotes() {
        Coverage coverage = new Coverage(
                List.of(ACKS), List.of(DLQ), false, List.of(), Map.of(ACKS, "*ack*   after\nprocessing_"), List.of());

        MessageEmbed embed = CoachingRenderer.feedback("2040-12-03", true, coverage);

        assertThat(embed.getTitle()).isEqualTo("How did I do? · 2040-12-03");
        assertThat(embed.getDescription())
                .isEqualTo("Your answer mentions **1 of 2** key points a strong answer covers.");
        assertThat(field(embed, "Mentioned")).isEqualTo("✅ Ack after processing — “\\*ack\\* after processing\\_”");
        assertThat(field(embed, "Missed")).isEqualTo("▫️ Dead-letter queue");
        assertThat(embed.getFooter().getText()).contains("comes with the recap");
    }

    @Test
    @DisplayName("puts one ⚠️ line per misconception stated: the claim and its correction")
    void misconceptions() {
        Coverage coverage =
                new Coverage(List.of(), List.of(ACKS, DLQ), false, List.of(EXACTLY_ONCE), Map.of(), List.of());

        MessageEmbed embed = CoachingRenderer.feedback("2040-12-03", false, coverage);

        assertThat(field(embed, "Check these statements"))
                .isEqualTo("⚠️ A queue processes each message exactly once — Delivery is at least once: consumers must"
                        + " be idempotent.");
        assertThat(embed.getDescription()).startsWith("Your answer mentions **0 of 2**");
        assertThat(embed.getFooter().getText()).contains("is in the round's recap");
    }

    @Test
    @DisplayName("tells a keyword list that it named points without explaining them")
    void keywordList() {
        Coverage coverage = new Coverage(List.of(), List.of(ACKS, DLQ), true, List.of(), Map.of(), List.of(ACKS));

        MessageEmbed embed = CoachingRenderer.feedback("2040-12-03", true, coverage);

        assertThat(embed.getDescription()).contains("mentions **0 of 2**").contains("names 1 of them in a list");
        assertThat(field(embed, "Named, not explained")).isEqualTo("▫️ Ack after processing");
        assertThat(field(embed, "Missed")).isEqualTo("▫️ Dead-letter queue");
        assertThat(field(embed, "A note")).contains("list of keywords");
    }

    @Test
    @DisplayName("stays within Discord's limits with long key points and long quotes")
    void limits() {
        List<KeyPoint> points = List.of(point(1), point(2), point(3), point(4), point(5), point(6));
        Map<KeyPoint, String> evidence = new LinkedHashMap<>();
        points.forEach(p -> evidence.put(p, "word ".repeat(60)));
        Misconception long1 = new Misconception("c".repeat(200), "d".repeat(400), -1, List.of("x y"));
        Coverage coverage =
                new Coverage(points, List.of(), false, List.of(long1, long1, long1, long1), evidence, List.of());

        MessageEmbed embed = CoachingRenderer.feedback("2040-12-03", true, coverage);

        assertThat(embed.isSendable()).isTrue();
        assertThat(embed.getFields())
                .allSatisfy(f -> assertThat(f.getValue()).hasSizeLessThanOrEqualTo(MessageEmbed.VALUE_MAX_LENGTH));
        assertThat(field(embed, "Mentioned").lines()).hasSize(6);
    }

    private static KeyPoint point(int n) {
        return new KeyPoint(n + " " + "a long key point text ".repeat(7), List.of("signal " + n, "other " + n));
    }

    @Test
    @DisplayName("judges a confidently wrong answer: warnings, and no credit for the points it contradicts")
    void wrongAnswer() {
        Question q = BANK.byId("message-queues").orElseThrow();
        FeedbackService service = new FeedbackService(null, null, new GuildQuestions(BANK, null), null);
        RoundRef round = new RoundRef(1, "2040-12-03", 1, 2, 3, q.id(), ZoneId.of("UTC"), Instant.EPOCH, true);
        String answer = "A queue lets the API hand work to background workers so the user doesn't have to wait. The"
                + " worker should ack as soon as it receives the message so the queue doesn't give it to someone"
                + " else. And since the queue guarantees exactly once delivery you don't have to worry about"
                + " duplicates.";

        Coverage coverage = service.judge(new FeedbackService.Found(round, q, 3, 4), answer);
        MessageEmbed embed = CoachingRenderer.feedback(round.date(), round.open(), coverage);

        assertThat(coverage.stated()).hasSize(2);
        assertThat(field(embed, "Check these statements").lines()).hasSize(2).allMatch(line -> line.startsWith("⚠️ "));
        coverage.stated()
                .forEach(wrong -> assertThat(coverage.covered())
                        .doesNotContain(q.keyPoints().get(wrong.contradicts())));
        assertThat(field(embed, "Mentioned"))
                .contains("✅ " + q.keyPoints().get(0).text() + " — “");
    }
}
