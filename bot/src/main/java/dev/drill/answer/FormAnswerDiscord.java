package dev.drill.answer;

import dev.drill.discord.DiscordEdge;
import dev.drill.discord.DiscordGateway;
import dev.drill.discord.Replies;
import java.util.List;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import org.springframework.stereotype.Component;

/** Posts and edits form answers in a round's thread through JDA: an embed with the member's name, pinging nobody. */
@DiscordEdge
@Component
final class FormAnswerDiscord implements AnswerPoster {

    private final DiscordGateway gateway;

    FormAnswerDiscord(DiscordGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public long post(long guild, long thread, FormAnswer answer, String nonce) {
        return thread(guild, thread)
                .sendMessage(message(answer))
                .setNonce(nonce)
                .complete()
                .getIdLong();
    }

    @Override
    public boolean edit(long guild, long thread, long message, FormAnswer answer) {
        try {
            thread(guild, thread)
                    .editMessageById(
                            message,
                            new MessageEditBuilder()
                                    .setEmbeds(embed(answer))
                                    .setAllowedMentions(List.of())
                                    .build())
                    .complete();
            return true;
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE) {
                return false;
            }
            throw e;
        }
    }

    /** The answer as members see it in the thread. Pure. */
    static MessageCreateData message(FormAnswer answer) {
        return new MessageCreateBuilder()
                .setEmbeds(embed(answer))
                .setAllowedMentions(List.of())
                .build();
    }

    static MessageEmbed embed(FormAnswer answer) {
        return Replies.embed()
                .setAuthor(Replies.fit(answer.name(), MessageEmbed.AUTHOR_MAX_LENGTH))
                .setDescription(Replies.fit(answer.text(), MessageEmbed.DESCRIPTION_MAX_LENGTH))
                .setFooter(
                        answer.blind()
                                ? "Blind answer, revealed · react 👍 if it is one of the best"
                                : "Answered with the Answer button · react 👍 if it is one of the best")
                .build();
    }

    private ThreadChannel thread(long guildId, long threadId) {
        Guild guild = gateway.guild(guildId);
        ThreadChannel thread = guild == null ? null : guild.getThreadChannelById(threadId);
        if (thread == null) {
            throw new IllegalStateException("the round's thread " + threadId + " is not there");
        }
        return thread;
    }
}
