package dev.drill.practice;

import dev.drill.content.Question;
import dev.drill.discord.DiscordEdge;
import dev.drill.discord.Replies;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/** Renders a question's coaching content (model answer, key points, follow-ups) as embeds. Pure. */
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
}
