package dev.drill.sim;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One thing the bot did in answer to an interaction: the callback (reply, defer, update, autocomplete,
 * modal) or a later webhook call (edit of the original, follow-up). {@code message} is the message it
 * created or edited, as it stood right after, or null; {@code body} is the request body as sent.
 */
public record SimResponse(Kind kind, boolean ephemeral, SimMessage message, JsonNode body, Instant at) {

    public enum Kind {
        PONG,
        REPLY,
        DEFERRED_REPLY,
        DEFERRED_UPDATE,
        UPDATE,
        AUTOCOMPLETE,
        MODAL,
        EDIT_ORIGINAL,
        DELETE_ORIGINAL,
        FOLLOW_UP,
        EDIT_FOLLOW_UP;

        static Kind ofCallbackType(int type) {
            return switch (type) {
                case 1 -> PONG;
                case 4 -> REPLY;
                case 5 -> DEFERRED_REPLY;
                case 6 -> DEFERRED_UPDATE;
                case 7 -> UPDATE;
                case 8 -> AUTOCOMPLETE;
                case 9 -> MODAL;
                default -> throw new DiscordError(400, 50035, "Invalid Form Body: unknown callback type " + type);
            };
        }

        boolean acknowledges() {
            return ordinal() <= MODAL.ordinal();
        }
    }

    /** The content of the message this response produced, or "" when it produced none. */
    public String content() {
        return message == null ? "" : message.content();
    }
}
