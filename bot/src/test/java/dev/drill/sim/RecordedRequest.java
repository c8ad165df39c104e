package dev.drill.sim;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One REST request the simulator received, with the status it answered; path is relative to /api/v10. */
public record RecordedRequest(Instant at, String method, String path, String query, String body, int status) {

    /** The body as JSON, or null when there was none. */
    public JsonNode json() {
        return body == null || body.isBlank() ? null : Json.parse(body);
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status
                + (body == null || body.isBlank() ? "" : " " + body);
    }
}
