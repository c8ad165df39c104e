package dev.drill.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated gateway: HELLO, IDENTIFY → READY + one GUILD_CREATE per guild of the session's shard,
 * heartbeats, dispatches (each to the sessions of its guild's shard) with rising sequence numbers, and
 * RESUME with replay of what a dropped session missed. Session state
 * is guarded by the world's monitor, so a dispatch and the state change behind it are one step.
 */
final class Gateway extends WebSocketServer {

    static final int HEARTBEAT_INTERVAL_MILLIS = 41_250;
    /** How many dispatches a session keeps for RESUME; like Discord's, the buffer is bounded. */
    private static final int REPLAY_BUFFER = 5_000;

    private static final int GUILDS = 1;
    private static final int GUILD_MESSAGES = 1 << 9;
    private static final int GUILD_MESSAGE_REACTIONS = 1 << 10;
    private static final int DIRECT_MESSAGES = 1 << 12;
    private static final int DIRECT_MESSAGE_REACTIONS = 1 << 13;
    private static final int MESSAGE_CONTENT = 1 << 15;

    private final SimWorld world;
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;
    private final AtomicInteger identifies = new AtomicInteger();

    /**
     * One identified session: its shard, what it was sent (for RESUME) and the socket it is on, if any. A
     * session without a shard (or shard [0, 1]) hears every guild.
     */
    private static final class Session {
        final String id = UUID.randomUUID().toString().replace("-", "");
        final int intents;
        final int shardId;
        final int shardTotal;
        final List<Frame> sent = new ArrayList<>();
        long seq;
        WebSocket socket;

        Session(int intents, int shardId, int shardTotal, WebSocket socket) {
            this.intents = intents;
            this.shardId = shardId;
            this.shardTotal = shardTotal;
            this.socket = socket;
        }

        /** Discord's rule: a guild's events go to shard (guild_id >> 22) % total; DMs (no guild) to shard 0. */
        boolean hears(String guildId) {
            if (shardTotal <= 1) {
                return true;
            }
            return guildId == null ? shardId == 0 : Snowflakes.shardOf(guildId, shardTotal) == shardId;
        }
    }

    private record Frame(long seq, String text) {}

    Gateway(SimWorld world) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.world = world;
        setReuseAddr(true);
        setTcpNoDelay(true);
        setConnectionLostTimeout(0); // JDA heartbeats itself; the simulator never pings
    }

    void startAndWait() {
        setDaemon(true);
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS) || startFailure != null) {
                throw new IllegalStateException("gateway did not start", startFailure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "ws://127.0.0.1:" + getPort() + "/";
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onError(WebSocket socket, Exception e) {
        if (socket == null) {
            startFailure = e;
            started.countDown();
        } else if (!(e instanceof IOException)) {
            // A client that goes away mid-frame is the network's business; anything else is a simulator bug.
            world.problem("gateway error: " + e);
        }
    }

    /** The privileged Message Content intent (1 << 15), which an application must have turned on in the portal. */
    private static final int MESSAGE_CONTENT_INTENT = 1 << 15;

    /** False as for an application whose Message Content switch is off: IDENTIFY with it gets close code 4014. */
    volatile boolean messageContentAllowed = true;

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        String resource = handshake.getResourceDescriptor();
        if (!resource.contains("encoding=json") || !resource.contains("v=10") || resource.contains("compress=")) {
            world.problem("gateway opened as " + resource + "; expected ?encoding=json&v=10 without compression");
        }
        send(socket, hello());
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
        JsonNode frame = Json.parse(text);
        switch (frame.path("op").asInt(-1)) {
            case 1 -> send(socket, op(11, null));
            case 2 -> identify(socket, frame.path("d"));
            case 6 -> resume(socket, frame.path("d"));
            case 3, 4, 8 -> {} // presence, voice state, member chunks: nothing to simulate
            default -> world.problem("gateway got unknown frame " + text);
        }
    }

    private void identify(WebSocket socket, JsonNode d) {
        synchronized (world) {
            if (!world.token.equals(d.path("token").asString(""))) {
                socket.close(4004, "Authentication failed.");
                return;
            }
            if (!messageContentAllowed && (d.path("intents").asInt(0) & MESSAGE_CONTENT_INTENT) != 0) {
                socket.close(4014, "Disallowed intent(s).");
                return;
            }
            JsonNode shard = d.path("shard");
            int shardId = shard.isArray() ? shard.path(0).asInt(-1) : 0;
            int shardTotal = shard.isArray() ? shard.path(1).asInt(0) : 1;
            if (shardTotal < 1 || shardId < 0 || shardId >= shardTotal) {
                socket.close(4010, "Invalid shard.");
                return;
            }
            identifies.incrementAndGet();
            Session session = new Session(d.path("intents").asInt(0), shardId, shardTotal, socket);
            socket.setAttachment(session);
            sessions.put(session.id, session);
            List<SimGuild> guilds = world.botGuilds().stream()
                    .filter(g -> session.hears(g.id()))
                    .toList();
            ObjectNode ready = world.payloads.readyPayload(session.id, url(), guilds);
            if (shard.isArray()) {
                ready.putArray("shard").add(shardId).add(shardTotal);
            }
            sendDispatch(session, "READY", ready, true);
            for (SimGuild guild : guilds) {
                sendDispatch(session, "GUILD_CREATE", world.payloads.guildCreatePayload(guild.id()), true);
            }
        }
    }

    private void resume(WebSocket socket, JsonNode d) {
        synchronized (world) {
            Session session = sessions.get(d.path("session_id").asString(""));
            if (session == null || !world.token.equals(d.path("token").asString(""))) {
                send(socket, op(9, Json.MAPPER.getNodeFactory().booleanNode(false)));
                return;
            }
            long last = d.path("seq").asLong();
            if (!session.sent.isEmpty() && session.sent.get(0).seq() > last + 1) {
                sessions.remove(session.id); // missed more than the buffer holds: only a new session helps
                send(socket, op(9, Json.MAPPER.getNodeFactory().booleanNode(false)));
                return;
            }
            session.socket = socket;
            socket.setAttachment(session);
            session.sent.stream().filter(f -> f.seq() > last).forEach(f -> socket.send(f.text()));
            ObjectNode resumed = Json.object();
            resumed.putArray("_trace").add("drill-sim");
            sendDispatch(session, "RESUMED", resumed, true);
        }
    }

    /** How many IDENTIFYs the gateway accepted (GET /gateway/bot's session_start_limit counts them down). */
    int identifies() {
        return identifies.get();
    }

    /** A new guild for the bot: each live session of its shard hears GUILD_CREATE. Called under the world's monitor. */
    void guildJoined(String guildId) {
        for (Session session : sessions.values()) {
            if (!session.hears(guildId)) {
                continue;
            }
            sendDispatch(session, "GUILD_CREATE", world.payloads.guildCreatePayload(guildId), true);
        }
    }

    /**
     * Sends an event to every session of its guild's shard whose intents ask for it and returns the sequence number of the
     * first one (0 when no session got it). Called under the world's monitor.
     */
    long dispatch(String type, ObjectNode payload, String guild) {
        long first = 0;
        String guildId = guild != null ? guild : guildOf(type, payload);
        for (Session session : sessions.values()) {
            if (!session.hears(guildId)) {
                continue;
            }
            int intent = intentOf(type, !payload.hasNonNull("guild_id"));
            if ((session.intents & intent) != intent) {
                continue;
            }
            ObjectNode data = (session.intents & MESSAGE_CONTENT) == 0 ? withoutContent(type, payload) : payload;
            long seq = sendDispatch(session, type, data, false);
            first = first == 0 ? seq : first;
        }
        return first;
    }

    /** The guild an event belongs to, for shard routing: its guild_id, or the guild itself for GUILD_* events. */
    private static String guildOf(String type, ObjectNode payload) {
        if (payload.hasNonNull("guild_id")) {
            return payload.path("guild_id").asString();
        }
        if (type.startsWith("GUILD_") && payload.hasNonNull("id")) {
            return payload.path("id").asString();
        }
        return null;
    }

    private static int intentOf(String type, boolean direct) {
        if (type.startsWith("MESSAGE_REACTION_")) {
            return direct ? DIRECT_MESSAGE_REACTIONS : GUILD_MESSAGE_REACTIONS;
        }
        if (type.startsWith("MESSAGE_")) {
            return direct ? DIRECT_MESSAGES : GUILD_MESSAGES;
        }
        return type.startsWith("GUILD_") || type.startsWith("CHANNEL_") || type.startsWith("THREAD_") ? GUILDS : 0;
    }

    /** Without MESSAGE_CONTENT Discord blanks what others wrote, unless they mention the bot. */
    private ObjectNode withoutContent(String type, ObjectNode payload) {
        if (!(type.equals("MESSAGE_CREATE") || type.equals("MESSAGE_UPDATE"))
                || world.bot.id().equals(payload.path("author").path("id").asString())
                || payload.path("content").asString("").contains("<@" + world.bot.id() + ">")) {
            return payload;
        }
        ObjectNode blank = payload.deepCopy();
        blank.put("content", "");
        blank.putArray("embeds");
        blank.putArray("components");
        blank.putArray("attachments");
        return blank;
    }

    private long sendDispatch(Session session, String type, ObjectNode data, boolean log) {
        long seq = ++session.seq;
        ObjectNode frame = Json.object();
        frame.put("op", 0);
        frame.put("s", seq);
        frame.put("t", type);
        frame.set("d", data);
        String text = Json.write(frame);
        session.sent.add(new Frame(seq, text));
        if (session.sent.size() > REPLAY_BUFFER) {
            session.sent.subList(0, session.sent.size() - REPLAY_BUFFER).clear();
        }
        if (session.socket != null && session.socket.isOpen()) {
            session.socket.send(text);
        }
        if (log) {
            world.logEvent(new DispatchedEvent(seq, type, data.deepCopy(), world.clock.instant()));
        }
        return seq;
    }

    /** Closes every session's socket without a close frame, as a network failure would. */
    void dropConnections(boolean resumable) {
        synchronized (world) {
            for (Session session : List.copyOf(sessions.values())) {
                if (session.socket != null) {
                    session.socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "simulated network failure");
                    session.socket = null;
                }
                if (!resumable) {
                    sessions.remove(session.id); // its RESUME will get INVALID_SESSION, then JDA identifies anew
                }
            }
        }
    }

    /** [shard id, total] of each session with an open socket (an unsharded one is [0, 1]). */
    List<List<Integer>> liveShards() {
        synchronized (world) {
            return sessions.values().stream()
                    .filter(s -> s.socket != null && s.socket.isOpen())
                    .map(s -> List.of(s.shardId, s.shardTotal))
                    .toList();
        }
    }

    boolean hasLiveSession() {
        synchronized (world) {
            return sessions.values().stream().anyMatch(s -> s.socket != null && s.socket.isOpen());
        }
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        synchronized (world) {
            if (socket.getAttachment() instanceof Session session && session.socket == socket) {
                session.socket = null;
                // A client that closes normally (JDA's shutdown, or after an invalid session) will not resume.
                if (remote && (code == CloseFrame.NORMAL || code == CloseFrame.GOING_AWAY)) {
                    sessions.remove(session.id);
                }
            }
            world.changed();
        }
    }

    private static ObjectNode hello() {
        ObjectNode d = Json.object();
        d.put("heartbeat_interval", HEARTBEAT_INTERVAL_MILLIS);
        d.putArray("_trace").add("drill-sim");
        return op(10, d);
    }

    private static ObjectNode op(int op, JsonNode d) {
        ObjectNode frame = Json.object();
        frame.put("op", op);
        frame.set("d", d);
        return frame;
    }

    private static void send(WebSocket socket, ObjectNode frame) {
        if (socket.isOpen()) {
            socket.send(Json.write(frame));
        }
    }

    void shutdown() {
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
