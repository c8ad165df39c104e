package dev.drill.answer;

import dev.drill.ops.EventLanes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
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
 * counts. The gateway thread only reads the event and hands the call to {@link EventLanes}, keyed by the
 * thread, so a slow Redis never holds up Discord's other events, and one thread's events keep their order.
 */
@Component
final class AnswerListener extends ListenerAdapter {

    static final String THUMBS_UP = "\uD83D\uDC4D";

    private final AnswerService answers;
    private final EventLanes lanes;

    AnswerListener(AnswerService answers, EventLanes lanes) {
        this.answers = answers;
        this.lanes = lanes;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (!event.isFromGuild() || !event.isFromThread() || !isMemberText(event.getMessage())) {
            return;
        }
        ThreadMessage message = toThreadMessage(event.getGuild().getIdLong(), event.getMessage(), event.getMember());
        lanes.execute(message.threadId(), () -> answers.onMessage(message));
    }

    @Override
    public void onMessageUpdate(MessageUpdateEvent event) {
        if (!event.isFromGuild() || !event.isFromThread() || !isMemberText(event.getMessage())) {
            return;
        }
        OffsetDateTime editedAt = event.getMessage().getTimeEdited();
        Instant edited = editedAt == null ? Instant.EPOCH : editedAt.toInstant();
        ThreadMessage message = toThreadMessage(event.getGuild().getIdLong(), event.getMessage(), event.getMember());
        lanes.execute(message.threadId(), () -> answers.onEdit(message, edited));
    }

    @Override
    public void onMessageDelete(MessageDeleteEvent event) {
        if (event.isFromGuild() && event.isFromThread()) {
            long guild = event.getGuild().getIdLong();
            long thread = event.getChannel().getIdLong();
            long message = event.getMessageIdLong();
            lanes.execute(thread, () -> answers.onDelete(guild, thread, message));
        }
    }

    @Override
    public void onMessageBulkDelete(MessageBulkDeleteEvent event) {
        if (!event.getChannel().getType().isThread()) {
            return;
        }
        long guild = event.getGuild().getIdLong();
        long thread = event.getChannel().getIdLong();
        List<Long> ids = event.getMessageIds().stream().map(Long::parseLong).toList();
        lanes.execute(thread, () -> ids.forEach(id -> answers.onDelete(guild, thread, id)));
    }

    @Override
    public void onMessageReactionAdd(MessageReactionAddEvent event) {
        if (!event.isFromGuild() || !event.isFromThread() || !isThumbsUp(event.getEmoji())) {
            return;
        }
        Member member = event.getMember();
        User user = member != null ? member.getUser() : event.getUser();
        long guild = event.getGuild().getIdLong();
        long thread = event.getChannel().getIdLong();
        long message = event.getMessageIdLong();
        long voter = event.getUserIdLong();
        boolean bot = user != null && (user.isBot() || user.isSystem());
        lanes.execute(thread, () -> answers.onVote(guild, thread, message, voter, bot, true));
    }

    @Override
    public void onMessageReactionRemove(MessageReactionRemoveEvent event) {
        if (!event.isFromGuild() || !event.isFromThread() || !isThumbsUp(event.getEmoji())) {
            return;
        }
        long guild = event.getGuild().getIdLong();
        long thread = event.getChannel().getIdLong();
        long message = event.getMessageIdLong();
        long voter = event.getUserIdLong();
        lanes.execute(thread, () -> answers.onVote(guild, thread, message, voter, false, false));
    }

    @Override
    public void onMessageReactionRemoveAll(MessageReactionRemoveAllEvent event) {
        if (event.isFromGuild() && event.isFromThread()) {
            votesCleared(event.getGuild().getIdLong(), event.getChannel().getIdLong(), event.getMessageIdLong());
        }
    }

    @Override
    public void onMessageReactionRemoveEmoji(MessageReactionRemoveEmojiEvent event) {
        if (event.isFromGuild() && event.isFromThread() && isThumbsUp(event.getEmoji())) {
            votesCleared(event.getGuild().getIdLong(), event.getChannel().getIdLong(), event.getMessageIdLong());
        }
    }

    private void votesCleared(long guild, long thread, long message) {
        lanes.execute(thread, () -> answers.onVotesCleared(guild, thread, message));
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
