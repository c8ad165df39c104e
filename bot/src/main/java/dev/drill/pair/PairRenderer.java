package dev.drill.pair;

import dev.drill.content.Question;
import dev.drill.discord.ButtonHandler;
import dev.drill.discord.DiscordEdge;
import dev.drill.discord.Replies;
import dev.drill.practice.CoachingRenderer;
import dev.drill.score.PointsRules;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** The pairs' messages: the welcome in a pair's private thread and a member's interviewer card. Pure. */
@DiscordEdge
final class PairRenderer {

    static final String CARD_BUTTON = "paircard";

    private PairRenderer() {}

    static String threadName(String week, int index) {
        return "Mock interview " + week + " #" + (index + 1);
    }

    static String cardButtonId(String week, int index) {
        return ButtonHandler.customId(CARD_BUTTON, week, index);
    }

    /**
     * The welcome: it mentions the group's members, and only them (the allowed mentions name each one: being
     * told of their pair is its purpose), explains the turns and carries the Interviewer card button.
     */
    static MessageCreateData welcome(PairPublisher.Opening opening, PointsRules rules) {
        List<String> mentions =
                opening.members().stream().map(m -> "<@" + m + ">").toList();
        StringBuilder turns = new StringBuilder();
        for (int i = 0; i < mentions.size(); i++) {
            turns.append("\n• ")
                    .append(mentions.get(i))
                    .append(" interviews ")
                    .append(mentions.get((i + 1) % mentions.size()));
        }
        String content = "This week's mock interview: " + and(mentions) + ". Take turns as interviewer and candidate:"
                + turns
                + "\nPress **Interviewer card** to see, privately, the question you ask, the key points to listen for"
                + " and the follow-ups. Once you have met, run `/drill pair done` here: +" + rules.pairSession()
                + " each.";
        return new MessageCreateBuilder()
                .setContent(content)
                .mentionUsers(
                        opening.members().stream().mapToLong(Long::longValue).toArray())
                .setComponents(
                        ActionRow.of(Button.primary(cardButtonId(opening.week(), opening.index()), "Interviewer card")))
                .build();
    }

    /** A member's card: whom they interview, the question, then the key points and follow-ups from the bank. */
    static List<MessageEmbed> card(long partner, Question question) {
        List<MessageEmbed> embeds = new ArrayList<>();
        embeds.add(Replies.embed()
                .setTitle("Interviewer card")
                .setDescription("You interview <@" + partner + ">. Ask:\n\n**" + question.prompt() + "**")
                .addField("Level", question.level().title(), true)
                .addField("Topics", String.join(", ", question.topics()), true)
                .build());
        // The coaching embeds' order: model answer, then key points and follow-ups; the card leads with what
        // the interviewer listens for, so the key points come first.
        List<MessageEmbed> coaching = CoachingRenderer.coaching(question);
        for (int i = coaching.size() - 1; i >= 0; i--) {
            embeds.add(coaching.get(i));
        }
        return embeds;
    }

    private static String and(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", ")) + " and "
                + names.get(names.size() - 1);
    }
}
