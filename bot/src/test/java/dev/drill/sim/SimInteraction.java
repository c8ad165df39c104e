package dev.drill.sim;

import tools.jackson.databind.JsonNode;

/**
 * An interaction a member caused: type 2 (command), 3 (component) or 4 (autocomplete). {@code name}
 * is the command name or the component's custom_id; {@code payload} is the INTERACTION_CREATE data.
 */
public record SimInteraction(
        String id,
        String token,
        int type,
        String guildId,
        String channelId,
        String userId,
        String name,
        String messageId,
        JsonNode payload) {}
