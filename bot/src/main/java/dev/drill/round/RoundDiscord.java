package dev.drill.round;

import dev.drill.discord.ChannelPermissions;
import dev.drill.discord.DiscordEdge;
import dev.drill.discord.DiscordGateway;
import dev.drill.score.PointsRules;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.springframework.stereotype.Component;

/** Posts rounds through JDA: the question with its thread, then the lock, the recap and the link. */
@DiscordEdge
@Component
final class RoundDiscord implements RoundPublisher {

    /** Answers that mean Discord will refuse every retry too. */
    private static final Set<ErrorResponse> PERMANENT = EnumSet.of(
            ErrorResponse.UNKNOWN_CHANNEL,
            ErrorResponse.UNKNOWN_GUILD,
            ErrorResponse.MISSING_ACCESS,
            ErrorResponse.MISSING_PERMISSIONS);

    private final DiscordGateway gateway;

    private final PointsRules rules;

    /** At most one: the answer feature's Answer button and wording (none: answers are thread replies). */
    private final List<AnswerInvitation> invitations;

    RoundDiscord(DiscordGateway gateway, PointsRules rules, List<AnswerInvitation> invitations) {
        this.gateway = gateway;
        this.rules = rules;
        this.invitations = List.copyOf(invitations);
    }

    @Override
    public boolean ready() {
        return gateway.isConnected();
    }

    @Override
    public long post(Post post) {
        TextChannel channel = channel(post.guild(), post.channel());
        List<Permission> missing = ChannelPermissions.missing(channel);
        if (!missing.isEmpty()) {
            throw new ChannelUnavailable("I lack " + ChannelPermissions.names(missing) + " in #" + channel.getName());
        }
        try {
            Optional<AnswerInvitation.Invitation> invitation = invitations.stream()
                    .flatMap(i -> i.invitation(post.guild(), post.date(), post.closes()).stream())
                    .findFirst();
            return channel.sendMessage(RoundRenderer.question(post, rules, invitation))
                    .setNonce(post.nonce())
                    .complete()
                    .getIdLong();
        } catch (ErrorResponseException e) {
            throw refused(channel, e);
        } catch (InsufficientPermissionException e) {
            throw new ChannelUnavailable("I lack " + e.getPermission().getName() + " in #" + channel.getName());
        }
    }

    @Override
    public long startThread(Post post, long message) {
        TextChannel channel = channel(post.guild(), post.channel());
        ThreadChannel existing = channel.getGuild().getThreadChannelById(message);
        if (existing != null) {
            return existing.getIdLong();
        }
        try {
            return channel.createThreadChannel(RoundRenderer.threadName(post.date(), post.question()), message)
                    .setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_1_WEEK)
                    .complete()
                    .getIdLong();
        } catch (ErrorResponseException e) {
            ThreadChannel started = channel.getGuild().getThreadChannelById(message);
            if (started != null) {
                return started.getIdLong();
            }
            RuntimeException failure = refused(channel, e);
            if (failure instanceof ChannelUnavailable) {
                channel.deleteMessageById(message).queue(null, ignored -> {});
            }
            throw failure;
        } catch (InsufficientPermissionException e) {
            channel.deleteMessageById(message).queue(null, ignored -> {});
            throw new ChannelUnavailable("I lack " + e.getPermission().getName() + " in #" + channel.getName());
        }
    }

    /** A refusal Discord will repeat becomes a reason to pause; anything else is worth retrying. */
    private static RuntimeException refused(TextChannel channel, ErrorResponseException e) {
        return PERMANENT.contains(e.getErrorResponse())
                ? new ChannelUnavailable("Discord refused the post in #" + channel.getName() + ": " + e.getMeaning())
                : e;
    }

    @Override
    public Optional<Long> findPost(Post post) {
        TextChannel channel = channel(post.guild(), post.channel());
        String marker = RoundRenderer.feedbackButtonId(post.date());
        long self = gateway.jda().getSelfUser().getIdLong();
        // The newest 100 messages: a retry comes within minutes of the post, and the question is the
        // round's first message in the channel.
        return channel.getHistory().retrievePast(100).complete().stream()
                .filter(m -> m.getAuthor().getIdLong() == self)
                .filter(m -> m.getComponentTree()
                        .find(Button.class, b -> marker.equals(b.getCustomId()))
                        .isPresent())
                .map(Message::getIdLong)
                .findFirst();
    }

    @Override
    public void close(Closing closing) {
        TextChannel channel = channel(closing.guild(), closing.channel());
        ThreadChannel thread = channel.getGuild().getThreadChannelById(closing.thread());
        if (thread == null) {
            throw new ChannelUnavailable("the round's thread no longer exists");
        }
        thread.getManager().setLocked(true).complete();
        List<MessageCreateData> recap = RoundRenderer.recap(closing.recap(), rules);
        Message first = null;
        for (int i = 0; i < recap.size(); i++) {
            Message sent = thread.sendMessage(recap.get(i))
                    .setNonce(closing.nonce() + i)
                    .complete();
            first = first == null ? sent : first;
        }
        String link = first == null ? thread.getJumpUrl() : first.getJumpUrl();
        channel.sendMessage(RoundRenderer.recapLink(
                        closing.recap().date(), link, closing.recap().skipped()))
                .setNonce(closing.nonce() + "l")
                .complete();
    }

    private TextChannel channel(long guildId, long channelId) {
        Guild guild = gateway.jda().getGuildById(guildId);
        if (guild == null) {
            throw new ChannelUnavailable("Drill is no longer in this server");
        }
        TextChannel channel = guild.getTextChannelById(channelId);
        if (channel == null) {
            throw new ChannelUnavailable("the practice channel no longer exists");
        }
        return channel;
    }
}
