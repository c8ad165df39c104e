package dev.drill.round;

import dev.drill.discord.ChannelPermissions;
import dev.drill.discord.DiscordEdge;
import dev.drill.discord.DiscordGateway;
import dev.drill.discord.DiscordPacer;
import dev.drill.ops.Futures;
import dev.drill.score.PointsRules;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.springframework.stereotype.Component;

/**
 * Posts rounds through JDA: the question with its thread, then the lock, the recap and the link. Every
 * request goes through the {@link DiscordPacer} and returns a future: no thread waits for Discord.
 */
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
    private final DiscordPacer pacer;
    private final PointsRules rules;

    /** At most one: the answer feature's Answer button and wording (none: answers are thread replies). */
    private final List<AnswerInvitation> invitations;

    RoundDiscord(DiscordGateway gateway, DiscordPacer pacer, PointsRules rules, List<AnswerInvitation> invitations) {
        this.gateway = gateway;
        this.pacer = pacer;
        this.rules = rules;
        this.invitations = List.copyOf(invitations);
    }

    @Override
    public boolean ready() {
        return gateway.isConnected();
    }

    @Override
    public boolean owns(long guild) {
        return gateway.owns(guild);
    }

    /**
     * Sends one request once the pacer lets it go: Drill's requests stay under Discord's global limit, so a
     * rush waits in line instead of collecting 429s. Building the request may fail too (a permission JDA
     * checks first): that fails the future like a refusal.
     */
    private <T> CompletableFuture<T> paced(Supplier<? extends RestAction<T>> request) {
        return pacer.send(() -> request.get().submit());
    }

    @Override
    public CompletableFuture<Long> post(Post post) {
        TextChannel channel = channel(post.guild(), post.channel());
        List<Permission> missing = ChannelPermissions.missing(channel);
        if (!missing.isEmpty()) {
            throw new ChannelUnavailable("I lack " + ChannelPermissions.names(missing) + " in #" + channel.getName());
        }
        Optional<AnswerInvitation.Invitation> invitation = invitations.stream()
                .flatMap(i -> i.invitation(post.guild(), post.date(), post.closes()).stream())
                .findFirst();
        MessageCreateData question = RoundRenderer.question(post, rules, invitation);
        return paced(() -> channel.sendMessage(question).setNonce(post.nonce())).handle((sent, failure) -> {
            if (failure == null) {
                return sent.getIdLong();
            }
            throw refused(channel, Futures.unwrap(failure));
        });
    }

    @Override
    public CompletableFuture<Long> startThread(Post post, long message) {
        TextChannel channel = channel(post.guild(), post.channel());
        ThreadChannel existing = channel.getGuild().getThreadChannelById(message);
        if (existing != null) {
            return CompletableFuture.completedFuture(existing.getIdLong());
        }
        String name = RoundRenderer.threadName(post.date(), post.question());
        return paced(() -> channel.createThreadChannel(name, message)
                        .setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_1_WEEK))
                .handle((thread, failure) -> {
                    if (failure == null) {
                        return thread.getIdLong();
                    }
                    Throwable cause = Futures.unwrap(failure);
                    if (cause instanceof ErrorResponseException) {
                        // An earlier attempt may have started it after all: a thread has its message's id.
                        ThreadChannel started = channel.getGuild().getThreadChannelById(message);
                        if (started != null) {
                            return started.getIdLong();
                        }
                    }
                    RuntimeException refusal = refused(channel, cause);
                    if (refusal instanceof ChannelUnavailable) {
                        // Nobody should answer under a question whose answers can never count.
                        paced(() -> channel.deleteMessageById(message));
                    }
                    throw refusal;
                });
    }

    /** A refusal Discord will repeat becomes a reason to pause; anything else is worth retrying. */
    private static RuntimeException refused(TextChannel channel, Throwable failure) {
        if (failure instanceof ErrorResponseException e) {
            return PERMANENT.contains(e.getErrorResponse())
                    ? new ChannelUnavailable(
                            "Discord refused the post in #" + channel.getName() + ": " + e.getMeaning())
                    : e;
        }
        if (failure instanceof InsufficientPermissionException e) {
            return new ChannelUnavailable("I lack " + e.getPermission().getName() + " in #" + channel.getName());
        }
        return failure instanceof RuntimeException runtime ? runtime : new CompletionException(failure);
    }

    @Override
    public CompletableFuture<Optional<Long>> findPost(Post post) {
        TextChannel channel = channel(post.guild(), post.channel());
        String marker = RoundRenderer.feedbackButtonId(post.date());
        long self = gateway.selfUserId();
        // The newest 100 messages: a retry comes within minutes of the post, and the question is the
        // round's first message in the channel.
        return paced(() -> channel.getHistory().retrievePast(100))
                .thenApply(messages -> messages.stream()
                        .filter(m -> m.getAuthor().getIdLong() == self)
                        .filter(m -> m.getComponentTree()
                                .find(Button.class, b -> marker.equals(b.getCustomId()))
                                .isPresent())
                        .map(Message::getIdLong)
                        .findFirst());
    }

    /** Lock, recap, link: one after the other, each paced; the link points at the recap's first message. */
    @Override
    public CompletableFuture<Void> close(Closing closing) {
        TextChannel channel = channel(closing.guild(), closing.channel());
        ThreadChannel thread = channel.getGuild().getThreadChannelById(closing.thread());
        if (thread == null) {
            throw new ChannelUnavailable("the round's thread no longer exists");
        }
        List<MessageCreateData> recap = RoundRenderer.recap(closing.recap(), rules);
        CompletableFuture<Message> first =
                paced(() -> thread.getManager().setLocked(true)).thenApply(locked -> null);
        for (int i = 0; i < recap.size(); i++) {
            int part = i;
            first = first.thenCompose(earlier -> paced(
                            () -> thread.sendMessage(recap.get(part)).setNonce(closing.nonce() + part))
                    .thenApply(sent -> earlier == null ? sent : earlier));
        }
        return first.thenCompose(recapStart -> {
                    String link = recapStart == null ? thread.getJumpUrl() : recapStart.getJumpUrl();
                    return paced(() -> channel.sendMessage(RoundRenderer.recapLink(
                                    closing.recap().date(),
                                    link,
                                    closing.recap().skipped()))
                            .setNonce(closing.nonce() + "l"));
                })
                .thenApply(sent -> null);
    }

    private TextChannel channel(long guildId, long channelId) {
        Guild guild = gateway.guild(guildId);
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
