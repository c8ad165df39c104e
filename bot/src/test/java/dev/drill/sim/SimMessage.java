package dev.drill.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One message as the simulator keeps it (a snapshot: edits make a new one). Embeds, components and
 * allowed_mentions are the raw JSON the author sent; {@code interactionId} is set on interaction replies
 * and follow-ups; {@code reactions} maps an emoji to the ids of the users who reacted, in order;
 * {@code attachments} are the files the author uploaded, bytes kept.
 */
public record SimMessage(
        String id,
        String channelId,
        String guildId,
        String authorId,
        int type,
        String content,
        JsonNode embeds,
        JsonNode components,
        int flags,
        boolean ephemeral,
        String interactionId,
        JsonNode allowedMentions,
        String nonce,
        Instant timestamp,
        Instant editedTimestamp,
        Map<String, List<String>> reactions,
        List<SimAttachment> attachments) {

    static final int EPHEMERAL_FLAG = 64;

    public SimMessage {
        reactions = Map.copyOf(reactions);
        attachments = List.copyOf(attachments);
    }

    /** The embed titles, in order; convenient for assertions. */
    public List<String> embedTitles() {
        return embedField("title");
    }

    public List<String> embedDescriptions() {
        return embedField("description");
    }

    private List<String> embedField(String field) {
        return embeds == null
                ? List.of()
                : embeds.valueStream().map(e -> e.path(field).asString("")).toList();
    }

    /** The custom ids of all buttons and selects in the message's components. */
    public List<String> customIds() {
        return components == null ? List.of() : components.findValuesAsString("custom_id");
    }

    public int reactionCount(String emoji) {
        return reactions.getOrDefault(emoji, List.of()).size();
    }

    SimMessage edited(
            String content,
            JsonNode embeds,
            JsonNode components,
            JsonNode allowedMentions,
            int flags,
            Instant at,
            List<SimAttachment> attachments) {
        return new SimMessage(
                id,
                channelId,
                guildId,
                authorId,
                type,
                content,
                embeds,
                components,
                flags,
                ephemeral,
                interactionId,
                allowedMentions,
                nonce,
                timestamp,
                at,
                reactions,
                attachments);
    }

    SimMessage withReaction(String emoji, String userId, boolean add) {
        Map<String, List<String>> copy = new LinkedHashMap<>(reactions);
        List<String> users = new ArrayList<>(copy.getOrDefault(emoji, List.of()));
        if (add && !users.contains(userId)) {
            users.add(userId);
        } else if (!add) {
            users.remove(userId);
        }
        if (users.isEmpty()) {
            copy.remove(emoji);
        } else {
            copy.put(emoji, List.copyOf(users));
        }
        return new SimMessage(
                id,
                channelId,
                guildId,
                authorId,
                type,
                content,
                embeds,
                components,
                flags,
                ephemeral,
                interactionId,
                allowedMentions,
                nonce,
                timestamp,
                editedTimestamp,
                copy,
                attachments);
    }
}
