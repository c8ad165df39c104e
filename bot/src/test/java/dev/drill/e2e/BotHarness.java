package dev.drill.e2e;

import dev.drill.DrillApplication;
import dev.drill.content.Question;
import dev.drill.content.QuestionBank;
import dev.drill.ops.EventLanes;
import dev.drill.redis.EmbeddedRedis;
import dev.drill.redis.Keys;
import dev.drill.redis.TempDirs;
import dev.drill.round.RoundScheduler;
import dev.drill.sim.Actor;
import dev.drill.sim.DiscordSimulator;
import dev.drill.sim.MutableClock;
import dev.drill.sim.SimChannel;
import dev.drill.sim.SimGuild;
import dev.drill.sim.SimInteraction;
import dev.drill.sim.SimMessage;
import dev.drill.sim.SimResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Everything an end-to-end test needs, started for real: an embedded Redis, the Discord simulator, and the
 * Drill application wired to both with a movable clock. Tests drive it as members do and assert on what the
 * bot posted.
 */
public final class BotHarness implements AutoCloseable {

    /**
     * Monday 2040-12-03 07:00 in Berlin. In the future on purpose: JDA judges an interaction's 15-minute
     * expiry by the wall clock, so a simulated clock in the past would expire every deferred reply.
     */
    public static final Instant START = Instant.parse("2040-12-03T06:00:00Z");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final MutableClock clock;
    private final DiscordSimulator sim;
    private final Path redisDir;
    private final EmbeddedRedis redis;
    private final Map<String, Object> extraProperties = new LinkedHashMap<>();
    private final List<ApplicationContextInitializer<ConfigurableApplicationContext>> extraInitializers =
            new ArrayList<>();
    private final List<ConfigurableApplicationContext> bots = new ArrayList<>();
    private DelayingProxy redisProxy;

    private BotHarness(Instant start) {
        clock = new MutableClock(start);
        sim = DiscordSimulator.start(clock);
        redisDir = TempDirs.create("drill-e2e-redis-");
        redis = EmbeddedRedis.start(redisDir, 0);
    }

    /** Starts Redis and the simulator; the bot starts with {@link #startBot()}. */
    public static BotHarness create(Instant start) {
        return new BotHarness(start);
    }

    /** Starts Redis, the simulator and one bot. */
    public static BotHarness start() {
        BotHarness harness = new BotHarness(START);
        harness.startBot();
        return harness;
    }

    /** A property for every bot started from now on, e.g. quieter logging in the playground. */
    public BotHarness property(String name, Object value) {
        extraProperties.put(name, value);
        return this;
    }

    /** An initializer for every bot started from now on, e.g. the playground's repeatable practice picks. */
    public BotHarness initializer(ApplicationContextInitializer<ConfigurableApplicationContext> initializer) {
        extraInitializers.add(initializer);
        return this;
    }

    /**
     * Bots started from now on reach Redis through a {@link DelayingProxy}, so a test can make Redis slow
     * with {@code redisProxy().delay(…)}.
     */
    public BotHarness redisThroughProxy() {
        if (redisProxy == null) {
            redisProxy = DelayingProxy.to(redis.port());
        }
        return this;
    }

    /** The proxy between the bots and Redis ({@link #redisThroughProxy()}). */
    DelayingProxy redisProxy() {
        if (redisProxy == null) {
            throw new IllegalStateException("call redisThroughProxy() before starting the bot");
        }
        return redisProxy;
    }

    /** Starts one more bot instance on the same Redis, simulator and clock. */
    public ConfigurableApplicationContext startBot() {
        return startBot(Map.of());
    }

    /**
     * Starts one more bot instance with properties of its own on top of the harness's (e.g. the shards it
     * runs: two processes on one simulator and one Redis).
     */
    public ConfigurableApplicationContext startBot(Map<String, ?> own) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("drill.discord.token", sim.botToken());
        properties.put("drill.discord.rest-url", sim.restBaseUrl());
        properties.put("drill.discord.gateway-url", sim.gatewayUrl());
        properties.put("spring.data.redis.url", redisProxy == null ? redis.url() : redisProxy.url(redis.password()));
        properties.put("drill.management.port", "0");
        // The test moves the clock and runs due work itself.
        properties.put("drill.scheduler.tick", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.putAll(extraProperties);
        properties.putAll(own);
        // As command-line arguments: they win over application.yaml and the environment.
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        List<ApplicationContextInitializer<?>> initializers = new ArrayList<>();
        initializers.add(c -> c.getBeanFactory().registerSingleton("clock", (Clock) clock));
        initializers.addAll(extraInitializers);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(DrillApplication.class)
                .initializers(initializers.toArray(ApplicationContextInitializer<?>[]::new))
                .run(args);
        bots.add(context);
        return context;
    }

    /** Stops every bot (as a crash or a deploy would) and starts one again, on the same Redis and simulator. */
    public void restartBot() {
        stopBots();
        startBot();
    }

    /** Stops one bot (as a crash or a deploy of that process would); the others go on. */
    public void stopBot(ConfigurableApplicationContext bot) {
        bots.remove(bot);
        bot.close();
    }

    public void stopBots() {
        bots.forEach(ConfigurableApplicationContext::close);
        bots.clear();
    }

    /** Stops Redis and starts it again from its own files (AOF). */
    public void restartRedis() {
        redis.stop();
        redis.start();
    }

    /** Kills Redis at once (SIGKILL, no fsync), as a crash would; {@link #startRedis()} brings it back. */
    public void killRedis() {
        redis.kill();
    }

    public void stopRedis() {
        redis.stop();
    }

    public void startRedis() {
        redis.start();
    }

    /** Runs every bot's due work, as the background tick would, once the member events handed over are handled. */
    public void tick() {
        settleEvents();
        for (ConfigurableApplicationContext bot : List.copyOf(bots)) {
            bot.getBean(RoundScheduler.class).tick();
        }
    }

    /**
     * Waits until every bot has handled the member events its gateway handed to {@link EventLanes}: a test's
     * next step (a tick that closes the round) then sees them, as it did when the gateway thread wrote them.
     */
    public void settleEvents() {
        for (ConfigurableApplicationContext bot : List.copyOf(bots)) {
            if (!bot.getBean(EventLanes.class).settle(DiscordSimulator.DEFAULT_TIMEOUT)) {
                throw new IllegalStateException("a bot did not handle its member events within "
                        + DiscordSimulator.DEFAULT_TIMEOUT.toSeconds() + " s");
            }
        }
    }

    /**
     * Runs every bot's due work at the same moment, each on its own thread released together, as instances
     * on separate machines would; returns when all are done and rethrows the first failure.
     */
    public void tickConcurrently() {
        settleEvents();
        List<ConfigurableApplicationContext> running = List.copyOf(bots);
        CyclicBarrier start = new CyclicBarrier(running.size());
        // One thread per bot, not a shared pool: a busy pool could run the ticks one after the other.
        ExecutorService threads = Executors.newFixedThreadPool(running.size());
        try {
            List<CompletableFuture<Void>> ticks = running.stream()
                    .map(bot -> CompletableFuture.runAsync(
                            () -> {
                                try {
                                    start.await(10, TimeUnit.SECONDS);
                                } catch (Exception e) {
                                    throw new IllegalStateException("the bots did not start their ticks together", e);
                                }
                                bot.getBean(RoundScheduler.class).tick();
                            },
                            threads))
                    .toList();
            CompletableFuture.allOf(ticks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a bot's tick failed", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("the bots' ticks did not finish", e);
        } finally {
            threads.shutdownNow();
        }
    }

    public void advance(Duration duration) {
        clock.advance(duration);
        tick();
    }

    public void clock(Instant instant) {
        clock.set(instant);
        tick();
    }

    public MutableClock clock() {
        return clock;
    }

    public DiscordSimulator sim() {
        return sim;
    }

    public SimGuild guild() {
        return sim.guild();
    }

    public String dailyDrill() {
        return sim.guild().dailyDrillId();
    }

    public Actor as(String member) {
        return sim.as(member);
    }

    public <T> T bean(Class<T> type) {
        return bots.get(0).getBean(type);
    }

    /** The Redis the bots share, as they see it. */
    public StringRedisTemplate redis() {
        return bean(StringRedisTemplate.class);
    }

    /** The question a guild's round of a local date was given, read from Redis as the bot stored it. */
    public Question roundQuestion(String guildId, String date) {
        Object id = redis().opsForHash().get(Keys.round(Long.parseLong(guildId), date), "question");
        if (id == null) {
            throw new AssertionError("guild " + guildId + " has no round " + date + " in Redis");
        }
        return bean(QuestionBank.class).byId(id.toString()).orElseThrow();
    }

    public List<ConfigurableApplicationContext> bots() {
        return bots;
    }

    /** Runs {@code /<command>} as a member in #daily-drill and waits for the bot's first answer. */
    public SimResponse command(String member, String command, Map<String, ?> options) {
        SimInteraction interaction = as(member).slash(dailyDrill(), command, options);
        return awaitAnswer(interaction);
    }

    public SimResponse command(String member, String command) {
        return command(member, command, Map.of());
    }

    /** Runs {@code /<command>} as a member in any channel (of any guild) and waits for the bot's first answer. */
    public SimResponse commandIn(String channelId, String member, String command, Map<String, ?> options) {
        return awaitAnswer(as(member).slash(channelId, command, options));
    }

    /**
     * Waits for the first response that carries a message: a reply, or the edit/follow-up after a deferral.
     */
    public SimResponse awaitAnswer(SimInteraction interaction) {
        return sim.awaitResponse(interaction, r -> r.message() != null, DiscordSimulator.DEFAULT_TIMEOUT);
    }

    /**
     * Waits until the bot has handled the gateway events sent so far: its socket delivers in order, so once a
     * /drill help sent now is answered, what came before it (a GUILD_DELETE, a CHANNEL_UPDATE) is in JDA's
     * cache, and the member events before it have been handed to the bot's event lanes, which this then waits
     * for. Use it after changing the world behind the bot's back and before a tick that depends on it.
     */
    public void awaitGatewayHandled() {
        awaitAnswer(as("alice").slash(dailyDrill(), "drill help"));
        settleEvents();
    }

    /** Waits for a message by the bot in a channel or thread. */
    public SimMessage awaitBotMessage(String channelId, Predicate<SimMessage> predicate) {
        String bot = sim.botUser().id();
        return sim.awaitMessage(channelId, m -> m.authorId().equals(bot) && predicate.test(m));
    }

    /**
     * Moves the clock to {@code at}, when a round is due, and returns the thread of the question the bot posted
     * then (it waits for both).
     */
    public SimChannel openRound(Instant at) {
        clock(at);
        SimMessage post = awaitBotMessage(
                dailyDrill(),
                m -> !m.embeds().isEmpty()
                        && m.embedTitles().get(0).startsWith("Daily drill")
                        && m.timestamp().equals(at));
        return sim.awaitThread(dailyDrill(), t -> t.id().equals(post.id()), Duration.ofSeconds(10));
    }

    /** Sets up the standard schedule: #daily-drill at 09:00 Berlin, Monday to Friday. */
    public SimResponse setUpDailyDrill() {
        return command(
                "admin",
                "drill-admin setup",
                Map.of("channel", dailyDrill(), "time", "09:00", "timezone", "Europe/Berlin"));
    }

    /** The first bot's management endpoint, e.g. {@code management("/actuator/health")}: status and body. */
    public Management management(String path) {
        String port = bots.get(0).getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Management(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("management endpoint " + path + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer of the management port. */
    public record Management(int status, String body) {}

    @Override
    public void close() {
        try {
            stopBots();
        } finally {
            try {
                sim.close();
            } finally {
                try {
                    if (redisProxy != null) {
                        redisProxy.close();
                    }
                    redis.stop();
                } finally {
                    TempDirs.delete(redisDir);
                }
            }
        }
    }
}
