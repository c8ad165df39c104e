package dev.drill.pair;

import dev.drill.discord.DiscordEdge;
import dev.drill.discord.DiscordGateway;
import dev.drill.discord.DiscordPacer;
import dev.drill.score.PointsRules;
import java.util.Optional;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import org.springframework.stereotype.Component;

/** Opens the pairs' private threads through JDA (the JDA side of {@link PairPublisher}). */
@DiscordEdge
@Component
final class PairDiscord implements PairPublisher {

    private final DiscordGateway gateway;
    private final DiscordPacer pacer;
    private final PointsRules rules;

    PairDiscord(DiscordGateway gateway, DiscordPacer pacer, PointsRules rules) {
        this.gateway = gateway;
        this.pacer = pacer;
        this.rules = rules;
    }

    @Override
    public boolean serves(long guild) {
        return gateway.isConnected() && gateway.guild(guild) != null;
    }

    @Override
    public long openThread(Opening opening) {
        Guild guild = gateway.guild(opening.guild());
        if (guild == null) {
            throw new IllegalStateException("Drill is not in guild " + opening.guild() + " on this connection");
        }
        TextChannel channel = guild.getTextChannelById(opening.channel());
        if (channel == null) {
            throw new IllegalStateException("the practice channel no longer exists");
        }
        String name = PairRenderer.threadName(opening.week(), opening.index());
        // A run that stopped after opening the thread but before storing it finds it again by its name
        // (week and group number) instead of opening a second one.
        Optional<ThreadChannel> earlier = channel.getThreadChannels().stream()
                .filter(t -> t.getName().equals(name))
                .findFirst();
        // Every request goes through the pacer: the pairing may fall in the same minute as a rush of posts.
        ThreadChannel thread = earlier.orElseGet(() -> pacer.complete(() -> channel.createThreadChannel(name, true)
                .setInvitable(false)
                .setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_1_WEEK)));
        for (long member : opening.members()) {
            pacer.complete(() -> thread.addThreadMemberById(member));
        }
        if (earlier.isEmpty() || !welcomed(thread, opening)) {
            pacer.complete(() -> thread.sendMessage(PairRenderer.welcome(opening, rules)));
        }
        return thread.getIdLong();
    }

    /** Whether a thread found again already has its welcome (the bot's message with the card button). */
    private boolean welcomed(ThreadChannel thread, Opening opening) {
        long self = gateway.selfUserId();
        String card = PairRenderer.cardButtonId(opening.week(), opening.index());
        return pacer.complete(() -> thread.getHistory().retrievePast(20)).stream()
                .filter(m -> m.getAuthor().getIdLong() == self)
                .anyMatch(m -> m.getComponentTree()
                        .find(Button.class, b -> card.equals(b.getCustomId()))
                        .isPresent());
    }
}
