package dev.drill.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated Discord's state and its one monitor: guilds, channels, threads, messages, interactions and
 * commands, plus the dispatch of every change to the gateway and the log the tests observe.
 *
 * <p>The rules live in the parts it wires up: {@link SimFixture}, {@link GatewayPayloads}, {@link BotRest},
 * {@link InteractionRest}, {@link Messaging}, {@link Members} and {@link Observations}. Each entry point of a
 * part runs under this object's monitor (as Gateway and RestApi do), so a change and the dispatch behind it are
 * one step, there is one lock to take and none to order, and every change wakes the tests' awaits.
 */
final class SimWorld {

    static final long ADD_REACTIONS = 1L << 6;
    static final long MANAGE_GUILD = 1L << 5;
    static final long VIEW_CHANNEL = 1L << 10;
    static final long SEND_MESSAGES = 1L << 11;
    static final long MANAGE_MESSAGES = 1L << 13;
    static final long EMBED_LINKS = 1L << 14;
    static final long READ_MESSAGE_HISTORY = 1L << 16;
    static final long USE_APPLICATION_COMMANDS = 1L << 31;
    static final long MANAGE_ROLES = 1L << 28;
    static final long MANAGE_THREADS = 1L << 34;
    static final long CREATE_PUBLIC_THREADS = 1L << 35;
    static final long CREATE_PRIVATE_THREADS = 1L << 36;
    static final long SEND_MESSAGES_IN_THREADS = 1L << 38;

    final MutableClock clock;
    final Snowflakes ids;
    final String token;
    final String applicationId;
    final SimUser bot;

    // The state below is read and changed only under this object's monitor (the listeners list aside).
    final Map<String, SimUser> usersByName = new LinkedHashMap<>();
    final Map<String, SimUser> usersById = new LinkedHashMap<>();
    final Map<String, SimGuild> guilds = new LinkedHashMap<>();
    final Set<String> guildsWithoutBot = new HashSet<>();
    final Map<String, SimChannel> channels = new LinkedHashMap<>();
    final Set<String> deletedChannels = new HashSet<>();
    /** The bot's DM channel with each user, by user id; also in {@link #channels}. */
    final Map<String, SimChannel> dmChannels = new LinkedHashMap<>();
    /** The members the bot added to each thread (PUT thread-members), by thread id. */
    final Map<String, Set<String>> threadMembers = new LinkedHashMap<>();

    final Map<String, SimMessage> messages = new LinkedHashMap<>();
    /** Files members attached to commands, by attachment id, served under {@link #cdnBase}. */
    final Map<String, SimAttachment> uploads = new LinkedHashMap<>();
    /** Users whose DMs are closed to the bot (Discord answers 50007 to a message there). */
    final Set<String> closedDms = new HashSet<>();
    /** Where the simulated CDN serves member uploads: {@code <rest server>/attachments/}. */
    volatile String cdnBase = "https://cdn.discord.local/attachments/";

    final Map<String, NonceUse> nonces = new LinkedHashMap<>();
    final Map<String, InteractionState> interactions = new LinkedHashMap<>();
    final Map<String, ArrayNode> commands = new LinkedHashMap<>();
    final List<RecordedRequest> requests = new ArrayList<>();
    final List<DispatchedEvent> events = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    /** Copy-on-write because tests register listeners from their own thread, outside the monitor. */
    final List<Consumer<SimMessage>> botMessageListeners = new CopyOnWriteArrayList<>();
    /** Roles the bot gave members, by {@code <guild>/<user>}. */
    final Map<String, Set<String>> memberRoles = new HashMap<>();
    /** Permissions granted to the bot's role beyond its invite's, by guild. */
    final Map<String, Long> botRoleExtra = new HashMap<>();
    /** Every role the bot gave or took, in order. */
    final List<RoleChange> roleChanges = new ArrayList<>();

    final List<Consumer<RoleChange>> roleListeners = new CopyOnWriteArrayList<>();

    private Gateway gateway;
    private MemberEvent lastMemberEvent;

    final SimFixture fixture;
    final GatewayPayloads payloads;
    final Messaging messaging;
    final BotRest botRest;
    final InteractionRest interactionRest;
    final Members members;
    final Observations observations;

    /** A message the bot sent with a nonce, kept so that a retry within the window gets the same message. */
    record NonceUse(String messageId, Instant at) {}

    private record MemberEvent(String type, ObjectNode payload, String guildId) {}

    SimWorld(MutableClock clock) {
        this.clock = clock;
        this.ids = new Snowflakes(clock);
        this.applicationId = ids.next();
        this.bot = new SimUser(applicationId, "Drill", true);
        this.token = "sim." + UUID.randomUUID();
        this.fixture = new SimFixture(this);
        this.payloads = new GatewayPayloads(this);
        this.messaging = new Messaging(this);
        this.botRest = new BotRest(this);
        this.interactionRest = new InteractionRest(this);
        this.members = new Members(this);
        this.observations = new Observations(this);
        fixture.populate();
    }

    void attach(Gateway gateway) {
        this.gateway = gateway;
    }

    /** The gateway, null until attached (the fixture guild is made before there is one). */
    Gateway gateway() {
        return gateway;
    }

    // ---------------------------------------------------------------- lookups

    SimUser user(String nameOrId) {
        SimUser user = usersByName.get(nameOrId.toLowerCase());
        if (user == null) {
            user = usersById.get(nameOrId);
        }
        if (user == null) {
            throw new IllegalArgumentException("no user " + nameOrId + "; known: " + usersByName.keySet());
        }
        return user;
    }

    SimGuild requireGuild(String guildId) {
        SimGuild guild = guilds.get(guildId);
        if (guild == null) {
            throw new IllegalArgumentException("no guild " + guildId);
        }
        return guild;
    }

    SimChannel requireChannel(String channelId) {
        SimChannel channel = channels.get(channelId);
        if (channel == null || deletedChannels.contains(channelId)) {
            throw new IllegalArgumentException("no channel " + channelId);
        }
        return channel;
    }

    SimMessage requireMessage(String messageId) {
        SimMessage message = messages.get(messageId);
        if (message == null) {
            throw new IllegalArgumentException("no message " + messageId);
        }
        return message;
    }

    List<SimChannel> guildChannels(String guildId) {
        return channels.values().stream()
                .filter(c -> guildId.equals(c.guildId()) && !deletedChannels.contains(c.id()))
                .toList();
    }

    /** IDENTIFYs the gateway accepted so far. */
    int identifies() {
        return gateway == null ? 0 : gateway.identifies();
    }

    boolean isGatewayGuild(String guildId) {
        return !guildsWithoutBot.contains(guildId);
    }

    Collection<SimGuild> botGuilds() {
        return guilds.values().stream().filter(g -> isGatewayGuild(g.id())).toList();
    }

    // ---------------------------------------------------------------- dispatch, faults, logs

    /** Sends an event to the gateway and logs it; called under the monitor, by the parts' entry points. */
    void dispatch(String type, ObjectNode payload, String guildId) {
        if (guildId != null && !isGatewayGuild(guildId)) {
            changed();
            return; // the bot left that guild: its gateway hears nothing from it
        }
        long seq = gateway == null ? 0 : gateway.dispatch(type, payload, guildId);
        events.add(new DispatchedEvent(seq, type, payload.deepCopy(), clock.instant()));
        changed();
    }

    /** Like {@link #dispatch}, remembering the event for {@link #redeliverLast()}: Discord redelivers these. */
    void dispatchMember(String type, ObjectNode payload, String guildId) {
        lastMemberEvent = new MemberEvent(type, payload.deepCopy(), guildId);
        dispatch(type, payload, guildId);
    }

    synchronized void redeliverLast() {
        if (lastMemberEvent == null) {
            throw new IllegalStateException("no member event to redeliver yet");
        }
        dispatch(lastMemberEvent.type(), lastMemberEvent.payload().deepCopy(), lastMemberEvent.guildId());
    }

    /** Logged by the gateway for its own handshake dispatches (READY, GUILD_CREATE, RESUMED). */
    synchronized void logEvent(DispatchedEvent event) {
        events.add(event);
        changed();
    }

    synchronized void logRequest(RecordedRequest request) {
        requests.add(request);
        changed();
    }

    synchronized void problem(String problem) {
        problems.add(problem);
        changed();
    }

    synchronized void changed() {
        notifyAll();
    }

    /** Waits (no sleeping: the monitor is woken by every change) until {@code probe} finds something. */
    synchronized <T> T await(Duration timeout, Supplier<String> what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what.get());
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what.get(), e);
            }
        }
    }
}
