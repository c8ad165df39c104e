package dev.drill.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated Discord's state and rules: guilds, channels, threads, messages, interactions and
 * commands, changed by the bot (REST) and by members (driver), each change dispatched to the gateway.
 * Every method runs under this object's monitor, which also wakes the tests' awaits.
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
    static final long MANAGE_THREADS = 1L << 34;
    static final long CREATE_PUBLIC_THREADS = 1L << 35;
    static final long SEND_MESSAGES_IN_THREADS = 1L << 38;

    /** What @everyone may do in the fixture: talk, read, react; threads and embeds come from other roles. */
    static final long EVERYONE_PERMISSIONS = VIEW_CHANNEL
            | SEND_MESSAGES
            | SEND_MESSAGES_IN_THREADS
            | READ_MESSAGE_HISTORY
            | ADD_REACTIONS
            | USE_APPLICATION_COMMANDS;
    /** The permissions of the bot's invite (ARCHITECTURE.md), given to its managed role. */
    static final long BOT_PERMISSIONS = VIEW_CHANNEL
            | SEND_MESSAGES
            | SEND_MESSAGES_IN_THREADS
            | CREATE_PUBLIC_THREADS
            | MANAGE_THREADS
            | EMBED_LINKS
            | ADD_REACTIONS
            | READ_MESSAGE_HISTORY;

    private static final Duration NONCE_WINDOW = Duration.ofMinutes(5);
    private static final Duration FIRST_RESPONSE_DEADLINE = Duration.ofSeconds(3);
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
    private static final Set<Integer> ARCHIVE_DURATIONS = Set.of(60, 1440, 4320, 10080);

    final MutableClock clock;
    final Snowflakes ids;
    final String token;
    final String applicationId;
    final SimUser bot;
    private final Map<String, SimUser> usersByName = new LinkedHashMap<>();
    private final Map<String, SimUser> usersById = new LinkedHashMap<>();
    private final Map<String, SimGuild> guilds = new LinkedHashMap<>();
    private final Set<String> guildsWithoutBot = new HashSet<>();
    private final Map<String, SimChannel> channels = new LinkedHashMap<>();
    private final Set<String> deletedChannels = new HashSet<>();
    /** The bot's DM channel with each user, by user id; also in {@link #channels}. */
    private final Map<String, SimChannel> dmChannels = new LinkedHashMap<>();

    private final Map<String, SimMessage> messages = new LinkedHashMap<>();
    private final Map<String, NonceUse> nonces = new LinkedHashMap<>();
    private final Map<String, InteractionState> interactions = new LinkedHashMap<>();
    private final Map<String, ArrayNode> commands = new LinkedHashMap<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final List<DispatchedEvent> events = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final List<Consumer<SimMessage>> botMessageListeners = new CopyOnWriteArrayList<>();
    private Gateway gateway;
    private MemberEvent lastMemberEvent;

    private record NonceUse(String messageId, Instant at) {}

    private record MemberEvent(String type, ObjectNode payload, String guildId) {}

    /** An interaction and what the bot has answered so far. */
    private static final class InteractionState {
        final SimInteraction interaction;
        final List<SimResponse> responses = new ArrayList<>();
        boolean acknowledged;
        boolean deferredEphemeral;
        String originalMessageId;
        final List<String> followUps = new ArrayList<>();

        InteractionState(SimInteraction interaction) {
            this.interaction = interaction;
        }
    }

    SimWorld(MutableClock clock) {
        this.clock = clock;
        this.ids = new Snowflakes(clock);
        this.applicationId = ids.next();
        this.bot = new SimUser(applicationId, "Drill", true);
        this.token = "sim." + UUID.randomUUID();
        addUser(bot);
        addUser(new SimUser(ids.next(), "otherbot", true));
        for (String name : List.of("alice", "bob", "carol", "admin")) {
            addUser(new SimUser(ids.next(), name, false));
        }
        addGuild("Practice Team");
    }

    private void addUser(SimUser user) {
        usersByName.put(user.name().toLowerCase(), user);
        usersById.put(user.id(), user);
    }

    void attach(Gateway gateway) {
        this.gateway = gateway;
    }

    // ---------------------------------------------------------------- fixture

    synchronized SimGuild addGuild(String name) {
        Instant now = clock.instant();
        String guildId = ids.next();
        SimGuild guild = new SimGuild(guildId, name, ids.next(), ids.next(), ids.next(), ids.next(), ids.next());
        guilds.put(guildId, guild);
        channels.put(guild.dailyDrillId(), SimChannel.text(guild.dailyDrillId(), guildId, "daily-drill", now));
        channels.put(guild.generalId(), SimChannel.text(guild.generalId(), guildId, "general", now));
        if (gateway != null) {
            gateway.guildJoined(guildId);
        }
        return guild;
    }

    synchronized void removeBotFrom(String guildId) {
        requireGuild(guildId);
        ObjectNode payload = Json.object();
        payload.put("id", guildId);
        dispatch("GUILD_DELETE", payload, null);
        guildsWithoutBot.add(guildId);
    }

    synchronized void deleteChannel(String channelId) {
        SimChannel channel = requireChannel(channelId);
        deletedChannels.add(channelId);
        channels.values().stream()
                .filter(c -> channelId.equals(c.parentId()))
                .forEach(c -> deletedChannels.add(c.id()));
        dispatch(channel.isThread() ? "THREAD_DELETE" : "CHANNEL_DELETE", channelJson(channel), channel.guildId());
    }

    synchronized void denyBot(String channelId, long permissions) {
        SimChannel channel = requireChannel(channelId);
        if (channel.isThread()) {
            throw new IllegalArgumentException(
                    "overwrites live on the parent channel, not on thread " + channel.name());
        }
        SimChannel updated =
                channel.withBotOverwrite(channel.botAllow() & ~permissions, channel.botDeny() | permissions);
        channels.put(channelId, updated);
        dispatch("CHANNEL_UPDATE", channelJson(updated), updated.guildId());
    }

    boolean isGatewayGuild(String guildId) {
        return !guildsWithoutBot.contains(guildId);
    }

    Collection<SimGuild> botGuilds() {
        return guilds.values().stream().filter(g -> isGatewayGuild(g.id())).toList();
    }

    // ---------------------------------------------------------------- gateway payloads

    ObjectNode readyPayload(String sessionId, String resumeUrl) {
        ObjectNode ready = Json.object();
        ready.put("v", 10);
        ready.set("user", Payloads.user(bot));
        ArrayNode guildList = ready.putArray("guilds");
        botGuilds().forEach(g -> guildList.addObject().put("id", g.id()).put("unavailable", true));
        ready.put("session_id", sessionId);
        ready.put("resume_gateway_url", resumeUrl);
        ready.putArray("private_channels");
        ready.putArray("relationships");
        ready.putArray("presences");
        ready.putArray("guild_join_requests");
        ready.putArray("geo_ordered_rtc_regions");
        ready.putObject("application").put("id", applicationId).put("flags", 0);
        ready.putArray("_trace").add("drill-sim");
        return ready;
    }

    ObjectNode guildCreatePayload(String guildId) {
        SimGuild guild = requireGuild(guildId);
        ObjectNode json = Json.object();
        json.put("id", guild.id());
        json.put("name", guild.name());
        for (String absent : List.of(
                "icon",
                "splash",
                "discovery_splash",
                "banner",
                "description",
                "afk_channel_id",
                "system_channel_id",
                "rules_channel_id",
                "public_updates_channel_id",
                "safety_alerts_channel_id",
                "vanity_url_code",
                "application_id",
                "incidents_data")) {
            json.putNull(absent);
        }
        json.put("owner_id", guild.ownerId());
        json.put("afk_timeout", 300);
        json.put("verification_level", 0);
        json.put("default_message_notifications", 1);
        json.put("explicit_content_filter", 0);
        json.put("mfa_level", 0);
        json.put("nsfw_level", 0);
        json.put("premium_tier", 0);
        json.put("premium_subscription_count", 0);
        json.put("premium_progress_bar_enabled", false);
        json.put("system_channel_flags", 0);
        json.put("preferred_locale", "en-US");
        json.put("max_members", 500000);
        json.put("large", false);
        json.put("unavailable", false);
        json.put("joined_at", Json.timestamp(Snowflakes.timeOf(guild.id())));
        json.putArray("features");
        json.set("roles", roles(guild));
        ArrayNode members = json.putArray("members");
        usersByName.values().forEach(u -> members.add(memberJson(guild, u, true)));
        json.put("member_count", members.size());
        ArrayNode channelList = json.putArray("channels");
        ArrayNode threads = json.putArray("threads");
        guildChannels(guildId).forEach(c -> (c.isThread() ? threads : channelList).add(channelJson(c)));
        for (String empty : List.of(
                "emojis",
                "stickers",
                "voice_states",
                "presences",
                "guild_scheduled_events",
                "stage_instances",
                "soundboard_sounds",
                "embedded_activities")) {
            json.putArray(empty);
        }
        return json;
    }

    ArrayNode roles(SimGuild guild) {
        ArrayNode roles = Json.array();
        roles.add(Payloads.role(guild.everyoneRoleId(), "@everyone", EVERYONE_PERMISSIONS, 0, null));
        roles.add(Payloads.role(guild.leadRoleId(), "Team Lead", MANAGE_GUILD, 1, null));
        roles.add(Payloads.role(guild.botRoleId(), "Drill", BOT_PERMISSIONS, 2, bot.id()));
        return roles;
    }

    List<SimChannel> guildChannels(String guildId) {
        return channels.values().stream()
                .filter(c -> guildId.equals(c.guildId()) && !deletedChannels.contains(c.id()))
                .toList();
    }

    ObjectNode channelJson(SimChannel channel) {
        if (channel.isThread()) {
            return Payloads.thread(channel, null);
        }
        return Payloads.channel(
                channel, bot.id(), guildChannels(channel.guildId()).indexOf(channel));
    }

    private List<String> rolesOf(SimGuild guild, SimUser user) {
        if (user.equals(bot)) {
            return List.of(guild.botRoleId());
        }
        return user.name().equals("admin") ? List.of(guild.leadRoleId()) : List.of();
    }

    ObjectNode memberJson(SimGuild guild, SimUser user, boolean withUser) {
        return Payloads.member(user, rolesOf(guild, user), Snowflakes.timeOf(guild.id()), withUser);
    }

    /** A member's guild-wide permissions, as sent in an interaction's member.permissions. */
    long permissionsOf(SimGuild guild, SimUser user) {
        if (user.equals(bot)) {
            return EVERYONE_PERMISSIONS | BOT_PERMISSIONS;
        }
        return user.name().equals("admin") ? EVERYONE_PERMISSIONS | MANAGE_GUILD : EVERYONE_PERMISSIONS;
    }

    /** The bot's permissions in a channel: its roles, then its member overwrite (a thread uses its parent's). */
    long botPermissionsIn(SimChannel channel) {
        SimChannel holder = channel.isThread() ? channels.get(channel.parentId()) : channel;
        long base = EVERYONE_PERMISSIONS | BOT_PERMISSIONS;
        return (base & ~holder.botDeny()) | holder.botAllow();
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

    private SimGuild requireGuild(String guildId) {
        SimGuild guild = guilds.get(guildId);
        if (guild == null) {
            throw new IllegalArgumentException("no guild " + guildId);
        }
        return guild;
    }

    private SimChannel requireChannel(String channelId) {
        SimChannel channel = channels.get(channelId);
        if (channel == null || deletedChannels.contains(channelId)) {
            throw new IllegalArgumentException("no channel " + channelId);
        }
        return channel;
    }

    private SimMessage requireMessage(String messageId) {
        SimMessage message = messages.get(messageId);
        if (message == null) {
            throw new IllegalArgumentException("no message " + messageId);
        }
        return message;
    }

    /** The channel as the bot's REST call sees it: gone is 404, a guild it left is 403. */
    private SimChannel channelForBot(String channelId) {
        SimChannel channel = channels.get(channelId);
        if (channel == null || deletedChannels.contains(channelId)) {
            throw DiscordError.unknownChannel();
        }
        if (!isGatewayGuild(channel.guildId())) {
            throw DiscordError.missingAccess();
        }
        return channel;
    }

    private void requireBot(SimChannel channel, long permissions) {
        if ((botPermissionsIn(channel) & permissions) != permissions) {
            throw DiscordError.missingPermissions();
        }
    }

    private SimMessage messageForBot(SimChannel channel, String messageId) {
        SimMessage message = messages.get(messageId);
        if (message == null || !message.channelId().equals(channel.id()) || message.ephemeral()) {
            throw DiscordError.unknownMessage();
        }
        return message;
    }

    // ---------------------------------------------------------------- REST: bot actions

    synchronized JsonNode me() {
        ObjectNode me = Payloads.user(bot);
        me.put("verified", true);
        me.put("mfa_enabled", false);
        me.put("flags", 0);
        return me;
    }

    synchronized JsonNode putCommands(String appId, String guildId, JsonNode body) {
        requireApplication(appId);
        if (guildId != null && (!guilds.containsKey(guildId) || !isGatewayGuild(guildId))) {
            throw DiscordError.missingAccess();
        }
        String scope = guildId == null ? "global" : guildId;
        ArrayNode previous = commands.getOrDefault(scope, Json.array());
        ArrayNode stored = Json.array();
        for (JsonNode sent : body) {
            ObjectNode command = (ObjectNode) sent.deepCopy();
            int type = command.path("type").asInt(1);
            String name = command.path("name").asString();
            // Discord keeps a command's id when a bulk overwrite names it again.
            String id = previous.valueStream()
                    .filter(p -> p.path("name").asString().equals(name)
                            && p.path("type").asInt() == type)
                    .map(p -> p.path("id").asString())
                    .findFirst()
                    .orElseGet(ids::next);
            command.put("id", id);
            command.put("type", type);
            command.put("application_id", applicationId);
            command.put("version", ids.next());
            if (guildId != null) {
                command.put("guild_id", guildId);
            }
            JsonNode permissions = command.get("default_member_permissions");
            if (permissions != null && !permissions.isNull()) {
                command.put("default_member_permissions", permissions.asString());
            }
            stored.add(command);
        }
        commands.put(scope, stored);
        changed();
        return stored.deepCopy();
    }

    synchronized JsonNode listCommands(String appId, String guildId) {
        requireApplication(appId);
        return commands.getOrDefault(guildId == null ? "global" : guildId, Json.array())
                .deepCopy();
    }

    private void requireApplication(String appId) {
        if (!applicationId.equals(appId)) {
            throw new DiscordError(404, 10002, "Unknown Application");
        }
    }

    synchronized JsonNode getChannel(String channelId) {
        SimChannel channel = channelForBot(channelId);
        requireBot(channel, VIEW_CHANNEL);
        return channelJson(channel);
    }

    synchronized JsonNode createMessage(String channelId, JsonNode body) {
        SimChannel channel = channelForBot(channelId);
        requireBot(channel, VIEW_CHANNEL | (channel.isThread() ? SEND_MESSAGES_IN_THREADS : SEND_MESSAGES));
        if (channel.isThread() && channel.archived()) {
            if (channel.locked()) {
                throw new DiscordError(400, 50083, "Thread is archived");
            }
            channel = updateThread(channel, false, false);
        }
        String nonce = Json.text(body, "nonce");
        if (nonce != null && body.path("enforce_nonce").asBoolean(false)) {
            NonceUse use = nonces.get(bot.id() + "/" + nonce);
            if (use != null
                    && use.at().plus(NONCE_WINDOW).isAfter(clock.instant())
                    && messages.containsKey(use.messageId())) {
                return messageJson(messages.get(use.messageId()), false);
            }
        }
        SimMessage message = postMessage(channel, bot, 0, body, false, null);
        if (nonce != null) {
            nonces.put(bot.id() + "/" + nonce, new NonceUse(message.id(), clock.instant()));
        }
        return messageJson(message, false);
    }

    synchronized JsonNode listMessages(String channelId, Map<String, String> query) {
        SimChannel channel = channelForBot(channelId);
        requireBot(channel, VIEW_CHANNEL | READ_MESSAGE_HISTORY);
        int limit = Math.max(1, Math.min(100, Integer.parseInt(query.getOrDefault("limit", "50"))));
        long after = Long.parseLong(query.getOrDefault("after", "0"));
        long before = query.containsKey("before") ? Long.parseLong(query.get("before")) : Long.MAX_VALUE;
        List<SimMessage> matching = messages.values().stream()
                .filter(m -> m.channelId().equals(channelId) && !m.ephemeral())
                .filter(m -> Long.parseLong(m.id()) > after && Long.parseLong(m.id()) < before)
                .sorted((a, b) -> Long.compare(Long.parseLong(b.id()), Long.parseLong(a.id())))
                .toList();
        // With only "after", Discord returns the oldest page after it, still newest first.
        List<SimMessage> page = query.containsKey("after") && !query.containsKey("before")
                ? matching.subList(Math.max(0, matching.size() - limit), matching.size())
                : matching.subList(0, Math.min(limit, matching.size()));
        ArrayNode result = Json.array();
        page.forEach(m -> result.add(messageJson(m, false)));
        return result;
    }

    synchronized JsonNode getMessage(String channelId, String messageId) {
        SimChannel channel = channelForBot(channelId);
        requireBot(channel, VIEW_CHANNEL | READ_MESSAGE_HISTORY);
        return messageJson(messageForBot(channel, messageId), false);
    }

    synchronized JsonNode editMessage(String channelId, String messageId, JsonNode body) {
        SimChannel channel = channelForBot(channelId);
        SimMessage message = messageForBot(channel, messageId);
        if (!message.authorId().equals(bot.id())) {
            throw new DiscordError(403, 50005, "Cannot edit a message authored by another user");
        }
        return messageJson(applyEdit(message, body), false);
    }

    synchronized void deleteMessage(String channelId, String messageId) {
        SimChannel channel = channelForBot(channelId);
        SimMessage message = messageForBot(channel, messageId);
        if (!message.authorId().equals(bot.id())) {
            requireBot(channel, MANAGE_MESSAGES);
        }
        removeMessage(message);
    }

    synchronized JsonNode createThread(String channelId, String messageId, JsonNode body) {
        SimChannel channel = channelForBot(channelId);
        if (channel.isThread()) {
            throw new DiscordError(400, 50024, "Cannot execute action on this channel type");
        }
        requireBot(channel, VIEW_CHANNEL | CREATE_PUBLIC_THREADS);
        SimMessage message = messageForBot(channel, messageId);
        if (channels.containsKey(message.id())) {
            throw new DiscordError(400, 160004, "A thread has already been created for this message");
        }
        int archiveAfter = body.path("auto_archive_duration").asInt(1440);
        SimChannel thread = SimChannel.thread(
                message.id(),
                channel.id(),
                channel.guildId(),
                body.path("name").asString(),
                bot.id(),
                archiveAfter,
                clock.instant());
        channels.put(thread.id(), thread);
        ObjectNode created = Payloads.thread(thread, bot.id());
        created.put("newly_created", true);
        dispatch("THREAD_CREATE", created, thread.guildId());
        return Payloads.thread(thread, bot.id());
    }

    synchronized JsonNode updateChannel(String channelId, JsonNode body) {
        SimChannel channel = channelForBot(channelId);
        if (!channel.isThread()) {
            throw DiscordError.missingPermissions(); // the bot's invite has no Manage Channels
        }
        boolean locked = body.path("locked").asBoolean(channel.locked());
        boolean archived = body.path("archived").asBoolean(channel.archived());
        boolean manages = (botPermissionsIn(channel) & MANAGE_THREADS) != 0;
        boolean owner = bot.id().equals(channel.ownerId());
        if ((locked != channel.locked() || (channel.locked() && !archived)) && !manages) {
            throw DiscordError.missingPermissions();
        }
        if (archived != channel.archived() && !manages && !owner) {
            throw DiscordError.missingPermissions();
        }
        if (body.has("auto_archive_duration") || body.has("name")) {
            int duration = body.path("auto_archive_duration").asInt(channel.autoArchiveDuration());
            if (!ARCHIVE_DURATIONS.contains(duration)) {
                throw new DiscordError(400, 50035, "Invalid Form Body");
            }
            channel = channel.withNameAndArchiveAfter(body.path("name").asString(channel.name()), duration);
            channels.put(channel.id(), channel);
        }
        return Payloads.thread(updateThread(channel, locked, archived), null);
    }

    private SimChannel updateThread(SimChannel thread, boolean locked, boolean archived) {
        SimChannel updated = thread.withState(locked, archived, clock.instant());
        channels.put(updated.id(), updated);
        dispatch("THREAD_UPDATE", Payloads.thread(updated, null), updated.guildId());
        return updated;
    }

    synchronized void botReaction(String channelId, String messageId, String emoji, boolean add) {
        SimChannel channel = channelForBot(channelId);
        requireBot(channel, VIEW_CHANNEL | READ_MESSAGE_HISTORY | (add ? ADD_REACTIONS : 0));
        react(bot, messageForBot(channel, messageId), emoji, add);
    }

    // ---------------------------------------------------------------- REST: interactions

    synchronized JsonNode interactionCallback(String interactionId, String token, JsonNode body, boolean withResponse) {
        InteractionState state = interactions.get(interactionId);
        if (state == null
                || !state.interaction.token().equals(token)
                || clock.instant().isAfter(Snowflakes.timeOf(interactionId).plus(FIRST_RESPONSE_DEADLINE))) {
            throw new DiscordError(404, 10062, "Unknown interaction");
        }
        if (state.acknowledged) {
            throw new DiscordError(400, 40060, "Interaction has already been acknowledged.");
        }
        int type = body.path("type").asInt();
        SimResponse.Kind kind = SimResponse.Kind.ofCallbackType(type);
        JsonNode data = body.path("data");
        boolean ephemeral = (data.path("flags").asInt(0) & SimMessage.EPHEMERAL_FLAG) != 0;
        SimInteraction interaction = state.interaction;
        SimMessage message = null;
        switch (kind) {
            case REPLY -> {
                message = postMessage(
                        channels.get(interaction.channelId()),
                        bot,
                        replyType(interaction),
                        data,
                        ephemeral,
                        interaction.id());
                state.originalMessageId = message.id();
            }
            case DEFERRED_REPLY -> state.deferredEphemeral = ephemeral;
            case UPDATE -> {
                message = applyEdit(requireComponentMessage(interaction), data);
                state.originalMessageId = message.id();
                ephemeral = message.ephemeral();
            }
            case DEFERRED_UPDATE -> {
                state.originalMessageId = requireComponentMessage(interaction).id();
                ephemeral = messages.get(state.originalMessageId).ephemeral();
            }
            default -> {}
        }
        state.acknowledged = true;
        state.responses.add(new SimResponse(kind, ephemeral, message, body.deepCopy(), clock.instant()));
        changed();
        if (!withResponse) {
            return null;
        }
        ObjectNode response = Json.object();
        ObjectNode about = response.putObject("interaction");
        about.put("id", interaction.id());
        about.put("type", interaction.type());
        about.putNull("activity_instance_id");
        if (state.originalMessageId != null) {
            about.put("response_message_id", state.originalMessageId);
        }
        about.put("response_message_loading", kind == SimResponse.Kind.DEFERRED_REPLY);
        about.put("response_message_ephemeral", ephemeral);
        ObjectNode resource = response.putObject("resource");
        resource.put("type", type);
        if (message != null) {
            resource.set("message", messageJson(message, false));
        }
        return response;
    }

    private SimMessage requireComponentMessage(SimInteraction interaction) {
        if (interaction.type() != 3 || interaction.messageId() == null) {
            throw new DiscordError(400, 50035, "Invalid Form Body: update responses are for component interactions");
        }
        SimMessage message = messages.get(interaction.messageId());
        if (message == null) {
            throw DiscordError.unknownMessage();
        }
        return message;
    }

    private static int replyType(SimInteraction interaction) {
        if (interaction.type() != 2) {
            return 0;
        }
        return interaction.payload().path("data").path("type").asInt(1) == 1 ? 20 : 23;
    }

    private InteractionState webhookState(String appId, String token) {
        if (!applicationId.equals(appId)) {
            throw new DiscordError(404, 10015, "Unknown Webhook");
        }
        InteractionState state = interactions.values().stream()
                .filter(s -> s.interaction.token().equals(token))
                .findFirst()
                .orElseThrow(() -> new DiscordError(404, 10015, "Unknown Webhook"));
        if (clock.instant().isAfter(Snowflakes.timeOf(state.interaction.id()).plus(TOKEN_LIFETIME))) {
            throw new DiscordError(401, 50027, "Invalid Webhook Token");
        }
        if (!state.acknowledged) {
            throw new DiscordError(404, 10015, "Unknown Webhook");
        }
        return state;
    }

    synchronized JsonNode followUp(String appId, String token, JsonNode body) {
        InteractionState state = webhookState(appId, token);
        SimInteraction interaction = state.interaction;
        boolean ephemeral = (body.path("flags").asInt(0) & SimMessage.EPHEMERAL_FLAG) != 0;
        SimMessage message = postMessage(
                channels.get(interaction.channelId()), bot, replyType(interaction), body, ephemeral, interaction.id());
        state.followUps.add(message.id());
        state.responses.add(
                new SimResponse(SimResponse.Kind.FOLLOW_UP, ephemeral, message, body.deepCopy(), clock.instant()));
        changed();
        return messageJson(message, false);
    }

    /** GET, PATCH or DELETE of webhooks/{app}/{token}/messages/{@original | id}. */
    synchronized JsonNode webhookMessage(String method, String appId, String token, String ref, JsonNode body) {
        InteractionState state = webhookState(appId, token);
        boolean original = ref.equals("@original");
        String messageId = original ? state.originalMessageId : ref;
        if (!original && !state.followUps.contains(ref)) {
            throw DiscordError.unknownMessage();
        }
        if (messageId == null && original && method.equals("PATCH") && isDeferredReply(state)) {
            // A deferred reply becomes a message with its first edit.
            SimInteraction interaction = state.interaction;
            SimMessage message = postMessage(
                    channels.get(interaction.channelId()),
                    bot,
                    replyType(interaction),
                    body,
                    state.deferredEphemeral,
                    interaction.id());
            state.originalMessageId = message.id();
            state.responses.add(new SimResponse(
                    SimResponse.Kind.EDIT_ORIGINAL, message.ephemeral(), message, body.deepCopy(), clock.instant()));
            changed();
            return messageJson(message, false);
        }
        SimMessage message = messageId == null ? null : messages.get(messageId);
        if (message == null) {
            throw DiscordError.unknownMessage();
        }
        switch (method) {
            case "GET" -> {
                return messageJson(message, false);
            }
            case "DELETE" -> {
                removeMessage(message);
                state.responses.add(new SimResponse(
                        SimResponse.Kind.DELETE_ORIGINAL, message.ephemeral(), message, null, clock.instant()));
                changed();
                return null;
            }
            default -> {
                SimMessage edited = applyEdit(message, body);
                SimResponse.Kind kind = original ? SimResponse.Kind.EDIT_ORIGINAL : SimResponse.Kind.EDIT_FOLLOW_UP;
                state.responses.add(
                        new SimResponse(kind, edited.ephemeral(), edited, body.deepCopy(), clock.instant()));
                changed();
                return messageJson(edited, false);
            }
        }
    }

    private static boolean isDeferredReply(InteractionState state) {
        return state.responses.stream().anyMatch(r -> r.kind() == SimResponse.Kind.DEFERRED_REPLY);
    }

    // ---------------------------------------------------------------- messages (shared by bot and members)

    private SimMessage postMessage(
            SimChannel channel, SimUser author, int type, JsonNode body, boolean ephemeral, String interactionId) {
        int flags = body.path("flags").asInt(0) | (ephemeral ? SimMessage.EPHEMERAL_FLAG : 0);
        SimMessage message = new SimMessage(
                ids.next(),
                channel.id(),
                channel.guildId(),
                author.id(),
                type,
                body.path("content").asString(""),
                Payloads.arrayOrEmpty(body.get("embeds")),
                Payloads.arrayOrEmpty(body.get("components")),
                flags,
                ephemeral,
                interactionId,
                copyOrNull(body.get("allowed_mentions")),
                Json.text(body, "nonce"),
                clock.instant(),
                null,
                Map.of());
        messages.put(message.id(), message);
        announceIfBot(message);
        if (channel.isThread()) {
            channels.put(channel.id(), channel.withMessageCount(channel.messageCount() + 1));
        }
        // Discord sends no gateway event for an ephemeral message: only its recipient ever sees it.
        if (!ephemeral) {
            ObjectNode event = messageJson(message, true);
            if (author.bot() || interactionId != null) {
                dispatch("MESSAGE_CREATE", event, channel.guildId());
            } else {
                dispatchMember("MESSAGE_CREATE", event, channel.guildId());
            }
        }
        return message;
    }

    private SimMessage applyEdit(SimMessage message, JsonNode body) {
        String content = body.has("content") ? body.path("content").asString("") : message.content();
        JsonNode embeds = body.has("embeds") ? Payloads.arrayOrEmpty(body.get("embeds")) : message.embeds();
        JsonNode components =
                body.has("components") ? Payloads.arrayOrEmpty(body.get("components")) : message.components();
        JsonNode mentions =
                body.has("allowed_mentions") ? copyOrNull(body.get("allowed_mentions")) : message.allowedMentions();
        int flags = body.has("flags")
                ? body.path("flags").asInt() | (message.flags() & SimMessage.EPHEMERAL_FLAG)
                : message.flags();
        SimMessage edited = message.edited(content, embeds, components, mentions, flags, clock.instant());
        messages.put(edited.id(), edited);
        announceIfBot(edited);
        if (!edited.ephemeral()) {
            ObjectNode event = messageJson(edited, true);
            if (usersById.get(edited.authorId()).bot()) {
                dispatch("MESSAGE_UPDATE", event, edited.guildId());
            } else {
                dispatchMember("MESSAGE_UPDATE", event, edited.guildId());
            }
        }
        return edited;
    }

    void onBotMessage(Consumer<SimMessage> listener) {
        botMessageListeners.add(listener);
    }

    private void announceIfBot(SimMessage message) {
        if (message.authorId().equals(bot.id())) {
            botMessageListeners.forEach(listener -> listener.accept(message));
        }
    }

    private void removeMessage(SimMessage message) {
        messages.remove(message.id());
        if (!message.ephemeral()) {
            ObjectNode event = Json.object();
            event.put("id", message.id());
            event.put("channel_id", message.channelId());
            event.put("guild_id", message.guildId());
            if (usersById.get(message.authorId()).bot()) {
                dispatch("MESSAGE_DELETE", event, message.guildId());
            } else {
                dispatchMember("MESSAGE_DELETE", event, message.guildId());
            }
        }
        changed();
    }

    private void react(SimUser user, SimMessage message, String emoji, boolean add) {
        boolean present = message.reactions().getOrDefault(emoji, List.of()).contains(user.id());
        if (present == add) {
            return; // Discord answers 204 and sends nothing when nothing changes
        }
        messages.put(message.id(), message.withReaction(emoji, user.id(), add));
        ObjectNode event = Json.object();
        event.put("user_id", user.id());
        event.put("channel_id", message.channelId());
        event.put("message_id", message.id());
        event.put("guild_id", message.guildId());
        if (add) {
            event.set("member", memberJson(guilds.get(message.guildId()), user, true));
            event.put("message_author_id", message.authorId());
        }
        event.set("emoji", Payloads.emoji(emoji));
        event.put("burst", false);
        event.put("type", 0);
        String type = add ? "MESSAGE_REACTION_ADD" : "MESSAGE_REACTION_REMOVE";
        if (user.equals(bot)) {
            dispatch(type, event, message.guildId());
        } else {
            dispatchMember(type, event, message.guildId());
        }
    }

    ObjectNode messageJson(SimMessage message, boolean gateway) {
        SimUser author = usersById.get(message.authorId());
        ObjectNode member = null;
        if (gateway && message.interactionId() == null && message.guildId() != null) {
            member = memberJson(guilds.get(message.guildId()), author, false);
        }
        return Payloads.message(message, author, usersById, applicationId, bot.id(), member, gateway);
    }

    private static JsonNode copyOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.deepCopy();
    }

    // ---------------------------------------------------------------- members (the driver)

    synchronized SimMessage memberSay(SimUser user, String channelId, String content) {
        SimChannel channel = requireChannel(channelId);
        if (channel.isThread() && channel.locked()) {
            throw new IllegalStateException(user.name() + " cannot post in thread '" + channel.name()
                    + "': it is locked (only members with Manage Threads may post)");
        }
        if (channel.isThread() && channel.archived()) {
            channel = updateThread(channel, false, false); // a member's message unarchives an unlocked thread
        }
        ObjectNode body = Json.object();
        body.put("content", content);
        return postMessage(channel, user, 0, body, false, null);
    }

    synchronized SimMessage memberEdit(SimUser user, String messageId, String content) {
        SimMessage message = requireMessage(messageId);
        if (!message.authorId().equals(user.id())) {
            throw new IllegalArgumentException(user.name() + " can only edit their own messages");
        }
        ObjectNode body = Json.object();
        body.put("content", content);
        return applyEdit(message, body);
    }

    synchronized void memberDelete(SimUser user, String messageId) {
        SimMessage message = requireMessage(messageId);
        if (!message.authorId().equals(user.id())) {
            throw new IllegalArgumentException(user.name() + " can only delete their own messages");
        }
        removeMessage(message);
    }

    synchronized void memberReact(SimUser user, String messageId, String emoji, boolean add) {
        react(user, requireMessage(messageId), emoji, add);
    }

    /** A slash command (or its autocomplete when {@code focused} is set), typed from the registered definition. */
    synchronized SimInteraction memberCommand(
            SimUser user, String channelId, String commandLine, Map<String, ?> options, String focused) {
        SimChannel channel = requireChannel(channelId);
        SimGuild guild = guilds.get(channel.guildId());
        String[] path = commandLine.trim().replaceFirst("^/", "").split("\\s+");
        JsonNode command = findCommand(guild.id(), path[0], 1);
        ObjectNode data = new CommandData(this, guild).slash(command, path, options, focused);
        return newInteraction(focused == null ? 2 : 4, user, channel, data, null, String.join(" ", path));
    }

    /**
     * A slash command in the user's DM with the bot. Discord offers only global commands there, and only
     * those whose {@code contexts} include BOT_DM (1) or that have none (Discord's default: every context).
     */
    synchronized SimInteraction memberDmCommand(SimUser user, String commandLine, Map<String, ?> options) {
        String[] path = commandLine.trim().replaceFirst("^/", "").split("\\s+");
        JsonNode command = findCommand(null, path[0], 1);
        JsonNode contexts = command.get("contexts");
        boolean offered = contexts == null
                || contexts.isNull()
                || contexts.valueStream().anyMatch(c -> c.asString().equals("1"));
        if (!offered) {
            throw new IllegalArgumentException("Discord does not offer /" + path[0] + " in a DM: its contexts are "
                    + contexts + " (0 = guild, 1 = bot DM)");
        }
        ObjectNode data = new CommandData(this, null).slash(command, path, options, null);
        return newDmInteraction(user, data, String.join(" ", path));
    }

    /** The bot's DM channel with a user, opened the first time it is needed. */
    synchronized SimChannel dmChannel(SimUser user) {
        return dmChannels.computeIfAbsent(user.id(), id -> {
            SimChannel dm = SimChannel.dm(ids.next(), id, clock.instant());
            channels.put(dm.id(), dm);
            return dm;
        });
    }

    synchronized SimInteraction memberClick(SimUser user, String messageId, String customId) {
        SimMessage message = requireMessage(messageId);
        JsonNode component = message.components().findParents("custom_id").stream()
                .filter(c -> customId.equals(c.path("custom_id").asString()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("message " + messageId + " has no component '"
                        + customId + "'; it has " + message.customIds()));
        ObjectNode data = Json.object();
        data.put("custom_id", customId);
        data.put("component_type", component.path("type").asInt(2));
        return newInteraction(3, user, channels.get(message.channelId()), data, message, customId);
    }

    synchronized SimInteraction memberMessageCommand(SimUser user, String messageId, String name) {
        SimMessage message = requireMessage(messageId);
        SimChannel channel = channels.get(message.channelId());
        ObjectNode data = CommandData.of(findCommand(channel.guildId(), name, 3));
        data.put("target_id", message.id());
        data.putObject("resolved").putObject("messages").set(message.id(), messageJson(message, false));
        return newInteraction(2, user, channel, data, null, name);
    }

    /** A registered command by name and type: the guild's first, then the global ones (a DM has only those). */
    private JsonNode findCommand(String guildId, String name, int type) {
        for (String scope : guildId == null ? List.of("global") : List.of(guildId, "global")) {
            for (JsonNode command : commands.getOrDefault(scope, Json.array())) {
                if (command.path("name").asString().equals(name)
                        && command.path("type").asInt(1) == type) {
                    return command;
                }
            }
        }
        throw new IllegalArgumentException("no command '" + name + "' of type " + type + " registered; registered: "
                + commands.values().stream()
                        .flatMap(JsonNode::valueStream)
                        .map(c -> c.path("name").asString())
                        .toList());
    }

    private SimInteraction newInteraction(
            int type, SimUser user, SimChannel channel, ObjectNode data, SimMessage message, String name) {
        SimGuild guild = guilds.get(channel.guildId());
        String id = ids.next();
        String token = "aW50ZXJhY3Rpb24." + UUID.randomUUID().toString().replace("-", "");
        ObjectNode json = Json.object();
        json.put("id", id);
        json.put("application_id", applicationId);
        json.put("type", type);
        json.put("token", token);
        json.put("version", 1);
        json.put("guild_id", guild.id());
        ObjectNode guildInfo = json.putObject("guild");
        guildInfo.put("id", guild.id());
        guildInfo.put("locale", "en-US");
        guildInfo.putArray("features");
        json.put("channel_id", channel.id());
        ObjectNode channelInfo = channelJson(channel);
        channelInfo.put("permissions", Long.toString(permissionsOf(guild, user)));
        json.set("channel", channelInfo);
        ObjectNode member = memberJson(guild, user, true);
        member.put("permissions", Long.toString(permissionsOf(guild, user)));
        json.set("member", member);
        json.put("locale", "en-US");
        json.put("guild_locale", "en-US");
        json.put("app_permissions", Long.toString(botPermissionsIn(channel)));
        json.put("context", 0);
        json.putObject("authorizing_integration_owners").put("0", guild.id());
        json.putArray("entitlements");
        json.put("attachment_size_limit", 10 * 1024 * 1024);
        json.set("data", data);
        if (message != null) {
            json.set("message", messageJson(message, false));
        }
        SimInteraction interaction = new SimInteraction(
                id,
                token,
                type,
                guild.id(),
                channel.id(),
                user.id(),
                name,
                message == null ? null : message.id(),
                json);
        interactions.put(id, new InteractionState(interaction));
        dispatchMember("INTERACTION_CREATE", json, guild.id());
        return interaction;
    }

    /** An interaction in a DM: no guild and no member, the user instead; context 1 (bot DM). */
    private SimInteraction newDmInteraction(SimUser user, ObjectNode data, String name) {
        SimChannel dm = dmChannel(user);
        String id = ids.next();
        String token = "aW50ZXJhY3Rpb24." + UUID.randomUUID().toString().replace("-", "");
        ObjectNode json = Json.object();
        json.put("id", id);
        json.put("application_id", applicationId);
        json.put("type", 2);
        json.put("token", token);
        json.put("version", 1);
        json.put("channel_id", dm.id());
        json.set("channel", Payloads.dmChannel(dm, user));
        json.set("user", Payloads.user(user));
        json.put("locale", "en-US");
        json.put("app_permissions", Long.toString(EVERYONE_PERMISSIONS | BOT_PERMISSIONS));
        json.put("context", 1);
        // A guild-installed app used in its bot DM: the guild-install owner is "0".
        json.putObject("authorizing_integration_owners").put("0", "0");
        json.putArray("entitlements");
        json.put("attachment_size_limit", 10 * 1024 * 1024);
        json.set("data", data);
        SimInteraction interaction = new SimInteraction(id, token, 2, null, dm.id(), user.id(), name, null, json);
        interactions.put(id, new InteractionState(interaction));
        dispatchMember("INTERACTION_CREATE", json, null);
        return interaction;
    }

    /**
     * Stores one global command as if an earlier registration had made it, replacing one of the same name
     * and type: what Discord still offers after a deploy until the next bulk overwrite names it again.
     */
    synchronized JsonNode addGlobalCommand(JsonNode command) {
        ObjectNode stored = (ObjectNode) command.deepCopy();
        int type = stored.path("type").asInt(1);
        String name = stored.path("name").asString();
        ArrayNode scope = commands.computeIfAbsent("global", k -> Json.array());
        ArrayNode kept = Json.array();
        String id = ids.next();
        for (JsonNode existing : scope) {
            if (existing.path("name").asString().equals(name)
                    && existing.path("type").asInt(1) == type) {
                id = existing.path("id").asString();
            } else {
                kept.add(existing);
            }
        }
        stored.put("id", id);
        stored.put("type", type);
        stored.put("application_id", applicationId);
        stored.put("version", ids.next());
        kept.add(stored);
        commands.put("global", kept);
        changed();
        return stored.deepCopy();
    }

    // ---------------------------------------------------------------- dispatch, faults, logs

    private void dispatch(String type, ObjectNode payload, String guildId) {
        if (guildId != null && !isGatewayGuild(guildId)) {
            changed();
            return; // the bot left that guild: its gateway hears nothing from it
        }
        long seq = gateway == null ? 0 : gateway.dispatch(type, payload);
        events.add(new DispatchedEvent(seq, type, payload.deepCopy(), clock.instant()));
        changed();
    }

    private void dispatchMember(String type, ObjectNode payload, String guildId) {
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

    // ---------------------------------------------------------------- observations

    synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    synchronized List<DispatchedEvent> events() {
        return List.copyOf(events);
    }

    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    synchronized List<SimMessage> messagesIn(String channelId) {
        return messages.values().stream()
                .filter(m -> m.channelId().equals(channelId))
                .toList();
    }

    synchronized Optional<SimMessage> message(String messageId) {
        return Optional.ofNullable(messages.get(messageId));
    }

    synchronized Optional<SimChannel> channel(String channelId) {
        return Optional.ofNullable(channels.get(channelId)).filter(c -> !deletedChannels.contains(c.id()));
    }

    synchronized List<SimChannel> threadsOf(String parentId) {
        return channels.values().stream()
                .filter(c -> parentId.equals(c.parentId()) && !deletedChannels.contains(c.id()))
                .toList();
    }

    synchronized List<SimResponse> responses(String interactionId) {
        InteractionState state = interactions.get(interactionId);
        if (state == null) {
            throw new IllegalArgumentException("no interaction " + interactionId);
        }
        return List.copyOf(state.responses);
    }

    synchronized JsonNode commands(String guildIdOrNull) {
        return commands.getOrDefault(guildIdOrNull == null ? "global" : guildIdOrNull, Json.array())
                .deepCopy();
    }

    synchronized List<SimGuild> guilds() {
        return List.copyOf(guilds.values());
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
