package dev.drill.sim;

import tools.jackson.databind.node.ObjectNode;

/** An error answer the way Discord gives it: an HTTP status and a JSON {code, message}. */
final class DiscordError extends RuntimeException {

    final int status;
    final int code;

    DiscordError(int status, int code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static DiscordError unknownChannel() {
        return new DiscordError(404, 10003, "Unknown Channel");
    }

    static DiscordError unknownMessage() {
        return new DiscordError(404, 10008, "Unknown Message");
    }

    static DiscordError missingAccess() {
        return new DiscordError(403, 50001, "Missing Access");
    }

    static DiscordError missingPermissions() {
        return new DiscordError(403, 50013, "Missing Permissions");
    }

    ObjectNode body() {
        ObjectNode body = Json.object();
        body.put("message", getMessage());
        body.put("code", code);
        return body;
    }
}
