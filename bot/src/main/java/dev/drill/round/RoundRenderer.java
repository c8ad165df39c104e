package dev.drill.round;

import dev.drill.content.Question;
import dev.drill.discord.ButtonHandler;
import dev.drill.discord.DiscordEdge;
import dev.drill.discord.Replies;
import dev.drill.practice.CoachingRenderer;
import dev.drill.score.CountedAnswer;
import dev.drill.score.PointsRules;
import dev.drill.score.RecapScores;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;
import net.dv8tion.jda.api.utils.TimeFormat;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** Renders a round's messages: the daily question, the recap and the channel's link to it. Pure. */
@DiscordEdge
final class RoundRenderer {

    /** The custom id prefix of the "How did I do?" button. */
    static final String FEEDBACK_BUTTON = "feedback";

    /** Discord allows 6000 characters over all embeds of one message. */
    private static final int MESSAGE_EMBED_BUDGET = 6000;

    private RoundRenderer() {}

    static MessageCreateData question(RoundPublisher.Post post, PointsRules rules) {
        return question(post, rules, Optional.empty());
    }

    /** The question post, with a feature's way of answering instead of the thread reply when given. */
    static MessageCreateData question(
            RoundPublisher.Post post, PointsRules rules, Optional<AnswerInvitation.Invitation> invitation) {
        Question q = post.question();
        EmbedBuilder embed = Replies.embed()
                .setTitle(Replies.fit(
                        "Daily drill · " + post.date() + " · " + q.level().title(), 256))
                .setDescription("**" + q.prompt() + "**")
                .addField("Topics", String.join(", ", q.topics()), true)
                .addField("Closes", TimeFormat.RELATIVE.format(post.closes().toEpochMilli()), true)
                .addField(
                        "How to answer",
                        invitation
                                .map(AnswerInvitation.Invitation::howToAnswer)
                                .orElseGet(() -> "Reply in the thread below: your first message of "
                                        + rules.minAnswerChars()
                                        + "+ characters is your answer (+" + rules.answer() + ")."
                                        + " React 👍 to the answers you find best. The recap with "
                                        + (q.modelAnswer().isEmpty() ? "the best answers" : "a model answer")
                                        + " comes when the round closes."),
                        false);
        if (q.suggestedBy() != 0) {
            // A mention shows the member's name; mentions are off for every message, so nobody is pinged.
            embed.addField("Suggested by", "<@" + q.suggestedBy() + ">", true);
        }
        if (post.late()) {
            embed.setFooter("Posted late: Drill was offline at the scheduled time.");
        }
        MessageCreateBuilder message = new MessageCreateBuilder()
                .setEmbeds(embed.build())
                .setComponents(ActionRow.of(buttons(post, invitation)));
        if (post.pingRole() != 0) {
            // The one deliberate ping: only the configured role, nobody else.
            message.setContent("<@&" + post.pingRole() + ">").mentionRoles(post.pingRole());
        }
        return message.build();
    }

    /** A feature's buttons first (Answer), then How did I do?, which marks the post as the round's own. */
    private static List<Button> buttons(RoundPublisher.Post post, Optional<AnswerInvitation.Invitation> invitation) {
        List<Button> buttons = new ArrayList<>();
        invitation.ifPresent(i -> i.buttons().forEach(a -> buttons.add(Button.primary(a.customId(), a.label()))));
        buttons.add(Button.secondary(feedbackButtonId(post.date()), "How did I do?"));
        return buttons;
    }

    /** The How did I do? button's id: it names the round, which also marks the post as the round's own. */
    static String feedbackButtonId(String date) {
        return ButtonHandler.customId(FEEDBACK_BUTTON, date);
    }

    static String threadName(String date, Question question) {
        String topics = question.topics().stream().collect(Collectors.joining(", "));
        return Replies.fit("Drill " + date + " · " + topics, 100);
    }

    /** The recap as one or more messages, each within Discord's embed limits. */
    static List<MessageCreateData> recap(Recap recap, PointsRules rules) {
        List<MessageEmbed> embeds = new ArrayList<>();
        RecapScores scores = recap.scores();
        EmbedBuilder summary = Replies.embed()
                .setTitle(Replies.fit((recap.skipped() ? "Round skipped · " : "Round closed · ") + recap.date(), 256));
        if (recap.question() != null) {
            summary.setDescription(Replies.fit("**" + recap.question().prompt() + "**", 1000));
        }
        if (recap.skipped()) {
            summary.addField("Not scored", "An admin skipped this round: its answers earn no points.", false);
        } else {
            summary.addField("Participants", Integer.toString(scores.participants()), true);
            summary.addField("Answers", Integer.toString(scores.answers().size()), true);
            List<CountedAnswer> voted =
                    scores.topVoted().stream().filter(a -> a.votes() > 0).toList();
            if (!voted.isEmpty()) {
                summary.addField("Most 👍", lines(voted, a -> link(recap, a) + " · " + a.votes() + " 👍"), false);
            }
            scores.bestAnswer()
                    .ifPresent(best ->
                            summary.addField("Best answer", link(recap, best) + " · +" + rules.bestAnswer(), false));
            if (!scores.weekTop().isEmpty()) {
                summary.addField(
                        "This week",
                        lines(
                                scores.weekTop(),
                                e -> e.rank() + ". " + MarkdownSanitizer.escape(name(e.name(), e.memberId())) + " · "
                                        + e.points()),
                        false);
            }
        }
        if (!recap.skipped()
                && recap.question() != null
                && recap.question().modelAnswer().isEmpty()) {
            summary.addField(
                    "No model answer",
                    "This question has no model answer: read the best answers above instead.",
                    false);
        }
        if (!recap.notes().isEmpty()) {
            summary.addField("Also", lines(recap.notes(), line -> line), false);
        }
        embeds.add(summary.build());
        if (recap.question() != null) {
            embeds.addAll(CoachingRenderer.coaching(recap.question()));
        }
        return pack(embeds);
    }

    private static <T> String lines(List<T> items, Function<T, String> line) {
        return Replies.fit(items.stream().map(line).collect(Collectors.joining("\n")), MessageEmbed.VALUE_MAX_LENGTH);
    }

    private static String link(Recap recap, CountedAnswer answer) {
        return "["
                + Replies.fit(
                        MarkdownSanitizer.escape(name(answer.name(), answer.memberId()))
                                .replace("]", "\\]"),
                        64)
                + "](https://discord.com/channels/" + recap.guild() + "/" + recap.thread() + "/" + answer.messageId()
                + ")";
    }

    private static String name(String name, long member) {
        return name == null || name.isBlank() ? "member " + member : Replies.fit(name, 64);
    }

    /** Puts embeds into as few messages as Discord's per-message limits (10 embeds, 6000 characters) allow. */
    static List<MessageCreateData> pack(List<MessageEmbed> embeds) {
        List<MessageCreateData> messages = new ArrayList<>();
        List<MessageEmbed> current = new ArrayList<>();
        int length = 0;
        for (MessageEmbed embed : embeds) {
            if (!current.isEmpty() && (current.size() == 10 || length + embed.getLength() > MESSAGE_EMBED_BUDGET)) {
                messages.add(new MessageCreateBuilder().setEmbeds(current).build());
                current = new ArrayList<>();
                length = 0;
            }
            current.add(embed);
            length += embed.getLength();
        }
        if (!current.isEmpty()) {
            messages.add(new MessageCreateBuilder().setEmbeds(current).build());
        }
        return messages;
    }

    static String recapLink(String date, String jumpUrl, boolean skipped) {
        return (skipped ? "The round of " + date + " was skipped: " : "The round of " + date + " is closed: recap → ")
                + jumpUrl;
    }
}
