package dev.drill.sim;

import static dev.drill.sim.SimWorld.ADD_REACTIONS;
import static dev.drill.sim.SimWorld.CREATE_PRIVATE_THREADS;
import static dev.drill.sim.SimWorld.CREATE_PUBLIC_THREADS;
import static dev.drill.sim.SimWorld.MANAGE_MESSAGES;
import static dev.drill.sim.SimWorld.MANAGE_THREADS;
import static dev.drill.sim.SimWorld.READ_MESSAGE_HISTORY;
import static dev.drill.sim.SimWorld.SEND_MESSAGES;
import static dev.drill.sim.SimWorld.SEND_MESSAGES_IN_THREADS;
import static dev.drill.sim.SimWorld.VIEW_CHANNEL;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST calls the bot makes on its own behalf (itself, commands, channels, messages, threads, reactions),
 * answered with Discord's errors where Discord would refuse. Each runs under the world's monitor.
 */
final class BotRest {

    private static final Duration NONCE_WINDOW = Duration.ofMinutes(5);
    private static final Set<Integer> ARCHIVE_DURATIONS = Set.of(60, 1440, 4320, 10080);

    private final SimWorld world;

    BotRest(SimWorld world) {
        this.world = world;
    }

    JsonNode me() {
        synchronized (world) {
            ObjectNode me = Payloads.user(world.bot);
            me.put("verified", true);
            me.put("mfa_enabled", false);
            me.put("flags", 0);
            return me;
        }
    }

    JsonNode putCommands(String appId, String guildId, JsonNode body) {
        synchronized (world) {
            requireApplication(appId);
            if (guildId != null && (!world.guilds.containsKey(guildId) || !world.isGatewayGuild(guildId))) {
                throw DiscordError.missingAccess();
            }
            String scope = guildId == null ? "global" : guildId;
            ArrayNode previous = world.commands.getOrDefault(scope, Json.array());
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
                        .orElseGet(world.ids::next);
                command.put("id", id);
                command.put("type", type);
                command.put("application_id", world.applicationId);
                command.put("version", world.ids.next());
                if (guildId != null) {
                    command.put("guild_id", guildId);
                }
                JsonNode permissions = command.get("default_member_permissions");
                if (permissions != null && !permissions.isNull()) {
                    command.put("default_member_permissions", permissions.asString());
                }
                stored.add(command);
            }
            world.commands.put(scope, stored);
            world.changed();
            return stored.deepCopy();
        }
    }

    JsonNode listCommands(String appId, String guildId) {
        synchronized (world) {
            requireApplication(appId);
            return world.observations.commands(guildId);
        }
    }

    private void requireApplication(String appId) {
        if (!world.applicationId.equals(appId)) {
            throw new DiscordError(404, 10002, "Unknown Application");
        }
    }

    JsonNode getChannel(String channelId) {
        synchronized (world) {
            SimChannel channel = channelForBot(channelId);
            requireBot(channel, VIEW_CHANNEL);
            return world.payloads.channelJson(channel);
        }
    }

    /** POST users/@me/channels: the bot's DM with a user, opened the first time. */
    JsonNode createDm(JsonNode body) {
        synchronized (world) {
            SimUser user = world.usersById.get(Json.text(body, "recipient_id"));
            if (user == null) {
                throw new DiscordError(400, 50033, "Invalid Recipient(s)");
            }
            return Payloads.dmChannel(world.members.dmChannel(user), user);
        }
    }

    JsonNode createMessage(String channelId, JsonNode body) {
        synchronized (world) {
            SimChannel channel = channelForBot(channelId);
            if (channel.isDm() && world.closedDms.contains(channel.ownerId())) {
                throw new DiscordError(403, 50007, "Cannot send messages to this user");
            }
            requireBot(channel, VIEW_CHANNEL | (channel.isThread() ? SEND_MESSAGES_IN_THREADS : SEND_MESSAGES));
            if (channel.isThread() && channel.archived()) {
                if (channel.locked()) {
                    throw new DiscordError(400, 50083, "Thread is archived");
                }
                channel = world.messaging.updateThread(channel, false, false);
            }
            String nonce = Json.text(body, "nonce");
            if (nonce != null && body.path("enforce_nonce").asBoolean(false)) {
                SimWorld.NonceUse use = world.nonces.get(world.bot.id() + "/" + nonce);
                if (use != null
                        && use.at().plus(NONCE_WINDOW).isAfter(world.clock.instant())
                        && world.messages.containsKey(use.messageId())) {
                    return world.messaging.messageJson(world.messages.get(use.messageId()), false);
                }
            }
            SimMessage message = world.messaging.postMessage(channel, world.bot, 0, body, false, null);
            if (nonce != null) {
                world.nonces.put(
                        world.bot.id() + "/" + nonce, new SimWorld.NonceUse(message.id(), world.clock.instant()));
            }
            return world.messaging.messageJson(message, false);
        }
    }

    JsonNode listMessages(String channelId, Map<String, String> query) {
        synchronized (world) {
            SimChannel channel = channelForBot(channelId);
            requireBot(channel, VIEW_CHANNEL | READ_MESSAGE_HISTORY);
            int limit = Math.max(1, Math.min(100, Integer.parseInt(query.getOrDefault("limit", "50"))));
            long after = Long.parseLong(query.getOrDefault("after", "0"));
            long before = query.containsKey("before") ? Long.parseLong(query.get("before")) : Long.MAX_VALUE;
            List<SimMessage> matching = world.messages.values().stream()
                    .filter(m -> m.channelId().equals(channelId) && !m.ephemeral())
                    .filter(m -> Long.parseLong(m.id()) > after && Long.parseLong(m.id()) < before)
                    .sorted((a, b) -> Long.compare(Long.parseLong(b.id()), Long.parseLong(a.id())))
                    .toList();
            // With only "after", Discord returns the oldest page after it, still newest first.
            List<SimMessage> page = query.containsKey("after") && !query.containsKey("before")
                    ? matching.subList(Math.max(0, matching.size() - limit), matching.size())
                    : matching.subList(0, Math.min(limit, matching.size()));
            ArrayNode result = Json.array();
            page.forEach(m -> result.add(world.messaging.messageJson(m, false)));
            return result;
        }
    }

    JsonNode getMessage(String channelId, String messageId) {
        synchronized (world) {
            SimChannel channel = channelForBot(channelId);
            requireBot(channel, VIEW_CHANNEL | READ_MESSAGE_HISTORY);
            return world.messaging.messageJson(messageForBot(channel, messageId), false);
        }
    }

    /** GET …/reactions/{emoji}: who reacted with it, in order, paged by {@code after} (a user id) and {@code limit}. */
    JsonNode reactionUsers(String channelId, String messageId, String emoji, Map<String, String> query) {
        synchronized (world) {
            SimChannel channel = channelForBot(channelId);
            requireBot(channel, VIEW_CHANNEL | READ_MESSAGE_HISTORY);
            SimMessage message = messageForBot(channel, messageId);
            int limit = Math.max(1, Math.min(100, Integer.parseInt(query.getOrDefault("limit", "25"))));
            long after = Long.parseLong(query.getOrDefault("after", "0"));
            ArrayNode users = Json.array();
            message.reactions().getOrDefault(emoji, List.of()).stream()
                    .filter(id -> Long.parseLong(id) > after)
                    .sorted(java.util.Comparator.comparingLong(Long::parseLong))
                    .limit(limit)
                    .forEach(id -> users.add(Payloads.user(world.user(id))));
            return users;
        }
    }

    JsonNode editMessage(String channelId, String messageId, JsonNode body) {
        synchronized (world) {
            SimChannel channel = channelForBot(channelId);
            SimMessage message = messageForBot(channel, messageId);
            if (!message.authorId().equals(world.bot.id())) {
                throw new DiscordError(403, 50005, "Cannot edit a message authored by another user");
            }
            return world.messaging.messageJson(world.messaging.applyEdit(message, body), false);
        }
    }

    void deleteMessage(String channelId, String messageId) {
        synchronized (world) {
            SimChannel channel = channelForBot(channelId);
            SimMessage message = messageForBot(channel, messageId);
            if (!message.authorId().equals(world.bot.id())) {
                requireBot(channel, MANAGE_MESSAGES);
            }
            world.messaging.removeMessage(message);
        }
    }

    JsonNode createThread(String channelId, String messageId, JsonNode body) {
        synchronized (world) {
            SimChannel channel = channelForBot(channelId);
            if (channel.isThread()) {
                throw new DiscordError(400, 50024, "Cannot execute action on this channel type");
            }
            requireBot(channel, VIEW_CHANNEL | CREATE_PUBLIC_THREADS);
            SimMessage message = messageForBot(channel, messageId);
            if (world.channels.containsKey(message.id())) {
                throw new DiscordError(400, 160004, "A thread has already been created for this message");
            }
            int archiveAfter = body.path("auto_archive_duration").asInt(1440);
            SimChannel thread = SimChannel.thread(
                    message.id(),
                    channel.id(),
                    channel.guildId(),
                    body.path("name").asString(),
                    world.bot.id(),
                    archiveAfter,
                    world.clock.instant());
            world.channels.put(thread.id(), thread);
            ObjectNode created = Payloads.thread(thread, world.bot.id());
            created.put("newly_created", true);
            world.dispatch("THREAD_CREATE", created, thread.guildId());
            return Payloads.thread(thread, world.bot.id());
        }
    }

    /**
     * A thread not started from a message; only private threads (type 12) are simulated, which need Create
     * Private Threads. The bot is its first member; others join when it adds them.
     */
    JsonNode createThreadWithoutMessage(String channelId, JsonNode body) {
        synchronized (world) {
            SimChannel channel = channelForBot(channelId);
            if (channel.isThread() || channel.isDm()) {
                throw new DiscordError(400, 50024, "Cannot execute action on this channel type");
            }
            int type = body.path("type").asInt(SimChannel.PRIVATE_THREAD);
            if (type != SimChannel.PRIVATE_THREAD) {
                world.problem("only private threads (type 12) are simulated without a message, not type " + type);
                throw new DiscordError(400, 50035, "Invalid Form Body");
            }
            requireBot(channel, VIEW_CHANNEL | CREATE_PRIVATE_THREADS);
            int archiveAfter = body.path("auto_archive_duration").asInt(1440);
            SimChannel thread = SimChannel.privateThread(
                    world.ids.next(),
                    channel.id(),
                    channel.guildId(),
                    body.path("name").asString(),
                    world.bot.id(),
                    archiveAfter,
                    world.clock.instant());
            world.channels.put(thread.id(), thread);
            world.threadMembers
                    .computeIfAbsent(thread.id(), id -> new java.util.LinkedHashSet<>())
                    .add(world.bot.id());
            ObjectNode created = Payloads.thread(thread, world.bot.id());
            created.put("newly_created", true);
            world.dispatch("THREAD_CREATE", created, thread.guildId());
            return Payloads.thread(thread, world.bot.id());
        }
    }

    /** Adds a member of the guild to a thread (204). */
    void addThreadMember(String channelId, String userId) {
        synchronized (world) {
            SimChannel thread = channelForBot(channelId);
            if (!thread.isThread()) {
                throw new DiscordError(400, 50024, "Cannot execute action on this channel type");
            }
            if (thread.archived()) {
                throw new DiscordError(400, 50083, "Thread is archived");
            }
            requireBot(thread, VIEW_CHANNEL | SEND_MESSAGES_IN_THREADS);
            if (!world.usersById.containsKey(userId)) {
                throw new DiscordError(404, 10013, "Unknown User");
            }
            world.threadMembers
                    .computeIfAbsent(thread.id(), id -> new java.util.LinkedHashSet<>())
                    .add(userId);
        }
    }

    JsonNode updateChannel(String channelId, JsonNode body) {
        synchronized (world) {
            SimChannel channel = channelForBot(channelId);
            if (!channel.isThread()) {
                throw DiscordError.missingPermissions(); // the bot's invite has no Manage Channels
            }
            boolean locked = body.path("locked").asBoolean(channel.locked());
            boolean archived = body.path("archived").asBoolean(channel.archived());
            boolean manages = (world.fixture.botPermissionsIn(channel) & MANAGE_THREADS) != 0;
            boolean owner = world.bot.id().equals(channel.ownerId());
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
                world.channels.put(channel.id(), channel);
            }
            return Payloads.thread(world.messaging.updateThread(channel, locked, archived), null);
        }
    }

    void botReaction(String channelId, String messageId, String emoji, boolean add) {
        synchronized (world) {
            SimChannel channel = channelForBot(channelId);
            requireBot(channel, VIEW_CHANNEL | READ_MESSAGE_HISTORY | (add ? ADD_REACTIONS : 0));
            world.messaging.react(world.bot, messageForBot(channel, messageId), emoji, add);
        }
    }

    // ---------------------------------------------------------------- the bot's view: Discord's errors

    /** The channel as the bot's REST call sees it: gone is 404, a guild it left is 403. */
    private SimChannel channelForBot(String channelId) {
        SimChannel channel = world.channels.get(channelId);
        if (channel == null || world.deletedChannels.contains(channelId)) {
            throw DiscordError.unknownChannel();
        }
        if (!world.isGatewayGuild(channel.guildId())) {
            throw DiscordError.missingAccess();
        }
        return channel;
    }

    private void requireBot(SimChannel channel, long permissions) {
        if ((world.fixture.botPermissionsIn(channel) & permissions) != permissions) {
            throw DiscordError.missingPermissions();
        }
    }

    private SimMessage messageForBot(SimChannel channel, String messageId) {
        SimMessage message = world.messages.get(messageId);
        if (message == null || !message.channelId().equals(channel.id()) || message.ephemeral()) {
            throw DiscordError.unknownMessage();
        }
        return message;
    }

    /**
     * Gives ({@code add}) or takes a role: the bot needs Manage Roles and a role above it, as on Discord; a
     * change is recorded ({@link RoleChange}) and dispatched as GUILD_MEMBER_UPDATE, a no-op change is not.
     */
    void memberRole(String guildId, String userId, String roleId, boolean add) {
        synchronized (world) {
            SimGuild guild = world.requireGuild(guildId);
            if (world.guildsWithoutBot.contains(guildId)) {
                throw DiscordError.missingAccess();
            }
            if ((world.fixture.botRolePermissions(guild) & SimWorld.MANAGE_ROLES) == 0) {
                throw DiscordError.missingPermissions();
            }
            tools.jackson.databind.node.ObjectNode role = world.fixture.role(guild, roleId);
            if (role == null) {
                throw new DiscordError(404, 10011, "Unknown Role");
            }
            if (role.path("position").asInt() >= SimFixture.BOT_POSITION) {
                throw DiscordError.missingPermissions(); // a role at or above the bot's highest
            }
            SimUser user = world.usersById.get(userId);
            if (user == null) {
                throw new DiscordError(404, 10007, "Unknown Member");
            }
            java.util.Set<String> roles =
                    world.memberRoles.computeIfAbsent(guildId + "/" + userId, k -> new java.util.LinkedHashSet<>());
            boolean changed = add ? roles.add(roleId) : roles.remove(roleId);
            if (!changed) {
                return;
            }
            RoleChange change = new RoleChange(
                    guildId, userId, user.name(), roleId, role.path("name").asString(), add, world.clock.instant());
            world.roleChanges.add(change);
            tools.jackson.databind.node.ObjectNode member = world.payloads.memberJson(guild, user, true);
            member.put("guild_id", guildId);
            world.dispatch("GUILD_MEMBER_UPDATE", member, guildId);
            world.roleListeners.forEach(listener -> listener.accept(change));
        }
    }
}
