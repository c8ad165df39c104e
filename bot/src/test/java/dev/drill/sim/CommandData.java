package dev.drill.sim;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a command interaction's {@code data} the way Discord's client does: subcommands nested as
 * options, values typed from the registered definition, users/members/channels/roles in {@code resolved}.
 * Called under the world's monitor; {@code guild} is null for a command in a DM.
 */
final class CommandData {

    private static final JsonNodeFactory NODES = Json.MAPPER.getNodeFactory();

    private final SimWorld world;
    private final SimGuild guild;

    CommandData(SimWorld world, SimGuild guild) {
        this.world = world;
        this.guild = guild;
    }

    /** The data every command interaction carries: the registered command's id, name, type. */
    static ObjectNode of(JsonNode command) {
        ObjectNode data = Json.object();
        data.put("id", command.path("id").asString());
        data.put("name", command.path("name").asString());
        data.put("type", command.path("type").asInt(1));
        if (command.has("guild_id")) {
            data.put("guild_id", command.path("guild_id").asString());
        }
        return data;
    }

    /**
     * {@code path} is the command name then its subcommand (group) names; {@code focused} names the option
     * being typed for an autocomplete (its value stays the raw text, and required options may be missing).
     */
    ObjectNode slash(JsonNode command, String[] path, Map<String, ?> options, String focused) {
        String commandLine = "/" + String.join(" ", path);
        ObjectNode data = of(command);
        ObjectNode resolved = Json.object();
        ArrayNode target = data.putArray("options");
        JsonNode definitions = command.path("options");
        for (int i = 1; i < path.length; i++) {
            JsonNode sub = findOption(definitions, path[i], commandLine);
            ObjectNode nested = target.addObject();
            nested.put("type", sub.path("type").asInt());
            nested.put("name", path[i]);
            target = nested.putArray("options");
            definitions = sub.path("options");
        }
        for (String given : options.keySet()) {
            findOption(definitions, given, commandLine);
        }
        for (JsonNode definition : definitions) {
            String name = definition.path("name").asString();
            if (!options.containsKey(name)) {
                if (definition.path("required").asBoolean(false) && focused == null) {
                    throw new IllegalArgumentException(commandLine + " needs option '" + name + "'");
                }
                continue;
            }
            ObjectNode option = target.addObject();
            option.put("name", name);
            option.put("type", definition.path("type").asInt());
            if (name.equals(focused)) {
                option.put("value", String.valueOf(options.get(name)));
                option.put("focused", true);
            } else {
                option.set("value", typed(definition, options.get(name), resolved));
            }
        }
        if (!resolved.isEmpty()) {
            data.set("resolved", resolved);
        }
        return data;
    }

    private static JsonNode findOption(JsonNode definitions, String name, String commandLine) {
        for (JsonNode definition : definitions) {
            if (definition.path("name").asString().equals(name)) {
                return definition;
            }
        }
        throw new IllegalArgumentException(commandLine + " has no option or subcommand '" + name + "'; it has "
                + definitions.findValuesAsString("name"));
    }

    /** Types a driver value from the option's definition, and refuses what Discord's client would not send. */
    private JsonNode typed(JsonNode definition, Object value, ObjectNode resolved) {
        int type = definition.path("type").asInt();
        String text = String.valueOf(value);
        JsonNode typed = switch (type) {
            case 3 -> NODES.stringNode(text);
            case 4 -> NODES.numberNode(Long.parseLong(text));
            case 5 -> NODES.booleanNode(Boolean.parseBoolean(text));
            case 10 -> NODES.numberNode(Double.parseDouble(text));
            case 6, 9 -> resolveUser(text, resolved);
            case 7 -> resolveChannel(text, resolved);
            case 8 -> resolveRole(text, resolved);
            case 11 -> resolveAttachment(value, definition.path("name").asString(), resolved);
            default -> throw new IllegalArgumentException("option type " + type + " is not simulated");
        };
        JsonNode choices = definition.path("choices");
        if (choices.isArray()
                && !choices.isEmpty()
                && choices.valueStream()
                        .noneMatch(c -> c.path("value").asString().equals(typed.asString()))) {
            throw new IllegalArgumentException("'" + text + "' is not a choice of option '"
                    + definition.path("name").asString() + "': " + choices.findValuesAsString("name"));
        }
        return typed;
    }

    private JsonNode resolveUser(String nameOrId, ObjectNode resolved) {
        requireGuild("user");
        SimUser user = world.user(nameOrId.replaceFirst("^@", ""));
        resolved.withObjectProperty("users").set(user.id(), Payloads.user(user));
        ObjectNode member = world.payloads.memberJson(guild, user, false);
        member.put("permissions", Long.toString(world.fixture.permissionsOf(guild, user)));
        resolved.withObjectProperty("members").set(user.id(), member);
        return NODES.stringNode(user.id());
    }

    private JsonNode resolveChannel(String nameOrId, ObjectNode resolved) {
        requireGuild("channel");
        String name = nameOrId.replaceFirst("^#", "");
        SimChannel channel = world.guildChannels(guild.id()).stream()
                .filter(c -> c.id().equals(name) || c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no channel " + nameOrId + " in " + guild.name()));
        ObjectNode json = world.payloads.channelJson(channel);
        json.put("permissions", Long.toString(SimFixture.EVERYONE_PERMISSIONS));
        resolved.withObjectProperty("channels").set(channel.id(), json);
        return NODES.stringNode(channel.id());
    }

    /**
     * A file the member attaches: the driver gives an {@link Upload}; the attachment lands in {@code resolved}
     * with a URL the simulator serves, as Discord's CDN does.
     */
    private JsonNode resolveAttachment(Object value, String option, ObjectNode resolved) {
        if (!(value instanceof Upload upload)) {
            throw new IllegalArgumentException("option '" + option + "' takes a file: pass an Upload, not " + value);
        }
        SimAttachment file =
                SimAttachment.of(world.ids.next(), upload.filename(), upload.contentType(), upload.bytes());
        world.uploads.put(file.id(), file);
        ObjectNode json = Json.object();
        json.put("id", file.id());
        json.put("filename", file.filename());
        json.put("size", upload.bytes().length);
        String url = world.cdnBase + file.id() + "/" + file.filename();
        json.put("url", url);
        json.put("proxy_url", url);
        json.put("content_type", file.contentType());
        json.put("ephemeral", true);
        resolved.withObjectProperty("attachments").set(file.id(), json);
        return NODES.stringNode(file.id());
    }

    private void requireGuild(String what) {
        if (guild == null) {
            throw new IllegalArgumentException(what + " options are not simulated in DMs");
        }
    }

    /** A role by id, or by a fixture name: everyone, lead (Team Lead), drill (the bot's role), champion. */
    private JsonNode resolveRole(String nameOrId, ObjectNode resolved) {
        requireGuild("role");
        String roleId = switch (nameOrId.replaceFirst("^@", "").toLowerCase()) {
            case "everyone" -> guild.everyoneRoleId();
            case "team lead", "lead" -> guild.leadRoleId();
            case "drill" -> guild.botRoleId();
            case "champion" -> guild.championRoleId();
            default -> nameOrId;
        };
        JsonNode role = world.fixture
                .roles(guild)
                .valueStream()
                .filter(r -> r.path("id").asString().equals(roleId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no role " + nameOrId + " in " + guild.name()));
        resolved.withObjectProperty("roles").set(roleId, role);
        return NODES.stringNode(roleId);
    }
}
