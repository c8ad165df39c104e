package dev.drill.sim;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the test driver does as members (through {@link Actor}): post, edit, delete, react, run commands,
 * click components; each is checked as Discord's client would and dispatched. Each runs under the world's monitor.
 */
final class Members {

    private final SimWorld world;

    Members(SimWorld world) {
        this.world = world;
    }

    SimMessage say(SimUser user, String channelId, String content) {
        synchronized (world) {
            SimChannel channel = world.requireChannel(channelId);
            if (channel.isThread() && channel.locked()) {
                throw new IllegalStateException(user.name() + " cannot post in thread '" + channel.name()
                        + "': it is locked (only members with Manage Threads may post)");
            }
            if (channel.isThread() && channel.archived()) {
                // a member's message unarchives an unlocked thread
                channel = world.messaging.updateThread(channel, false, false);
            }
            ObjectNode body = Json.object();
            body.put("content", content);
            return world.messaging.postMessage(channel, user, 0, body, false, null);
        }
    }

    SimMessage edit(SimUser user, String messageId, String content) {
        synchronized (world) {
            SimMessage message = world.requireMessage(messageId);
            if (!message.authorId().equals(user.id())) {
                throw new IllegalArgumentException(user.name() + " can only edit their own messages");
            }
            ObjectNode body = Json.object();
            body.put("content", content);
            return world.messaging.applyEdit(message, body);
        }
    }

    void delete(SimUser user, String messageId) {
        synchronized (world) {
            SimMessage message = world.requireMessage(messageId);
            if (!message.authorId().equals(user.id())) {
                throw new IllegalArgumentException(user.name() + " can only delete their own messages");
            }
            world.messaging.removeMessage(message);
        }
    }

    void react(SimUser user, String messageId, String emoji, boolean add) {
        synchronized (world) {
            world.messaging.react(user, world.requireMessage(messageId), emoji, add);
        }
    }

    /** A slash command (or its autocomplete when {@code focused} is set), typed from the registered definition. */
    SimInteraction command(SimUser user, String channelId, String commandLine, Map<String, ?> options, String focused) {
        synchronized (world) {
            SimChannel channel = world.requireChannel(channelId);
            SimGuild guild = world.guilds.get(channel.guildId());
            String[] path = commandLine.trim().replaceFirst("^/", "").split("\\s+");
            JsonNode command = findCommand(guild.id(), path[0], 1);
            ObjectNode data = new CommandData(world, guild).slash(command, path, options, focused);
            return newInteraction(focused == null ? 2 : 4, user, channel, data, null, String.join(" ", path));
        }
    }

    /**
     * A slash command in the user's DM with the bot. Discord offers only global commands there, and only
     * those whose {@code contexts} include BOT_DM (1) or that have none (Discord's default: every context).
     */
    SimInteraction dmCommand(SimUser user, String commandLine, Map<String, ?> options) {
        synchronized (world) {
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
            ObjectNode data = new CommandData(world, null).slash(command, path, options, null);
            return newDmInteraction(user, data, String.join(" ", path));
        }
    }

    /** The bot's DM channel with a user, opened the first time it is needed. */
    SimChannel dmChannel(SimUser user) {
        synchronized (world) {
            return world.dmChannels.computeIfAbsent(user.id(), id -> {
                SimChannel dm = SimChannel.dm(world.ids.next(), id, world.clock.instant());
                world.channels.put(dm.id(), dm);
                return dm;
            });
        }
    }

    SimInteraction click(SimUser user, String messageId, String customId) {
        synchronized (world) {
            SimMessage message = world.requireMessage(messageId);
            JsonNode component = message.components().findParents("custom_id").stream()
                    .filter(c -> customId.equals(c.path("custom_id").asString()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("message " + messageId + " has no component '"
                            + customId + "'; it has " + message.customIds()));
            ObjectNode data = Json.object();
            data.put("custom_id", customId);
            data.put("component_type", component.path("type").asInt(2));
            return newInteraction(3, user, world.channels.get(message.channelId()), data, message, customId);
        }
    }

    /** A key of {@link #submitModal}'s values that fills every text input the values do not name. */
    static final String EVERY_INPUT = "*";

    /**
     * Submits the modal the bot answered {@code opened} with, filling its text inputs by custom id (a missing
     * one is sent empty): an INTERACTION_CREATE of type 5, each input inside its label as Discord sends it.
     */
    SimInteraction submitModal(SimUser user, SimInteraction opened, Map<String, String> values) {
        synchronized (world) {
            JsonNode modal = world.observations.responses(opened.id()).stream()
                    .filter(r -> r.kind() == SimResponse.Kind.MODAL)
                    .map(r -> r.body().path("data"))
                    .reduce((first, second) -> second)
                    .orElseThrow(() -> new IllegalArgumentException("the bot answered no modal to " + opened.name()));
            ObjectNode data = Json.object();
            String customId = modal.path("custom_id").asString();
            data.put("custom_id", customId);
            ArrayNode components = data.putArray("components");
            int componentId = 0; // Discord numbers every component of a submitted modal
            for (JsonNode input : modal.findParents("style")) {
                if (input.path("type").asInt() != 4) {
                    continue;
                }
                String inputId = input.path("custom_id").asString();
                ObjectNode label = components.addObject();
                label.put("type", 18);
                label.put("id", ++componentId);
                ObjectNode component = label.putObject("component");
                component.put("type", 4);
                component.put("id", ++componentId);
                component.put("custom_id", inputId);
                component.put("value", values.getOrDefault(inputId, values.getOrDefault(EVERY_INPUT, "")));
            }
            return newInteraction(5, user, world.channels.get(opened.channelId()), data, null, customId);
        }
    }

    SimInteraction messageCommand(SimUser user, String messageId, String name) {
        synchronized (world) {
            SimMessage message = world.requireMessage(messageId);
            SimChannel channel = world.channels.get(message.channelId());
            ObjectNode data = CommandData.of(findCommand(channel.guildId(), name, 3));
            data.put("target_id", message.id());
            data.putObject("resolved")
                    .putObject("messages")
                    .set(message.id(), world.messaging.messageJson(message, false));
            return newInteraction(2, user, channel, data, null, name);
        }
    }

    /**
     * Stores one global command as if an earlier registration had made it, replacing one of the same name
     * and type: what Discord still offers after a deploy until the next bulk overwrite names it again.
     */
    JsonNode addGlobalCommand(JsonNode command) {
        synchronized (world) {
            ObjectNode stored = (ObjectNode) command.deepCopy();
            int type = stored.path("type").asInt(1);
            String name = stored.path("name").asString();
            ArrayNode scope = world.commands.computeIfAbsent("global", k -> Json.array());
            ArrayNode kept = Json.array();
            String id = world.ids.next();
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
            stored.put("application_id", world.applicationId);
            stored.put("version", world.ids.next());
            kept.add(stored);
            world.commands.put("global", kept);
            world.changed();
            return stored.deepCopy();
        }
    }

    /** A registered command by name and type: the guild's first, then the global ones (a DM has only those). */
    private JsonNode findCommand(String guildId, String name, int type) {
        for (String scope : guildId == null ? List.of("global") : List.of(guildId, "global")) {
            for (JsonNode command : world.commands.getOrDefault(scope, Json.array())) {
                if (command.path("name").asString().equals(name)
                        && command.path("type").asInt(1) == type) {
                    return command;
                }
            }
        }
        throw new IllegalArgumentException("no command '" + name + "' of type " + type + " registered; registered: "
                + world.commands.values().stream()
                        .flatMap(JsonNode::valueStream)
                        .map(c -> c.path("name").asString())
                        .toList());
    }

    // ---------------------------------------------------------------- INTERACTION_CREATE

    private SimInteraction newInteraction(
            int type, SimUser user, SimChannel channel, ObjectNode data, SimMessage message, String name) {
        SimGuild guild = world.guilds.get(channel.guildId());
        ObjectNode json = interactionHead(type);
        json.put("guild_id", guild.id());
        ObjectNode guildInfo = json.putObject("guild");
        guildInfo.put("id", guild.id());
        guildInfo.put("locale", "en-US");
        guildInfo.putArray("features");
        json.put("channel_id", channel.id());
        ObjectNode channelInfo = world.payloads.channelJson(channel);
        channelInfo.put("permissions", Long.toString(world.fixture.permissionsOf(guild, user)));
        json.set("channel", channelInfo);
        ObjectNode member = world.payloads.memberJson(guild, user, true);
        member.put("permissions", Long.toString(world.fixture.permissionsOf(guild, user)));
        json.set("member", member);
        json.put("locale", "en-US");
        json.put("guild_locale", "en-US");
        json.put("app_permissions", Long.toString(world.fixture.botPermissionsIn(channel)));
        json.put("context", 0);
        json.putObject("authorizing_integration_owners").put("0", guild.id());
        interactionTail(json, data);
        if (message != null) {
            json.set("message", world.messaging.messageJson(message, false));
        }
        return create(json, guild.id(), channel.id(), user, name, message == null ? null : message.id());
    }

    /** An interaction in a DM: no guild and no member, the user instead; context 1 (bot DM). */
    private SimInteraction newDmInteraction(SimUser user, ObjectNode data, String name) {
        SimChannel dm = dmChannel(user);
        ObjectNode json = interactionHead(2);
        json.put("channel_id", dm.id());
        json.set("channel", Payloads.dmChannel(dm, user));
        json.set("user", Payloads.user(user));
        json.put("locale", "en-US");
        json.put("app_permissions", Long.toString(SimFixture.EVERYONE_PERMISSIONS | SimFixture.BOT_PERMISSIONS));
        json.put("context", 1);
        // A guild-installed app used in its bot DM: the guild-install owner is "0".
        json.putObject("authorizing_integration_owners").put("0", "0");
        interactionTail(json, data);
        return create(json, null, dm.id(), user, name, null);
    }

    /** What every interaction starts with: a new id and token, this application, its type, version 1. */
    private ObjectNode interactionHead(int type) {
        String id = world.ids.next();
        String token = "aW50ZXJhY3Rpb24." + UUID.randomUUID().toString().replace("-", "");
        ObjectNode json = Json.object();
        json.put("id", id);
        json.put("application_id", world.applicationId);
        json.put("type", type);
        json.put("token", token);
        json.put("version", 1);
        return json;
    }

    private static void interactionTail(ObjectNode json, ObjectNode data) {
        json.putArray("entitlements");
        json.put("attachment_size_limit", 10 * 1024 * 1024);
        json.set("data", data);
    }

    /** Keeps the interaction for the bot's answers and sends INTERACTION_CREATE (redeliverable, as Discord may). */
    private SimInteraction create(
            ObjectNode json, String guildId, String channelId, SimUser user, String name, String messageId) {
        SimInteraction interaction = new SimInteraction(
                json.path("id").asString(),
                json.path("token").asString(),
                json.path("type").asInt(),
                guildId,
                channelId,
                user.id(),
                name,
                messageId,
                json);
        world.interactions.put(interaction.id(), new InteractionState(interaction));
        world.dispatchMember("INTERACTION_CREATE", json, guildId);
        return interaction;
    }
}
