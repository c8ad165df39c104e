package dev.drill.answer;

import java.time.Instant;
import java.time.OffsetDateTime;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.entities.emoji.EmojiUnion;
import net.dv8tion.jda.api.events.message.MessageBulkDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveAllEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveEmojiEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.springframework.stereotype.Component;

/**
 * The JDA edge of answers: translates thread messages, edits, deletions and 👍 reactions (one by one, or
 * cleared all at once by a moderator) into plain calls on {@link AnswerService}. Nothing here decides what
 * counts.
 */
@Component
final class AnswerListener extends ListenerAdapter {

    static final String THUMBS_UP = "\uD83D\uDC4D";

    private final AnswerService answers;

    AnswerListener(AnswerService answers) {
        this.answers = answers;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (!event.isFromGuild() || !event.isFromThread() || !isMemberText(event.getMessage())) {
            return;
        }
        answers.onMessage(toThreadMessage(event.getGuild().getIdLong(), event.getMessage(), event.getMember()));
    }

    @Override
    public void onMessageUpdate(MessageUpdateEvent event) {
        if (!event.isFromGuild() || !event.isFromThread() || !isMemberText(event.getMessage())) {
            return;
        }
        Message message = event.getMessage();
        OffsetDateTime edited = message.getTimeEdited();
        answers.onEdit(
                toThreadMessage(event.getGuild().getIdLong(), message, event.getMember()),
                edited == null ? Instant.EPOCH : edited.toInstant());
    }

    @Override
    public void onMessageDelete(MessageDeleteEvent event) {
        if (event.isFromGuild() && event.isFromThread()) {
            answers.onDelete(event.getGuild().getIdLong(), event.getChannel().getIdLong(), event.getMessageIdLong());
        }
    }

    @Override
    public void onMessageBulkDelete(MessageBulkDeleteEvent event) {
        if (!event.getChannel().getType().isThread()) {
            return;
        }
        long guild = event.getGuild().getIdLong();
        long thread = event.getChannel().getIdLong();
        event.getMessageIds().forEach(id -> answers.onDelete(guild, thread, Long.parseLong(id)));
    }

    @Override
    public void onMessageReactionAdd(MessageReactionAddEvent event) {
        if (!event.isFromGuild() || !event.isFromThread() || !isThumbsUp(event.getEmoji())) {
            return;
        }
        Member member = event.getMember();
        User user = member != null ? member.getUser() : event.getUser();
        answers.onVote(
                event.getGuild().getIdLong(),
                event.getChannel().getIdLong(),
                event.getMessageIdLong(),
                event.getUserIdLong(),
                user != null && (user.isBot() || user.isSystem()),
                true);
    }

    @Override
    public void onMessageReactionRemove(MessageReactionRemoveEvent event) {
        if (!event.isFromGuild() || !event.isFromThread() || !isThumbsUp(event.getEmoji())) {
            return;
        }
        answers.onVote(
                event.getGuild().getIdLong(),
                event.getChannel().getIdLong(),
                event.getMessageIdLong(),
                event.getUserIdLong(),
                false,
                false);
    }

    @Override
    public void onMessageReactionRemoveAll(MessageReactionRemoveAllEvent event) {
        if (event.isFromGuild() && event.isFromThread()) {
            answers.onVotesCleared(
                    event.getGuild().getIdLong(), event.getChannel().getIdLong(), event.getMessageIdLong());
        }
    }

    @Override
    public void onMessageReactionRemoveEmoji(MessageReactionRemoveEmojiEvent event) {
        if (event.isFromGuild() && event.isFromThread() && isThumbsUp(event.getEmoji())) {
            answers.onVotesCleared(
                    event.getGuild().getIdLong(), event.getChannel().getIdLong(), event.getMessageIdLong());
        }
    }

    private static ThreadMessage toThreadMessage(long guild, Message message, Member member) {
        User author = message.getAuthor();
        return new ThreadMessage(
                guild,
                message.getChannelIdLong(),
                message.getIdLong(),
                author.getIdLong(),
                member != null ? member.getEffectiveName() : author.getEffectiveName(),
                author.isBot() || author.isSystem() || message.isWebhookMessage(),
                message.getContentRaw());
    }

    /** Ordinary messages and replies; thread-created notices, pins and the like are not answers. */
    private static boolean isMemberText(Message message) {
        return message.getType() == MessageType.DEFAULT || message.getType() == MessageType.INLINE_REPLY;
    }

    /** 👍 in any skin tone: members who set a default tone react with 👍🏽 from the picker. */
    static boolean isThumbsUp(EmojiUnion emoji) {
        return emoji.getType() == Emoji.Type.UNICODE && isThumbsUp(emoji.getName());
    }

    static boolean isThumbsUp(String name) {
        return SKIN_TONE.matcher(name).replaceAll("").equals(THUMBS_UP);
    }

    /** The five Fitzpatrick modifiers, U+1F3FB to U+1F3FF. */
    private static final java.util.regex.Pattern SKIN_TONE = java.util.regex.Pattern.compile("[\\x{1F3FB}-\\x{1F3FF}]");
}
