package dev.drill.discord;

import dev.drill.config.DrillProperties;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Owns the JDA client: logs in at start-up with light cache settings, registers the commands, logs the
 * invite URL, and shuts down cleanly. Other features ask it for {@link #jda()} when they need Discord.
 */
@Component
public final class DiscordGateway implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DiscordGateway.class);

    /** Exactly the permissions of the invite: what posting, threads, locking and reading answers need. */
    public static final List<Permission> PERMISSIONS = List.of(
            Permission.VIEW_CHANNEL,
            Permission.MESSAGE_SEND,
            Permission.MESSAGE_SEND_IN_THREADS,
            Permission.CREATE_PUBLIC_THREADS,
            Permission.MANAGE_THREADS,
            Permission.MESSAGE_EMBED_LINKS,
            Permission.MESSAGE_ADD_REACTION,
            Permission.MESSAGE_HISTORY);

    static final List<GatewayIntent> INTENTS =
            List.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT, GatewayIntent.GUILD_MESSAGE_REACTIONS);

    private final DrillProperties.Discord settings;
    private final ObjectProvider<CommandRegistry> registry;
    private final ObjectProvider<net.dv8tion.jda.api.hooks.EventListener> listeners;
    private volatile JDA jda;

    DiscordGateway(
            DrillProperties properties,
            ObjectProvider<CommandRegistry> registry,
            ObjectProvider<net.dv8tion.jda.api.hooks.EventListener> listeners) {
        // Both lazy: commands and listeners use services that post through this gateway.
        this.settings = properties.discord();
        this.registry = registry;
        this.listeners = listeners;
    }

    @Override
    public void start() {
        if (!settings.hasToken()) {
            throw new IllegalStateException("drill.discord.token (DISCORD_TOKEN) is not set");
        }
        // Nothing Drill sends pings anyone unless a message asks for it on purpose.
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        MessageRequest.setDefaultMentionRepliedUser(false);
        JDABuilder builder = JDABuilder.createLight(settings.token(), INTENTS)
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .setChunkingFilter(ChunkingFilter.NONE)
                .addEventListeners(listeners.orderedStream().toArray());
        if (settings.restUrl() != null) {
            builder.setRestConfig(new RestConfig().setBaseUrl(settings.restUrl()));
        }
        if (settings.gatewayUrl() != null) {
            String gateway = settings.gatewayUrl();
            builder.setCompression(Compression.NONE).setSessionController(new ConcurrentSessionController() {
                @Override
                public String getGateway() {
                    return gateway;
                }
            });
        }
        try {
            jda = builder.build().awaitReady();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while logging in to Discord", e);
        }
        jda.updateCommands().addCommands(registry.getObject().definitions()).complete();
        log.info("Logged in as {}; commands registered", jda.getSelfUser().getName());
        log.info("Invite Drill to a server: {}", jda.getInviteUrl(PERMISSIONS));
    }

    @Override
    public void stop() {
        JDA client = jda;
        jda = null;
        if (client != null) {
            client.shutdown();
            try {
                if (!client.awaitShutdown(10, TimeUnit.SECONDS)) {
                    client.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                client.shutdownNow();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return jda != null;
    }

    /** Before the scheduler (which needs Discord) starts, after everything it uses. */
    @Override
    public int getPhase() {
        return 0;
    }

    public JDA jda() {
        JDA client = jda;
        if (client == null) {
            throw new IllegalStateException("Discord is not connected");
        }
        return client;
    }
}
