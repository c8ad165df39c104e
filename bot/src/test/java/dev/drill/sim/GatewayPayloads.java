package dev.drill.sim;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The world as the gateway describes it: READY, GUILD_CREATE, and the channel and member objects that events
 * and REST answers share. Called under the world's monitor.
 */
final class GatewayPayloads {

    private final SimWorld world;

    GatewayPayloads(SimWorld world) {
        this.world = world;
    }

    ObjectNode readyPayload(String sessionId, String resumeUrl, List<SimGuild> guilds) {
        ObjectNode ready = Json.object();
        ready.put("v", 10);
        ready.set("user", Payloads.user(world.bot));
        ArrayNode guildList = ready.putArray("guilds");
        guilds.forEach(g -> guildList.addObject().put("id", g.id()).put("unavailable", true));
        ready.put("session_id", sessionId);
        ready.put("resume_gateway_url", resumeUrl);
        ready.putArray("private_channels");
        ready.putArray("relationships");
        ready.putArray("presences");
        ready.putArray("guild_join_requests");
        ready.putArray("geo_ordered_rtc_regions");
        ready.putObject("application").put("id", world.applicationId).put("flags", 0);
        ready.putArray("_trace").add("drill-sim");
        return ready;
    }

    ObjectNode guildCreatePayload(String guildId) {
        SimGuild guild = world.requireGuild(guildId);
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
        json.set("roles", world.fixture.roles(guild));
        ArrayNode members = json.putArray("members");
        world.usersByName.values().forEach(u -> members.add(memberJson(guild, u, true)));
        json.put("member_count", members.size());
        ArrayNode channelList = json.putArray("channels");
        ArrayNode threads = json.putArray("threads");
        world.guildChannels(guildId).forEach(c -> (c.isThread() ? threads : channelList).add(channelJson(c)));
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

    ObjectNode channelJson(SimChannel channel) {
        if (channel.isThread()) {
            return Payloads.thread(channel, null);
        }
        return Payloads.channel(
                channel, world.bot.id(), world.guildChannels(channel.guildId()).indexOf(channel));
    }

    ObjectNode memberJson(SimGuild guild, SimUser user, boolean withUser) {
        return Payloads.member(user, world.fixture.rolesOf(guild, user), Snowflakes.timeOf(guild.id()), withUser);
    }
}
