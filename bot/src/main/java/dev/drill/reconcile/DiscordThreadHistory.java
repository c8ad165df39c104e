package dev.drill.reconcile;

import dev.drill.discord.DiscordEdge;
import dev.drill.discord.DiscordGateway;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageHistory;
import net.dv8tion.jda.api.entities.MessageReaction;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.springframework.stereotype.Component;

/**
 * Reads rounds' threads back from Discord through JDA. Blocking calls: it runs on the catch-up's own
 * thread, never on JDA's; JDA's rate limiter paces the requests.
 */
@DiscordEdge
@Component
final class DiscordThreadHistory implements ThreadHistory {

    /** 👍 in every skin tone counts as a vote, as it does live. */
    private static final List<String> THUMBS_UP = List.of("👍", "👍🏻", "👍🏼", "👍🏽", "👍🏾", "👍🏿");

    private static final String AWARD_NOTE = "🏅";

    private final DiscordGateway gateway;

    DiscordThreadHistory(DiscordGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public boolean ready() {
        return gateway.isConnected();
    }

    @Override
    public List<Long> guilds() {
        return gateway.guildIds();
    }

    @Override
    public boolean visible(long guild, long thread) {
        return thread(guild, thread).isPresent();
    }

    @Override
    public List<HistoryMessage> after(long guild, long thread, long afterId) {
        Optional<ThreadChannel> channel = thread(guild, thread);
        if (channel.isEmpty()) {
            return List.of();
        }
        List<HistoryMessage> all = new ArrayList<>();
        long after = Math.max(afterId, thread);
        while (true) {
            List<Message> page = MessageHistory.getHistoryAfter(channel.get(), Long.toUnsignedString(after))
                    .limit(100)
                    .complete()
                    .getRetrievedHistory();
            if (page.isEmpty()) {
                return all;
            }
            List<Message> oldestFirst = page.stream()
                    .sorted(Comparator.comparingLong(Message::getIdLong))
                    .toList();
            oldestFirst.forEach(m -> all.add(toHistory(m)));
            after = oldestFirst.get(oldestFirst.size() - 1).getIdLong();
            if (page.size() < 100) {
                return all;
            }
        }
    }

    @Override
    public Optional<HistoryMessage> message(long guild, long thread, long messageId) {
        Optional<ThreadChannel> channel = thread(guild, thread);
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    toHistory(channel.get().retrieveMessageById(messageId).complete()));
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Optional<ThreadChannel> thread(long guildId, long threadId) {
        Guild guild = gateway.guild(guildId);
        if (guild == null) {
            return Optional.empty();
        }
        // Active threads come with the guild at login; an archived one (a week after its round) is past the
        // catch-up window anyway.
        return Optional.ofNullable(guild.getThreadChannelById(threadId));
    }

    private HistoryMessage toHistory(Message m) {
        OffsetDateTime edited = m.getTimeEdited();
        long awardOf = m.getAuthor().getIdLong() == gateway.selfUserId()
                        && m.getContentRaw().startsWith(AWARD_NOTE)
                        && m.getMessageReference() != null
                ? m.getMessageReference().getMessageIdLong()
                : 0;
        return new HistoryMessage(
                m.getIdLong(),
                m.getAuthor().getIdLong(),
                m.getMember() != null
                        ? m.getMember().getEffectiveName()
                        : m.getAuthor().getEffectiveName(),
                m.getAuthor().isBot() || m.isWebhookMessage(),
                m.getContentRaw(),
                edited == null ? Instant.EPOCH : edited.toInstant(),
                thumbsUp(m),
                awardOf);
    }

    private static List<Long> thumbsUp(Message m) {
        List<Long> voters = new ArrayList<>();
        for (MessageReaction reaction : m.getReactions()) {
            if (!THUMBS_UP.contains(reaction.getEmoji().getName())) {
                continue;
            }
            // Paged by JDA (100 users a request).
            for (User user : m.retrieveReactionUsers(
                            Emoji.fromUnicode(reaction.getEmoji().getName()))
                    .complete()) {
                if (!user.isBot() && !voters.contains(user.getIdLong())) {
                    voters.add(user.getIdLong());
                }
            }
        }
        return voters;
    }
}
