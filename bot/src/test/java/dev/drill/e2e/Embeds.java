package dev.drill.e2e;

import dev.drill.sim.SimMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Reads a message's embeds the way a member sees them, for assertions. */
final class Embeds {

    private Embeds() {}

    /** The fields of the message's first embed, name to value, in order. */
    static Map<String, String> fields(SimMessage message) {
        return fields(message, 0);
    }

    static Map<String, String> fields(SimMessage message, int embed) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (JsonNode field : message.embeds().path(embed).path("fields")) {
            fields.put(field.path("name").asString(), field.path("value").asString());
        }
        return fields;
    }

    /** Whether a message carries at least one embed. */
    static boolean hasEmbed(SimMessage message) {
        return message.embeds() != null && !message.embeds().isEmpty();
    }

    /** The Discord timestamp markup of an instant, e.g. {@code <t:2238224400:R>}. */
    static String timestamp(java.time.Instant at, char style) {
        return "<t:" + at.getEpochSecond() + ":" + style + ">";
    }
}
