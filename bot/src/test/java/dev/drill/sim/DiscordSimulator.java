package dev.drill.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A small local Discord for tests and the playground: REST under /api/v10 and a gateway WebSocket that a
 * real JDA client talks to, a fixture guild with members to act as, observations, awaits and faults.
 *
 * <p>Fixture: guild "Practice Team" with #daily-drill and #general; members alice, bob, carol and admin
 * (Manage Server through the Team Lead role); the bot (role with the invite's permissions); otherbot.
 */
public final class DiscordSimulator implements AutoCloseable {

    /** How long the convenience awaits wait: generous, because a timeout only ever ends a failing test. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final SimWorld world;
    private final Gateway gateway;
    private final RestApi rest;
    private final SimGuild fixtureGuild;

    private DiscordSimulator(MutableClock clock) {
        this.world = new SimWorld(clock);
        this.fixtureGuild = world.observations.guilds().get(0);
        this.gateway = new Gateway(world);
        world.attach(gateway);
        gateway.startAndWait();
        this.rest = new RestApi(world, DiscordSpec.load(), gateway.url());
        rest.start();
        world.cdnBase = rest.baseUrl().replace("/api/v10/", RestApi.CDN);
        // Switches for a whole test run, e.g. -Ddrill.sim.rateLimits=true to see whether the suite stays green.
        rateLimits(Boolean.getBoolean("drill.sim.rateLimits"));
        latency(Duration.ofMillis(Long.getLong("drill.sim.latencyMillis", 0L)));
    }

    /** Starts REST and gateway on free 127.0.0.1 ports; ids are minted from {@code clock}. */
    public static DiscordSimulator start(MutableClock clock) {
        return new DiscordSimulator(clock);
    }

    /** e.g. http://127.0.0.1:41234/api/v10/ — for {@code RestConfig#setBaseUrl}. */
    public String restBaseUrl() {
        return rest.baseUrl();
    }

    /** e.g. ws://127.0.0.1:41235/ — for a {@code SessionController#getGateway()}. */
    public String gatewayUrl() {
        return gateway.url();
    }

    public String botToken() {
        return world.token;
    }

    public String applicationId() {
        return world.applicationId;
    }

    public SimUser botUser() {
        return world.bot;
    }

    public MutableClock clock() {
        return world.clock;
    }

    @Override
    public void close() {
        rest.stop();
        gateway.shutdown();
    }

    // ---------------------------------------------------------------- rate limits, latency, shards

    /**
     * Discord's rate limits on (off by default; {@code -Ddrill.sim.rateLimits=true} turns them on for every
     * simulator): at most {@value RateLimits#GLOBAL_PER_SECOND} requests in any second (wall clock) for the bot,
     * interaction callbacks and follow-ups on an interaction token exempt, else 429 with {@code global: true};
     * per-route buckets by route and major parameter (channel, guild, webhook), e.g. 5 messages per 5 s per
     * channel, else 429 with {@code global: false}; every answer then carries the X-RateLimit-* headers.
     */
    public DiscordSimulator rateLimits(boolean on) {
        rest.rateLimits.enabled(on);
        return this;
    }

    public boolean rateLimitsOn() {
        return rest.rateLimits.enabled();
    }

    /**
     * How long every REST answer takes (default zero; {@code -Ddrill.sim.latencyMillis=50}): the request is
     * handled at once and answered after this delay, without holding a server thread, so a thousand requests
     * can wait at the same time.
     */
    public DiscordSimulator latency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("negative latency " + latency);
        }
        rest.latencyNanos = latency.toNanos();
        return this;
    }

    /** For the simulator's own tests: the wall clock (epoch millis) that the rate limits count by. */
    void rateLimitClock(java.util.function.LongSupplier epochMillis) {
        rest.rateLimits.wallClock(epochMillis);
    }

    /** Discord's recommended shard count, as GET /gateway/bot answers it (default 1). */
    public DiscordSimulator shards(int recommended) {
        if (recommended < 1) {
            throw new IllegalArgumentException("shards must be at least 1: " + recommended);
        }
        rest.recommendedShards = recommended;
        return this;
    }

    /** GET /gateway/bot's session_start_limit.max_concurrency (default 1, as for a small bot). */
    public DiscordSimulator maxConcurrency(int identifiesPer5Seconds) {
        rest.maxConcurrency = identifiesPer5Seconds;
        return this;
    }

    /** The shard a guild's events go to: {@code (guild_id >> 22) % total}. */
    public static int shardOf(String guildId, int total) {
        return Snowflakes.shardOf(guildId, total);
    }

    /** [shard id, total] of every gateway session with an open socket; an unsharded one is [0, 1]. */
    public List<List<Integer>> liveShards() {
        return gateway.liveShards();
    }

    /** IDENTIFYs the gateway accepted so far (RESUMEs not counted). */
    public int identifies() {
        return world.identifies();
    }

    /** REST requests received since the last {@link #resetCounters()}, by "METHOD /route/{template}", 429s included. */
    public Map<String, Long> requestCountsByRoute() {
        return rest.rateLimits.received();
    }

    /** All REST requests received on known routes since the last {@link #resetCounters()}, 429s included. */
    public long requestsReceived() {
        return requestCountsByRoute().values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** 429s sent for the global limit since the last {@link #resetCounters()}. */
    public long globalRateLimited() {
        return rest.rateLimits.globalLimited();
    }

    /** 429s sent for per-route buckets since the last {@link #resetCounters()}. */
    public long routeRateLimited() {
        return rest.rateLimits.routeLimited();
    }

    /** 429s of either kind (global or per-route) by "METHOD /route/{template}". */
    public Map<String, Long> rateLimitedByRoute() {
        return rest.rateLimits.limitedByRoute();
    }

    /**
     * The most requests bound by the global limit (everything but interaction callbacks and follow-ups) that
     * the simulator let through in any one-second window of the wall clock, limits on or off.
     */
    public int peakRequestsPerSecond() {
        return rest.rateLimits.peakPerSecond();
    }

    /** Zeroes the request and 429 counters (not the buckets: Discord's windows run on). */
    public void resetCounters() {
        rest.rateLimits.resetCounters();
    }

    // ---------------------------------------------------------------- fixture

    /** The fixture guild "Practice Team". */
    public SimGuild guild() {
        return fixtureGuild;
    }

    public List<SimGuild> guilds() {
        return world.observations.guilds();
    }

    /**
     * Adds a guild shaped like the fixture (same users, roles, two channels); a connected bot gets GUILD_CREATE.
     * The n-th guild (the fixture's is 0) lands on shard n % total for 1, 2, 3, 4, 6 or 12 shards.
     */
    public SimGuild addGuild(String name) {
        return world.fixture.addGuild(name);
    }

    /** Adds a guild like {@link #addGuild(String)} whose id puts it on shard {@code shard} of {@code totalShards}. */
    public SimGuild addGuild(String name, int shard, int totalShards) {
        return world.fixture.addGuild(name, shard, totalShards);
    }

    /** The bot is kicked: GUILD_DELETE, then its REST calls on that guild's channels answer 403 Missing Access. */
    public void removeBotFrom(SimGuild guild) {
        world.fixture.removeBotFrom(guild.id());
    }

    /** The bot is back in a guild that removed it: GUILD_CREATE to its sessions, and its REST calls work again. */
    public void addBotBack(SimGuild guild) {
        synchronized (world) {
            world.guildsWithoutBot.remove(guild.id());
            if (world.gateway() != null) {
                world.gateway().guildJoined(guild.id());
            }
        }
    }

    /** Grants the bot's role more permission bits (e.g. {@link #MANAGE_ROLES}): GUILD_ROLE_UPDATE. */
    public void grantBot(SimGuild guild, long permissionBits) {
        world.fixture.grantBot(guild, permissionBits);
    }

    /** Manage Roles, the permission to give and take roles below the bot's own. */
    public static final long MANAGE_ROLES = SimWorld.MANAGE_ROLES;

    /** The roles the bot gave and took, in order. */
    public List<RoleChange> roleChanges() {
        synchronized (world) {
            return List.copyOf(world.roleChanges);
        }
    }

    /** Called with each role the bot gives or takes, on the simulator's thread. */
    public void onRoleChange(Consumer<RoleChange> listener) {
        world.roleListeners.add(listener);
    }

    /** CHANNEL_DELETE (THREAD_DELETE for a thread), then 404 Unknown Channel (10003) on its routes. */
    public void deleteChannel(String channelId) {
        world.fixture.deleteChannel(channelId);
    }

    /**
     * Denies the bot permission bits in a channel through a member overwrite (CHANNEL_UPDATE); its threads
     * inherit it, and REST enforces it with 403 Missing Permissions (50013).
     */
    public void denyBot(String channelId, long permissionBits) {
        world.fixture.denyBot(channelId, permissionBits);
    }

    public SimUser user(String name) {
        return world.user(name);
    }

    /** The member (alice, bob, carol, admin) or otherbot to act as. */
    public Actor as(String name) {
        return new Actor(world.members, world.user(name));
    }

    // ---------------------------------------------------------------- observations

    /** Every message in a channel or thread, oldest first, including ephemeral replies (see {@link SimMessage#ephemeral()}). */
    public List<SimMessage> messages(String channelId) {
        return world.observations.messagesIn(channelId);
    }

    /** Messages the bot sent in a channel or thread, oldest first. */
    public List<SimMessage> botMessages(String channelId) {
        return messages(channelId).stream()
                .filter(m -> m.authorId().equals(world.bot.id()))
                .toList();
    }

    public Optional<SimMessage> message(String messageId) {
        return world.observations.message(messageId);
    }

    public Optional<SimChannel> channel(String channelId) {
        return world.observations.channel(channelId);
    }

    public List<SimChannel> threads(String parentChannelId) {
        return world.observations.threadsOf(parentChannelId);
    }

    /** The members the bot added to a thread (the bot itself first, for a thread it created without a message). */
    public List<String> threadMembers(String threadId) {
        synchronized (world) {
            return List.copyOf(world.threadMembers.getOrDefault(threadId, java.util.Set.of()));
        }
    }

    /** Adds a member (not a bot) to every guild, announced with GUILD_MEMBER_ADD when the bot is connected. */
    public SimUser addMember(String name) {
        return world.fixture.addMember(name);
    }

    public List<SimResponse> responses(SimInteraction interaction) {
        return world.observations.responses(interaction.id());
    }

    /** The commands registered for a guild (as stored, with ids). */
    public JsonNode commands(SimGuild guild) {
        return world.observations.commands(guild.id());
    }

    public JsonNode globalCommands() {
        return world.observations.commands(null);
    }

    /**
     * Adds (or replaces by name and type) one global command as if an earlier registration had made it,
     * e.g. a subcommand an older deploy of the bot had. Discord keeps offering it until the bot's next bulk
     * overwrite; members can then run it with {@link Actor#slash}. Returns it as stored, with its id.
     */
    public JsonNode addGlobalCommand(JsonNode command) {
        return world.members.addGlobalCommand(command);
    }

    /** The bot's DM channel with a member (type 1), opened if it was not yet; its id, for {@link #messages}. */
    /** The member closes their DMs: the bot's messages there are refused with 50007, as Discord does. */
    public void closeDms(String member) {
        synchronized (world) {
            world.closedDms.add(world.user(member).id());
        }
    }

    public String dmChannel(String member) {
        return world.members.dmChannel(world.user(member)).id();
    }

    public List<RecordedRequest> requests() {
        return world.observations.requests();
    }

    /** Requests whose method matches and whose path (relative to /api/v10, e.g. /channels/1/messages) matches the regex. */
    public List<RecordedRequest> requests(String method, String pathRegex) {
        Pattern pattern = Pattern.compile(pathRegex);
        return requests().stream()
                .filter(r -> r.method().equalsIgnoreCase(method)
                        && pattern.matcher(r.path()).matches())
                .toList();
    }

    public List<DispatchedEvent> events() {
        return world.observations.events();
    }

    public List<DispatchedEvent> events(String type) {
        return events().stream().filter(e -> e.type().equals(type)).toList();
    }

    /** Unknown routes, bodies that violate Discord's spec, and other things real Discord would have refused. */
    public List<String> problems() {
        return world.observations.problems();
    }

    public void assertNoProblems() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new AssertionError("the simulated Discord saw " + problems.size() + " problem(s):\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    /**
     * Calls {@code listener} with every message the bot creates or edits (ephemeral ones too), as it happens;
     * an edit has {@link SimMessage#editedTimestamp()} set. It runs inside the simulator: keep it quick.
     */
    public void onBotMessage(Consumer<SimMessage> listener) {
        world.messaging.onBotMessage(listener);
    }

    // ---------------------------------------------------------------- waiting (no sleeps)

    /** Waits until {@code probe} returns a value; woken by every change in the simulator. */
    public <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
        return world.await(timeout, () -> what, probe);
    }

    public SimMessage awaitMessage(String channelId, Predicate<SimMessage> predicate, Duration timeout) {
        return world.await(
                timeout,
                () -> "a matching message in " + channelId + "; it has " + describe(channelId),
                () -> messages(channelId).stream().filter(predicate).findFirst());
    }

    public SimMessage awaitMessage(String channelId, Predicate<SimMessage> predicate) {
        return awaitMessage(channelId, predicate, DEFAULT_TIMEOUT);
    }

    public SimChannel awaitThread(String parentChannelId, Predicate<SimChannel> predicate, Duration timeout) {
        return world.await(
                timeout,
                () -> "a matching thread under " + parentChannelId + "; threads: " + threads(parentChannelId),
                () -> threads(parentChannelId).stream().filter(predicate).findFirst());
    }

    /** Waits for the first response of the bot to an interaction (reply, defer, update, …). */
    public SimResponse awaitResponse(SimInteraction interaction) {
        return awaitResponse(interaction, r -> true, DEFAULT_TIMEOUT);
    }

    public SimResponse awaitResponse(SimInteraction interaction, Predicate<SimResponse> predicate, Duration timeout) {
        return world.await(
                timeout,
                () -> "a matching response to " + interaction.name() + "; got " + responses(interaction)
                        + expiryHint(interaction),
                () -> responses(interaction).stream().filter(predicate).findFirst());
    }

    /** Waits for a request; handy to know that the bot did (or tried) something. */
    public RecordedRequest awaitRequest(String method, String pathRegex, Duration timeout) {
        return world.await(
                timeout,
                () -> method + " " + pathRegex,
                () -> requests(method, pathRegex).stream().findFirst());
    }

    // ---------------------------------------------------------------- faults

    /** Dispatches the last member-caused event again, with a new sequence number, as Discord sometimes does. */
    public void redeliverLast() {
        world.redeliverLast();
    }

    /**
     * Cuts the gateway socket. Resumable: JDA resumes (op 6) and gets what it missed replayed; otherwise its
     * RESUME gets INVALID_SESSION and it identifies anew (READY, GUILD_CREATE again).
     */
    public void dropConnection(boolean resumable) {
        gateway.dropConnections(resumable);
    }

    /**
     * Discord unreachable (true): every REST request's connection is closed without an answer, as a network
     * outage or DNS failure looks to a client. False: back to normal.
     */
    public void unreachable(boolean unreachable) {
        rest.unreachable = unreachable;
    }

    /**
     * Whether the application may use the privileged Message Content intent; false as when its switch in the
     * developer portal is off: an IDENTIFY that asks for it is closed with 4014 (disallowed intents).
     */
    public void allowMessageContent(boolean allowed) {
        gateway.messageContentAllowed = allowed;
    }

    public boolean gatewayConnected() {
        return gateway.hasLiveSession();
    }

    /** Drops every fault not yet used up: Discord answers normally again. */
    public void clearFaults() {
        rest.clearFaults();
    }

    /** Answers the next {@code times} requests matching method and path regex (relative to /api/v10) with a fault. */
    public void failNext(String method, String pathRegex, int times, RestFault fault) {
        rest.failNext(method, pathRegex, times, fault);
    }

    /** JDA refuses hook calls (edit original, follow-ups) by the wall clock; say so when that explains a timeout. */
    private static String expiryHint(SimInteraction interaction) {
        Instant created = Snowflakes.timeOf(interaction.id());
        return created.plus(Duration.ofMinutes(15)).isBefore(Instant.now())
                ? " (the simulated clock, " + created + ", lags the wall clock by more than 15 minutes: JDA takes"
                        + " the interaction for expired and refuses follow-ups and edits; start the clock later)"
                : "";
    }

    private String describe(String channelId) {
        return messages(channelId).stream()
                .map(m -> world.user(m.authorId()).name() + ": " + m.content())
                .toList()
                .toString();
    }
}
