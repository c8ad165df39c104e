package dev.drill.practice;

import dev.drill.content.KeyPoint;
import dev.drill.content.KeyPointMatcher.Coverage;
import dev.drill.content.Misconception;
import dev.drill.content.Question;
import dev.drill.discord.DiscordEdge;
import dev.drill.discord.Replies;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * Renders a question's coaching content (model answer, key points, follow-ups) and the "How did I do?" feedback on an
 * answer as embeds. Pure.
 */
@DiscordEdge
public final class CoachingRenderer {

    private CoachingRenderer() {}

    /** The model answer in one embed and the key points and follow-ups in a second, each within limits. */
    public static List<MessageEmbed> coaching(Question q) {
        List<MessageEmbed> embeds = new ArrayList<>();
        if (!q.modelAnswer().isEmpty()) {
            embeds.add(Replies.embed()
                    .setTitle("Model answer")
                    .setDescription(Replies.fit(q.modelAnswer(), MessageEmbed.DESCRIPTION_MAX_LENGTH))
                    .build());
        }
        EmbedBuilder more = Replies.embed();
        if (!q.keyPoints().isEmpty()) {
            more.addField(
                    "Key points a strong answer covers",
                    Replies.fit(
                            q.keyPoints().stream().map(p -> "• " + p.text()).collect(Collectors.joining("\n")),
                            MessageEmbed.VALUE_MAX_LENGTH),
                    false);
        }
        if (!q.followUps().isEmpty()) {
            more.addField(
                    "Follow-up questions an interviewer might ask",
                    Replies.fit(
                            q.followUps().stream().map(f -> "• " + f).collect(Collectors.joining("\n")),
                            MessageEmbed.VALUE_MAX_LENGTH),
                    false);
        }
        if (!more.getFields().isEmpty()) {
            embeds.add(more.build());
        }
        return embeds;
    }

    /** The question itself, as shown in practice: level, topics and prompt. */
    public static MessageEmbed question(Question q, String title) {
        return Replies.embed()
                .setTitle(Replies.fit(title, MessageEmbed.TITLE_MAX_LENGTH))
                .setDescription("**" + q.prompt() + "**")
                .addField("Level", q.level().title(), true)
                .addField("Topics", String.join(", ", q.topics()), true)
                .build();
    }

    /** Characters Discord reads as markdown; a quote of the member's words escapes every one, paired or not. */
    private static final Pattern MARKDOWN = Pattern.compile("([\\\\*_`~|])");

    /** The longest quote of the answer's own words shown per key point, before Discord escaping. */
    static final int MAX_QUOTE = 60;

    /**
     * "How did I do?": which key points the answer mentions (quoting the words that matched), which it missed, the
     * misconceptions it states, and a note when it reads like a keyword list. Every field fits Discord's limits.
     */
    public static MessageEmbed feedback(String date, boolean roundOpen, Coverage coverage) {
        return feedback(
                "How did I do? · " + date,
                roundOpen
                        ? "Feedback only: it never changes points. The model answer comes with the recap."
                        : "Feedback only: it never changes points. The model answer is in the round's recap.",
                coverage);
    }

    /** The same feedback on an answer to a practice question (never scored; the model answer follows). */
    public static MessageEmbed practiceFeedback(Question q, Coverage coverage) {
        return feedback("How did I do? · practice · " + q.level().title(), "Practice: never scored.", coverage);
    }

    private static MessageEmbed feedback(String title, String footer, Coverage coverage) {
        EmbedBuilder embed = Replies.embed().setTitle(Replies.fit(title, MessageEmbed.TITLE_MAX_LENGTH));
        if (coverage.looksStuffed()) {
            embed.setDescription("Your answer mentions **0 of " + coverage.total()
                    + "** key points a strong answer covers: it names "
                    + coverage.named().size()
                    + " of them in a list, and a list explains none.");
        } else {
            embed.setDescription("Your answer mentions **" + coverage.covered().size() + " of " + coverage.total()
                    + "** key points a strong answer covers.");
        }
        if (!coverage.covered().isEmpty()) {
            embed.addField("Mentioned", mentioned(coverage), false);
        }
        if (!coverage.stated().isEmpty()) {
            embed.addField(
                    "Check these statements",
                    Replies.fit(
                            coverage.stated().stream()
                                    .map(CoachingRenderer::warning)
                                    .collect(Collectors.joining("\n")),
                            MessageEmbed.VALUE_MAX_LENGTH),
                    false);
        }
        if (!coverage.named().isEmpty()) {
            embed.addField("Named, not explained", bullets(coverage.named(), "▫️"), false);
        }
        List<KeyPoint> missed = coverage.missed().stream()
                .filter(p -> !coverage.named().contains(p))
                .toList();
        if (!missed.isEmpty()) {
            embed.addField("Missed", bullets(missed, "▫️"), false);
        }
        if (coverage.looksStuffed()) {
            embed.addField(
                    "A note",
                    "This reads like a list of keywords. Interviewers want the how and the why; coverage never adds"
                            + " points.",
                    false);
        }
        embed.setFooter(footer);
        return embed.build();
    }

    /** {@code ⚠️ claim — correction}. */
    static String warning(Misconception wrong) {
        return "⚠️ " + wrong.claim() + " — " + wrong.correction();
    }

    /**
     * One line per mentioned key point with the answer's words that matched, quoted and escaped; quotes are shortened,
     * then dropped, when the lines would not fit one field.
     */
    private static String mentioned(Coverage coverage) {
        for (int quote : new int[] {MAX_QUOTE, 30, 0}) {
            String lines = coverage.covered().stream()
                    .map(p -> "✅ " + p.text()
                            + coverage.evidenceOf(p).map(quoted(quote)).orElse(""))
                    .collect(Collectors.joining("\n"));
            if (lines.length() <= MessageEmbed.VALUE_MAX_LENGTH) {
                return lines;
            }
        }
        return bullets(coverage.covered(), "✅");
    }

    private static Function<String, String> quoted(int max) {
        return words -> {
            if (max == 0) {
                return "";
            }
            String plain = words.replaceAll("\\s+", " ").strip();
            return " — “" + MARKDOWN.matcher(Replies.fit(plain, max)).replaceAll("\\\\$1") + "”";
        };
    }

    private static String bullets(List<KeyPoint> points, String mark) {
        return Replies.fit(
                points.stream().map(p -> mark + " " + p.text()).collect(Collectors.joining("\n")),
                MessageEmbed.VALUE_MAX_LENGTH);
    }
}
