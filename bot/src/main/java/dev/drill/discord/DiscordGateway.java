package dev.drill.discord;

import dev.drill.config.DrillProperties;
import dev.drill.config.ShardSettings;
import dev.drill.ops.GuildLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
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
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import okhttp3.Dispatcher;
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
 * Owns the connection to Discord: a JDA {@link ShardManager} with light cache settings that runs this
 * process's shards ({@code drill.discord.shards.*}; by default all of Discord's recommended count), logs in
 * at start-up, registers the commands, logs the invite URL, and shuts down cleanly. Other features ask it for
 * a {@link #guild(long)} and whether this process {@link #owns(long)} a guild.
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

    /**
     * The intents of a bot run with {@code drill.discord.message-content=false}: without the privileged one,
     * Discord blanks what members write, so answers come through the Answer button.
     */
    static final List<GatewayIntent> INTENTS_WITHOUT_CONTENT =
            List.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.GUILD_MESSAGE_REACTIONS);

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
    private final ShardSettings shards;
    private final DiscordPacer pacer;
    private volatile ShardManager manager;
    /** The shards this process runs, once logged in; null while not. */
    private volatile Set<Integer> mine;

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
            ShardSettings shards,
            DiscordPacer pacer,
            Clock clock) {
        this.shards = shards;
        this.pacer = pacer;
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
        ShardManager client = null;
        try {
            // The first shard logs in on this thread, so a rejected token or an unreachable Discord shows here.
            client = builder(closeCode).build();
            Set<Integer> running = awaitShards(client);
            // Part of the login: a bot whose commands Discord does not know is not ready for members.
            client.getShards()
                    .get(0)
                    .updateCommands()
                    .addCommands(registry.getObject().definitions())
                    .complete();
            mine = running;
        } catch (InvalidTokenException e) {
            shutDown(client);
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
        manager = client;
        problem = null;
        disconnectedSince = null;
        JDA first = client.getShards().get(0);
        log.info(
                "Logged in as {} with shards {} of {}; commands registered",
                first.getSelfUser().getName(),
                mine,
                client.getShardsTotal());
        log.info("Invite Drill to a server: {}", first.getInviteUrl(PERMISSIONS));
        return true;
    }

    /**
     * Waits until every shard of this process is connected and has its guilds. The manager starts them one
     * after the other (Discord lets a bot identify a few at a time); a shard that Discord shut down (a
     * missing intent) fails the wait.
     */
    private static Set<Integer> awaitShards(ShardManager client) throws InterruptedException {
        while (true) {
            for (JDA shard : client.getShards()) {
                shard.awaitReady();
            }
            if (client.getShardsQueued() == 0) {
                Set<Integer> ids = new TreeSet<>();
                for (JDA shard : client.getShards()) {
                    shard.awaitReady();
                    ids.add(shard.getShardInfo().getShardId());
                }
                return Set.copyOf(ids);
            }
            Thread.sleep(20);
        }
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

    private DefaultShardManagerBuilder builder(CloseCodeWatcher closeCode) {
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(
                        settings.token(), settings.readsMessages() ? INTENTS : INTENTS_WITHOUT_CONTENT)
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .setChunkingFilter(ChunkingFilter.NONE)
                .setHttpClientBuilder(new OkHttpClient.Builder()
                        .dispatcher(dispatcher())
                        .addInterceptor(timer)
                        .addInterceptor(pacer))
                .setEventManagerProvider(shard -> new GuildLoggingEventManager())
                .addEventListeners(closeCode, new ConnectionWatcher())
                .addEventListeners(listeners.orderedStream().toArray());
        if (shards.total() != null) {
            builder.setShardsTotal(shards.total()).setShards(shards.mineOrAll());
        } else {
            // -1: JDA asks Discord (GET /gateway/bot) for the recommended count and runs every shard.
            builder.setShardsTotal(-1);
        }
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
     * OkHttp sends at most 5 requests at once to one host by default, and every Discord request goes to one
     * host: at 50 to 100 ms a request that is 50 to 100 a second, so in a rush requests (members' interaction
     * responses among them) queued there, and the backlog then left faster than Discord's 50 a second and
     * drew 429s. Drill's pacer sets the rate; this pipe must not.
     */
    private static Dispatcher dispatcher() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(128);
        dispatcher.setMaxRequestsPerHost(64);
        return dispatcher;
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

    private static void shutDown(ShardManager client) {
        if (client != null) {
            client.shutdown();
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
                    if (allConnected()) {
                        disconnectedSince = null;
                    }
                } else if (change.getOldStatus() == JDA.Status.CONNECTED && disconnectedSince == null) {
                    disconnectedSince = clock.instant();
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        retries.shutdownNow();
        ShardManager client = manager;
        manager = null;
        mine = null;
        if (client != null) {
            List<JDA> all = List.copyOf(client.getShards());
            client.shutdown();
            try {
                for (JDA shard : all) {
                    if (!shard.awaitShutdown(10, TimeUnit.SECONDS)) {
                        shard.shutdownNow();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                all.forEach(JDA::shutdownNow);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Every shard of this process connected and ready: the scheduler does no Discord work before that. */
    public boolean isConnected() {
        return manager != null && allConnected();
    }

    private boolean allConnected() {
        ShardManager client = manager;
        if (client == null) {
            return false;
        }
        List<JDA> all = client.getShards();
        return !all.isEmpty() && all.stream().allMatch(shard -> shard.getStatus() == JDA.Status.CONNECTED);
    }

    /**
     * What the health check reports: the status of the shard that is furthest from connected (CONNECTED when
     * all are), since when one has not been connected, or why not logged in.
     */
    DiscordHealth health() {
        ShardManager client = manager;
        if (client != null) {
            JDA.Status status = client.getShards().stream()
                    .map(JDA::getStatus)
                    .filter(s -> s != JDA.Status.CONNECTED)
                    .findFirst()
                    .orElse(JDA.Status.CONNECTED);
            return new DiscordHealth(status, disconnectedSince, null);
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

    /**
     * Whether this process runs the shard of the guild, by Discord's rule {@code (guild_id >> 22) % total}.
     * Only the owner schedules a guild's rounds: to any other process the guild is not there, and that must
     * not pause it.
     */
    public boolean owns(long guildId) {
        ShardManager client = manager;
        Set<Integer> running = mine;
        if (client == null || running == null) {
            return false;
        }
        return running.contains(shardOf(guildId, client.getShardsTotal()));
    }

    /** Discord's shard of a guild. */
    public static int shardOf(long guildId, int total) {
        return (int) ((guildId >>> 22) % total);
    }

    /** The guild from the cache of its shard, or null when Drill is not in it (or another process runs it). */
    public Guild guild(long guildId) {
        return connected().getGuildById(guildId);
    }

    /** A thread from the cache of this process's shards, or null when none of them sees it. */
    public net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel thread(long threadId) {
        return connected().getThreadChannelById(threadId);
    }

    /** The ids of every guild of this process's shards. */
    public List<Long> guildIds() {
        return connected().getGuilds().stream().map(Guild::getIdLong).toList();
    }

    /** The bot's own user id. */
    public long selfUserId() {
        return connected().getShards().get(0).getSelfUser().getIdLong();
    }

    private ShardManager connected() {
        ShardManager client = manager;
        if (client == null) {
            throw new IllegalStateException("Discord is not connected");
        }
        return client;
    }
}
