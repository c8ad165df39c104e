package dev.drill.discord;

import dev.drill.config.DrillProperties;
import dev.drill.ops.GuildLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.StatusChangeEvent;
import net.dv8tion.jda.api.events.guild.GenericGuildEvent;
import net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent;
import net.dv8tion.jda.api.events.message.GenericMessageEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.hooks.InterfacedEventManager;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Owns the JDA client: logs in at start-up with light cache settings, registers the commands, logs the
 * invite URL, and shuts down cleanly. Other features ask it for {@link #jda()} when they need Discord.
 */
@Component
public final class DiscordGateway implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DiscordGateway.class);
    private static final Duration MAX_RETRY = Duration.ofMinutes(1);

    /**
     * Exactly the permissions of the invite: what posting, threads, locking and reading answers need (private
     * threads: the mock-interview pairs).
     */
    public static final List<Permission> PERMISSIONS = List.of(
            Permission.VIEW_CHANNEL,
            Permission.MESSAGE_SEND,
            Permission.MESSAGE_SEND_IN_THREADS,
            Permission.CREATE_PUBLIC_THREADS,
            Permission.CREATE_PRIVATE_THREADS,
            Permission.MANAGE_THREADS,
            Permission.MESSAGE_EMBED_LINKS,
            Permission.MESSAGE_ADD_REACTION,
            Permission.MESSAGE_HISTORY);

    static final List<GatewayIntent> INTENTS =
            List.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT, GatewayIntent.GUILD_MESSAGE_REACTIONS);

    private final DrillProperties.Discord settings;
    private final ObjectProvider<CommandRegistry> registry;
    private final ObjectProvider<EventListener> listeners;
    private final ConfigurableApplicationContext context;
    private final Clock clock;
    private final InteractionTimer timer;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "drill-discord-login");
        thread.setDaemon(true);
        return thread;
    });
    private volatile JDA jda;
    private volatile boolean running;
    private volatile LoginProblem problem;
    private volatile Instant disconnectedSince;
    private int attempt;

    DiscordGateway(
            DrillProperties properties,
            ObjectProvider<CommandRegistry> registry,
            ObjectProvider<EventListener> listeners,
            ConfigurableApplicationContext context,
            InteractionTimer timer,
            Clock clock) {
        // Both lazy: commands and listeners use services that post through this gateway.
        this.settings = properties.discord();
        this.registry = registry;
        this.listeners = listeners;
        this.context = context;
        this.clock = clock;
        this.timer = timer;
    }

    /** Why the gateway is not connected: Discord could not be reached, with when the next try is. */
    record LoginProblem(String reason, int attempt, Duration nextTry) {}

    /**
     * Logs in. Discord unreachable: one log line, and tries again in the background with backoff, so the
     * management endpoints come up and say why Drill is not ready. A rejected token or a missing privileged
     * intent cannot heal by waiting: start-up stops with a sentence that says what to do.
     */
    @Override
    public void start() {
        if (!settings.hasToken()) {
            throw new IllegalStateException("drill.discord.token (DISCORD_TOKEN) is not set");
        }
        // Nothing Drill sends pings anyone unless a message asks for it on purpose.
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        MessageRequest.setDefaultMentionRepliedUser(false);
        running = true;
        if (!tryLogin()) {
            scheduleRetry();
        }
    }

    /** One login attempt: true when connected, false when Discord could not be reached. */
    private synchronized boolean tryLogin() {
        attempt++;
        CloseCodeWatcher closeCode = new CloseCodeWatcher();
        JDA client = null;
        try {
            client = builder(closeCode).build();
            client.awaitReady();
            // Part of the login: a bot whose commands Discord does not know is not ready for members.
            client.updateCommands()
                    .addCommands(registry.getObject().definitions())
                    .complete();
        } catch (InvalidTokenException e) {
            throw new DiscordLoginException(DiscordLoginException.TOKEN_REJECTED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutDown(client);
            throw new IllegalStateException("Interrupted while logging in to Discord", e);
        } catch (RuntimeException e) {
            // Discord's close code arrives with JDA's shutdown event, which may trail the exception.
            CloseCode code = client == null ? null : closeCode.await();
            shutDown(client);
            if (code == CloseCode.DISALLOWED_INTENTS) {
                throw new DiscordLoginException(DiscordLoginException.INTENT_MISSING);
            }
            if (code == CloseCode.AUTHENTICATION_FAILED) {
                throw new DiscordLoginException(DiscordLoginException.TOKEN_REJECTED);
            }
            Duration next = backoff();
            problem = new LoginProblem("Discord unreachable: " + summary(e), attempt, next);
            log.warn(
                    "Discord unreachable (attempt {}): {}; trying again in {} s",
                    attempt,
                    summary(e),
                    next.toSeconds() == 0 ? "<1" : next.toSeconds());
            return false;
        }
        jda = client;
        problem = null;
        disconnectedSince = null;
        log.info("Logged in as {}; commands registered", client.getSelfUser().getName());
        log.info("Invite Drill to a server: {}", client.getInviteUrl(PERMISSIONS));
        return true;
    }

    private void scheduleRetry() {
        LoginProblem current = problem;
        if (!running || current == null) {
            return;
        }
        retries.schedule(
                () -> {
                    if (!running) {
                        return;
                    }
                    try {
                        if (!tryLogin()) {
                            scheduleRetry();
                        }
                    } catch (DiscordLoginException e) {
                        // Found only after Discord came back: nothing will heal it, so stop as at start-up.
                        log.error(e.getMessage());
                        problem = new LoginProblem(e.getMessage(), attempt, null);
                        Thread exit = new Thread(() -> System.exit(SpringApplication.exit(context, () -> 2)));
                        exit.start();
                    } catch (RuntimeException e) {
                        log.warn("Discord login attempt {} failed: {}", attempt, summary(e));
                        scheduleRetry();
                    }
                },
                current.nextTry().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** 1 s, 2 s, 4 s … at most a minute (configurable for tests). */
    private Duration backoff() {
        Duration first = settings.loginRetry();
        long factor = 1L << Math.min(attempt - 1, 16);
        Duration next = first.multipliedBy(factor);
        return next.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : next;
    }

    private JDABuilder builder(CloseCodeWatcher closeCode) {
        JDABuilder builder = JDABuilder.createLight(settings.token(), INTENTS)
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .setChunkingFilter(ChunkingFilter.NONE)
                .setHttpClientBuilder(new OkHttpClient.Builder().addInterceptor(timer))
                .setEventManager(new GuildLoggingEventManager())
                .addEventListeners(closeCode, new ConnectionWatcher())
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
        return builder;
    }

    /**
     * The innermost exception that says something, without a stack trace: an operator reads this in a log
     * line. JDA wraps failures in a message-less ContextException that only records where it was queued.
     */
    private static String summary(Throwable e) {
        Throwable telling = e;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null && !t.getClass().getSimpleName().equals("ContextException")) {
                telling = t;
            }
        }
        String message = telling.getMessage() == null
                ? ""
                : ": " + telling.getMessage().lines().findFirst().orElse("");
        return telling.getClass().getSimpleName() + message;
    }

    private static void shutDown(JDA client) {
        if (client != null) {
            client.shutdownNow();
        }
    }

    /** Remembers the close code Discord gave when it ended the session (4004 bad token, 4014 intents). */
    private static final class CloseCodeWatcher implements EventListener {
        private final CountDownLatch shutDown = new CountDownLatch(1);
        private volatile CloseCode code;

        @Override
        public void onEvent(GenericEvent event) {
            if (event instanceof ShutdownEvent shutdown) {
                code = shutdown.getCloseCode();
                shutDown.countDown();
            }
        }

        /** The close code, once JDA has told its listeners it shut down (a failed login always shuts down). */
        CloseCode await() {
            try {
                shutDown.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return code;
        }
    }

    /**
     * JDA's own event manager, with the guild an event is about in the logging MDC while every listener
     * handles it: one place, so each message, reaction and interaction logs with its guild.
     */
    private static final class GuildLoggingEventManager extends InterfacedEventManager {
        @Override
        public void handle(GenericEvent event) {
            try (MDC.MDCCloseable ignored = GuildLog.about(guildOf(event))) {
                super.handle(event);
            }
        }

        private static long guildOf(GenericEvent event) {
            if (event instanceof GenericGuildEvent guild) {
                return guild.getGuild().getIdLong();
            }
            if (event instanceof GenericMessageEvent message && message.isFromGuild()) {
                return message.getGuild().getIdLong();
            }
            if (event instanceof GenericInteractionCreateEvent interaction && interaction.getGuild() != null) {
                return interaction.getGuild().getIdLong();
            }
            return 0;
        }
    }

    /** Remembers since when the session has not been connected, for the health check's grace period. */
    private final class ConnectionWatcher implements EventListener {
        @Override
        public void onEvent(GenericEvent event) {
            if (event instanceof StatusChangeEvent change) {
                if (change.getNewStatus() == JDA.Status.CONNECTED) {
                    disconnectedSince = null;
                } else if (change.getOldStatus() == JDA.Status.CONNECTED) {
                    disconnectedSince = clock.instant();
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        retries.shutdownNow();
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
        return running;
    }

    /** Connected and ready: the scheduler does no Discord work before that. */
    public boolean isConnected() {
        JDA client = jda;
        return client != null && client.getStatus() == JDA.Status.CONNECTED;
    }

    /** What the health check reports: JDA's status, since when it has not been connected, or why not logged in. */
    DiscordHealth health() {
        JDA client = jda;
        if (client != null) {
            return new DiscordHealth(client.getStatus(), disconnectedSince, null);
        }
        LoginProblem current = problem;
        return new DiscordHealth(null, null, running ? current : null);
    }

    record DiscordHealth(JDA.Status status, Instant disconnectedSince, LoginProblem problem) {}

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
