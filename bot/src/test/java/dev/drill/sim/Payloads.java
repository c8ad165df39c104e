package dev.drill.sim;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders the simulator's records as the JSON objects Discord sends, with the fields JDA 6.5.0 reads as
 * required (see DISCORD-SIM.md). Pure functions of their arguments.
 */
final class Payloads {

    private Payloads() {}

    static ObjectNode user(SimUser user) {
        ObjectNode json = Json.object();
        json.put("id", user.id());
        json.put("username", user.name());
        json.put("global_name", user.bot() ? null : capitalized(user.name()));
        json.put("discriminator", "0");
        json.putNull("avatar");
        json.put("bot", user.bot());
        json.put("public_flags", 0);
        return json;
    }

    static ObjectNode member(SimUser user, List<String> roles, Instant joinedAt, boolean withUser) {
        ObjectNode json = Json.object();
        if (withUser) {
            json.set("user", user(user));
        }
        ArrayNode roleIds = json.putArray("roles");
        roles.forEach(roleIds::add);
        json.putNull("nick");
        json.putNull("avatar");
        json.put("joined_at", Json.timestamp(joinedAt));
        json.putNull("premium_since");
        json.putNull("communication_disabled_until");
        json.put("deaf", false);
        json.put("mute", false);
        json.put("pending", false);
        json.put("flags", 0);
        return json;
    }

    static ObjectNode role(String id, String name, long permissions, int position, String managedForBot) {
        ObjectNode json = Json.object();
        json.put("id", id);
        json.put("name", name);
        json.put("permissions", Long.toString(permissions));
        json.put("position", position);
        json.put("color", 0);
        ObjectNode colors = json.putObject("colors");
        colors.put("primary_color", 0);
        colors.putNull("secondary_color");
        colors.putNull("tertiary_color");
        json.put("hoist", false);
        json.put("managed", managedForBot != null);
        json.put("mentionable", false);
        json.putNull("icon");
        json.putNull("unicode_emoji");
        json.put("flags", 0);
        if (managedForBot != null) {
            json.putObject("tags").put("bot_id", managedForBot);
        }
        return json;
    }

    static ObjectNode channel(SimChannel channel, String botUserId, int position) {
        if (channel.isThread()) {
            return thread(channel, null);
        }
        ObjectNode json = Json.object();
        json.put("id", channel.id());
        json.put("type", channel.type());
        json.put("guild_id", channel.guildId());
        json.put("name", channel.name());
        json.put("position", position);
        ArrayNode overwrites = json.putArray("permission_overwrites");
        if (channel.botAllow() != 0 || channel.botDeny() != 0) {
            ObjectNode overwrite = overwrites.addObject();
            overwrite.put("id", botUserId);
            overwrite.put("type", 1);
            overwrite.put("allow", Long.toString(channel.botAllow()));
            overwrite.put("deny", Long.toString(channel.botDeny()));
        }
        json.putNull("topic");
        json.put("nsfw", false);
        json.putNull("last_message_id");
        json.put("rate_limit_per_user", 0);
        json.putNull("parent_id");
        json.put("default_auto_archive_duration", 1440);
        json.put("default_thread_rate_limit_per_user", 0);
        json.put("flags", 0);
        return json;
    }

    /** The bot's DM with a user, as an interaction in it carries it. */
    static ObjectNode dmChannel(SimChannel dm, SimUser recipient) {
        ObjectNode json = Json.object();
        json.put("id", dm.id());
        json.put("type", dm.type());
        json.putNull("last_message_id");
        json.put("flags", 0);
        json.putArray("recipients").add(user(recipient));
        return json;
    }

    /** A thread channel; {@code memberUserId} adds the thread-member object of that user (the bot when it created it). */
    static ObjectNode thread(SimChannel thread, String memberUserId) {
        ObjectNode json = Json.object();
        json.put("id", thread.id());
        json.put("type", thread.type());
        json.put("guild_id", thread.guildId());
        json.put("parent_id", thread.parentId());
        json.put("owner_id", thread.ownerId());
        json.put("name", thread.name());
        json.putNull("last_message_id");
        json.put("message_count", thread.messageCount());
        json.put("total_message_sent", thread.messageCount());
        json.put("member_count", 1);
        json.put("rate_limit_per_user", 0);
        json.put("flags", 0);
        json.putArray("applied_tags");
        ObjectNode metadata = json.putObject("thread_metadata");
        metadata.put("archived", thread.archived());
        metadata.put("locked", thread.locked());
        metadata.put("auto_archive_duration", thread.autoArchiveDuration());
        metadata.put("archive_timestamp", Json.timestamp(thread.archiveTimestamp()));
        metadata.put("create_timestamp", Json.timestamp(thread.createdAt()));
        metadata.put("invitable", true);
        if (memberUserId != null) {
            ObjectNode member = json.putObject("member");
            member.put("id", thread.id());
            member.put("user_id", memberUserId);
            member.put("join_timestamp", Json.timestamp(thread.createdAt()));
            member.put("flags", 1);
        }
        return json;
    }

    /** The message object; {@code guild} adds what a gateway MESSAGE_CREATE carries (guild_id, member). */
    static ObjectNode message(
            SimMessage m,
            SimUser author,
            Map<String, SimUser> usersById,
            String applicationId,
            String botUserId,
            ObjectNode memberOrNull,
            boolean guild) {
        ObjectNode json = Json.object();
        json.put("id", m.id());
        json.put("type", m.type());
        json.put("channel_id", m.channelId());
        json.set("author", user(author));
        json.put("content", m.content());
        json.put("timestamp", Json.timestamp(m.timestamp()));
        if (m.editedTimestamp() == null) {
            json.putNull("edited_timestamp");
        } else {
            json.put("edited_timestamp", Json.timestamp(m.editedTimestamp()));
        }
        json.put("tts", false);
        json.put("mention_everyone", false);
        ArrayNode mentions = json.putArray("mentions");
        usersById.values().stream()
                .filter(u -> m.content().contains("<@" + u.id() + ">"))
                .forEach(u -> mentions.add(user(u)));
        json.putArray("mention_roles");
        ArrayNode attachments = json.putArray("attachments");
        for (SimAttachment a : m.attachments()) {
            ObjectNode attachment = attachments.addObject();
            attachment.put("id", a.id());
            attachment.put("filename", a.filename());
            attachment.put("size", a.bytes().length);
            String url = "https://cdn.discord.local/attachments/" + m.channelId() + "/" + a.id() + "/" + a.filename();
            attachment.put("url", url);
            attachment.put("proxy_url", url);
            if (a.contentType() != null) {
                attachment.put("content_type", a.contentType());
            }
            if (a.isImage()) {
                attachment.put("width", a.width());
                attachment.put("height", a.height());
            }
        }
        json.set("embeds", embedsAsServed(m.embeds()));
        json.set(
                "components",
                m.components() == null ? Json.array() : m.components().deepCopy());
        json.put("pinned", false);
        json.put("flags", m.flags());
        if (m.nonce() != null) {
            json.put("nonce", m.nonce());
        }
        if (m.interactionId() != null) {
            json.put("webhook_id", applicationId);
            json.put("application_id", applicationId);
        }
        if (!m.reactions().isEmpty()) {
            ArrayNode reactions = json.putArray("reactions");
            m.reactions().forEach((emoji, users) -> {
                ObjectNode reaction = reactions.addObject();
                reaction.set("emoji", emoji(emoji));
                reaction.put("count", users.size());
                ObjectNode details = reaction.putObject("count_details");
                details.put("burst", 0);
                details.put("normal", users.size());
                reaction.put("me", users.contains(botUserId));
                reaction.put("me_burst", false);
                reaction.putArray("burst_colors");
            });
        }
        if (guild && m.guildId() != null) {
            json.put("guild_id", m.guildId());
            if (memberOrNull != null) {
                json.set("member", memberOrNull);
            }
        }
        return json;
    }

    /** A unicode emoji is {id:null,name}; a custom one is written name:id, as in REST paths. */
    static ObjectNode emoji(String emoji) {
        ObjectNode json = Json.object();
        int colon = emoji.lastIndexOf(':');
        if (colon > 0 && emoji.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            json.put("id", emoji.substring(colon + 1));
            json.put("name", emoji.substring(0, colon));
        } else {
            json.putNull("id");
            json.put("name", emoji);
        }
        return json;
    }

    static JsonNode arrayOrEmpty(JsonNode node) {
        return node != null && node.isArray() ? node.deepCopy() : Json.array();
    }

    private static String capitalized(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Discord serves every embed with its {@code type} ("rich" for bot embeds); JDA requires it. */
    private static ArrayNode embedsAsServed(JsonNode embeds) {
        ArrayNode served = Json.array();
        if (embeds != null) {
            for (JsonNode embed : embeds) {
                ObjectNode copy = (ObjectNode) embed.deepCopy();
                if (!copy.has("type")) {
                    copy.put("type", "rich");
                }
                served.add(copy);
            }
        }
        return served;
    }
}
