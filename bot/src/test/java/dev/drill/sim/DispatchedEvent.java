package dev.drill.sim;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One gateway dispatch (op 0): its sequence number in the session that got it (0 if none did), type, data. */
public record DispatchedEvent(long seq, String type, JsonNode payload, Instant at) {

    @Override
    public String toString() {
        return "#" + seq + " " + type + " " + Json.write(payload);
    }
}
