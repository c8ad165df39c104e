package dev.drill.sim;

import static dev.drill.sim.SimWorld.ADD_REACTIONS;
import static dev.drill.sim.SimWorld.CREATE_PRIVATE_THREADS;
import static dev.drill.sim.SimWorld.CREATE_PUBLIC_THREADS;
import static dev.drill.sim.SimWorld.EMBED_LINKS;
import static dev.drill.sim.SimWorld.MANAGE_GUILD;
import static dev.drill.sim.SimWorld.MANAGE_THREADS;
import static dev.drill.sim.SimWorld.READ_MESSAGE_HISTORY;
import static dev.drill.sim.SimWorld.SEND_MESSAGES;
import static dev.drill.sim.SimWorld.SEND_MESSAGES_IN_THREADS;
import static dev.drill.sim.SimWorld.USE_APPLICATION_COMMANDS;
import static dev.drill.sim.SimWorld.VIEW_CHANNEL;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The standard cast and its permissions (users, the "Practice Team" guild, roles), and what a test may do to
 * it from outside: add a guild, kick the bot, delete a channel, deny the bot permissions.
 */
final class SimFixture {

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
            | CREATE_PRIVATE_THREADS
            | MANAGE_THREADS
            | EMBED_LINKS
            | ADD_REACTIONS
            | READ_MESSAGE_HISTORY;

    private final SimWorld world;

    SimFixture(SimWorld world) {
        this.world = world;
    }

    /** The bot, otherbot, alice, bob, carol and admin, and the guild "Practice Team"; once, at the start. */
    void populate() {
        addUser(world.bot);
        addUser(new SimUser(world.ids.next(), "otherbot", true));
        for (String name : List.of("alice", "bob", "carol", "admin")) {
            addUser(new SimUser(world.ids.next(), name, false));
        }
        addGuild("Practice Team");
    }

    /** One more (non-bot) member of every guild, e.g. for a team larger than the standard cast. */
    SimUser addMember(String name) {
        synchronized (world) {
            if (world.usersByName.containsKey(name.toLowerCase())) {
                throw new IllegalArgumentException("there is a user " + name + " already");
            }
            SimUser user = new SimUser(world.ids.next(), name, false);
            addUser(user);
            for (SimGuild guild : world.guilds.values()) {
                ObjectNode member = world.payloads.memberJson(guild, user, true);
                member.put("guild_id", guild.id());
                world.dispatch("GUILD_MEMBER_ADD", member, guild.id());
            }
            return user;
        }
    }

    private void addUser(SimUser user) {
        world.usersByName.put(user.name().toLowerCase(), user);
        world.usersById.put(user.id(), user);
    }

    /**
     * Guild ids spread over shards: the n-th guild (0 = the fixture's) lands on shard n % total for every
     * total that divides 12 (1, 2, 3, 4, 6, 12), so with 2 shards consecutive guilds alternate.
     */
    private static final int SHARD_SPREAD = 12;

    SimGuild addGuild(String name) {
        synchronized (world) {
            return addGuild(name, world.guilds.size() % SHARD_SPREAD, SHARD_SPREAD);
        }
    }

    /** A guild whose id puts it on shard {@code shard} of {@code total}. */
    SimGuild addGuild(String name, int shard, int total) {
        synchronized (world) {
            Instant now = world.clock.instant();
            String guildId = world.ids.nextOnShard(shard, total);
            SimGuild guild = new SimGuild(
                    guildId,
                    name,
                    world.ids.next(),
                    world.ids.next(),
                    world.ids.next(),
                    world.ids.next(),
                    world.ids.next(),
                    world.ids.next());
            world.guilds.put(guildId, guild);
            world.channels.put(
                    guild.dailyDrillId(), SimChannel.text(guild.dailyDrillId(), guildId, "daily-drill", now));
            world.channels.put(guild.generalId(), SimChannel.text(guild.generalId(), guildId, "general", now));
            if (world.gateway() != null) {
                world.gateway().guildJoined(guildId);
            }
            return guild;
        }
    }

    void removeBotFrom(String guildId) {
        synchronized (world) {
            world.requireGuild(guildId);
            ObjectNode payload = Json.object();
            payload.put("id", guildId);
            world.dispatch("GUILD_DELETE", payload, null);
            world.guildsWithoutBot.add(guildId);
        }
    }

    void deleteChannel(String channelId) {
        synchronized (world) {
            SimChannel channel = world.requireChannel(channelId);
            world.deletedChannels.add(channelId);
            world.channels.values().stream()
                    .filter(c -> channelId.equals(c.parentId()))
                    .forEach(c -> world.deletedChannels.add(c.id()));
            world.dispatch(
                    channel.isThread() ? "THREAD_DELETE" : "CHANNEL_DELETE",
                    world.payloads.channelJson(channel),
                    channel.guildId());
        }
    }

    void denyBot(String channelId, long permissions) {
        synchronized (world) {
            SimChannel channel = world.requireChannel(channelId);
            if (channel.isThread()) {
                throw new IllegalArgumentException(
                        "overwrites live on the parent channel, not on thread " + channel.name());
            }
            SimChannel updated =
                    channel.withBotOverwrite(channel.botAllow() & ~permissions, channel.botDeny() | permissions);
            world.channels.put(channelId, updated);
            world.dispatch("CHANNEL_UPDATE", world.payloads.channelJson(updated), updated.guildId());
        }
    }

    // ---------------------------------------------------------------- roles and permissions

    ArrayNode roles(SimGuild guild) {
        ArrayNode roles = Json.array();
        roles.add(Payloads.role(guild.everyoneRoleId(), "@everyone", EVERYONE_PERMISSIONS, 0, null));
        roles.add(Payloads.role(guild.leadRoleId(), "Team Lead", MANAGE_GUILD, 1, null));
        roles.add(Payloads.role(guild.championRoleId(), "Champion", 0, CHAMPION_POSITION, null));
        roles.add(Payloads.role(guild.botRoleId(), "Drill", botRolePermissions(guild), BOT_POSITION, world.bot.id()));
        return roles;
    }

    static final int CHAMPION_POSITION = 2;
    static final int BOT_POSITION = 3;

    /** The bot's role: the invite's permissions and what a test granted it since ({@link #grantBot}). */
    long botRolePermissions(SimGuild guild) {
        return BOT_PERMISSIONS | world.botRoleExtra.getOrDefault(guild.id(), 0L);
    }

    /** Grants the bot's role more permissions (Manage Roles for the champion), as an admin would: GUILD_ROLE_UPDATE. */
    void grantBot(SimGuild guild, long permissions) {
        synchronized (world) {
            world.botRoleExtra.merge(guild.id(), permissions, (a, b) -> a | b);
            ObjectNode payload = Json.object();
            payload.put("guild_id", guild.id());
            payload.set(
                    "role",
                    Payloads.role(guild.botRoleId(), "Drill", botRolePermissions(guild), BOT_POSITION, world.bot.id()));
            world.dispatch("GUILD_ROLE_UPDATE", payload, guild.id());
        }
    }

    /** A role's name and position in the fixture's guild, or null for a role it does not have. */
    ObjectNode role(SimGuild guild, String roleId) {
        return roles(guild)
                .valueStream()
                .filter(r -> r.path("id").asString().equals(roleId))
                .map(r -> (ObjectNode) r)
                .findFirst()
                .orElse(null);
    }

    List<String> rolesOf(SimGuild guild, SimUser user) {
        if (user.equals(world.bot)) {
            return List.of(guild.botRoleId());
        }
        List<String> roles = new java.util.ArrayList<>();
        if (user.name().equals("admin")) {
            roles.add(guild.leadRoleId());
        }
        roles.addAll(world.memberRoles.getOrDefault(guild.id() + "/" + user.id(), java.util.Set.of()));
        return roles;
    }

    /** A member's guild-wide permissions, as sent in an interaction's member.permissions. */
    long permissionsOf(SimGuild guild, SimUser user) {
        if (user.equals(world.bot)) {
            return EVERYONE_PERMISSIONS | botRolePermissions(guild);
        }
        return user.name().equals("admin") ? EVERYONE_PERMISSIONS | MANAGE_GUILD : EVERYONE_PERMISSIONS;
    }

    /** The bot's permissions in a channel: its roles, then its member overwrite (a thread uses its parent's). */
    long botPermissionsIn(SimChannel channel) {
        SimChannel holder = channel.isThread() ? world.channels.get(channel.parentId()) : channel;
        SimGuild guild = holder.guildId() == null ? null : world.guilds.get(holder.guildId());
        // A DM has no guild and no role: the bot has the everyone permissions and its base ones there.
        long base = EVERYONE_PERMISSIONS | (guild == null ? BOT_PERMISSIONS : botRolePermissions(guild));
        return (base & ~holder.botDeny()) | holder.botAllow();
    }
}
