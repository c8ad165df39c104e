package dev.drill.sim;

import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST calls with which the bot answers interactions: the callback (within 3 seconds, once) and the
 * interaction webhook (follow-ups, the original response) for 15 minutes. Each runs under the world's monitor.
 */
final class InteractionRest {

    private static final Duration FIRST_RESPONSE_DEADLINE = Duration.ofSeconds(3);
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

    private final SimWorld world;

    InteractionRest(SimWorld world) {
        this.world = world;
    }

    JsonNode interactionCallback(String interactionId, String token, JsonNode body, boolean withResponse) {
        synchronized (world) {
            InteractionState state = world.interactions.get(interactionId);
            if (state == null
                    || !state.interaction.token().equals(token)
                    || world.clock
                            .instant()
                            .isAfter(Snowflakes.timeOf(interactionId).plus(FIRST_RESPONSE_DEADLINE))) {
                throw new DiscordError(404, 10062, "Unknown interaction");
            }
            if (state.acknowledged) {
                throw new DiscordError(400, 40060, "Interaction has already been acknowledged.");
            }
            int type = body.path("type").asInt();
            SimResponse.Kind kind = SimResponse.Kind.ofCallbackType(type);
            JsonNode data = body.path("data");
            boolean ephemeral = (data.path("flags").asInt(0) & SimMessage.EPHEMERAL_FLAG) != 0;
            SimInteraction interaction = state.interaction;
            SimMessage message = null;
            switch (kind) {
                case REPLY -> {
                    message = postReply(interaction, data, ephemeral);
                    state.originalMessageId = message.id();
                }
                case DEFERRED_REPLY -> state.deferredEphemeral = ephemeral;
                case UPDATE -> {
                    message = world.messaging.applyEdit(requireComponentMessage(interaction), data);
                    state.originalMessageId = message.id();
                    ephemeral = message.ephemeral();
                }
                case DEFERRED_UPDATE -> {
                    state.originalMessageId =
                            requireComponentMessage(interaction).id();
                    ephemeral = world.messages.get(state.originalMessageId).ephemeral();
                }
                default -> {}
            }
            state.acknowledged = true;
            respond(state, kind, ephemeral, message, body.deepCopy());
            if (!withResponse) {
                return null;
            }
            ObjectNode response = Json.object();
            ObjectNode about = response.putObject("interaction");
            about.put("id", interaction.id());
            about.put("type", interaction.type());
            about.putNull("activity_instance_id");
            if (state.originalMessageId != null) {
                about.put("response_message_id", state.originalMessageId);
            }
            about.put("response_message_loading", kind == SimResponse.Kind.DEFERRED_REPLY);
            about.put("response_message_ephemeral", ephemeral);
            ObjectNode resource = response.putObject("resource");
            resource.put("type", type);
            if (message != null) {
                resource.set("message", world.messaging.messageJson(message, false));
            }
            return response;
        }
    }

    JsonNode followUp(String appId, String token, JsonNode body) {
        synchronized (world) {
            InteractionState state = webhookState(appId, token);
            boolean ephemeral = (body.path("flags").asInt(0) & SimMessage.EPHEMERAL_FLAG) != 0;
            SimMessage message = postReply(state.interaction, body, ephemeral);
            state.followUps.add(message.id());
            respond(state, SimResponse.Kind.FOLLOW_UP, ephemeral, message, body.deepCopy());
            return world.messaging.messageJson(message, false);
        }
    }

    /** GET, PATCH or DELETE of webhooks/{app}/{token}/messages/{@original | id}. */
    JsonNode webhookMessage(String method, String appId, String token, String ref, JsonNode body) {
        synchronized (world) {
            InteractionState state = webhookState(appId, token);
            boolean original = ref.equals("@original");
            String messageId = original ? state.originalMessageId : ref;
            if (!original && !state.followUps.contains(ref)) {
                throw DiscordError.unknownMessage();
            }
            if (messageId == null && original && method.equals("PATCH") && isDeferredReply(state)) {
                // A deferred reply becomes a message with its first edit.
                SimMessage message = postReply(state.interaction, body, state.deferredEphemeral);
                state.originalMessageId = message.id();
                respond(state, SimResponse.Kind.EDIT_ORIGINAL, message.ephemeral(), message, body.deepCopy());
                return world.messaging.messageJson(message, false);
            }
            SimMessage message = messageId == null ? null : world.messages.get(messageId);
            if (message == null) {
                throw DiscordError.unknownMessage();
            }
            switch (method) {
                case "GET" -> {
                    return world.messaging.messageJson(message, false);
                }
                case "DELETE" -> {
                    world.messaging.removeMessage(message);
                    respond(state, SimResponse.Kind.DELETE_ORIGINAL, message.ephemeral(), message, null);
                    return null;
                }
                default -> {
                    SimMessage edited = world.messaging.applyEdit(message, body);
                    SimResponse.Kind kind = original ? SimResponse.Kind.EDIT_ORIGINAL : SimResponse.Kind.EDIT_FOLLOW_UP;
                    respond(state, kind, edited.ephemeral(), edited, body.deepCopy());
                    return world.messaging.messageJson(edited, false);
                }
            }
        }
    }

    /** The bot's message in the interaction's channel: a reply to a command, else an ordinary message (type 0). */
    private SimMessage postReply(SimInteraction interaction, JsonNode body, boolean ephemeral) {
        return world.messaging.postMessage(
                world.channels.get(interaction.channelId()),
                world.bot,
                replyType(interaction),
                body,
                ephemeral,
                interaction.id());
    }

    /** Records what the bot answered and wakes the awaits that wait for it. */
    private void respond(
            InteractionState state, SimResponse.Kind kind, boolean ephemeral, SimMessage message, JsonNode body) {
        state.responses.add(new SimResponse(kind, ephemeral, message, body, world.clock.instant()));
        world.changed();
    }

    private SimMessage requireComponentMessage(SimInteraction interaction) {
        if (interaction.type() != 3 || interaction.messageId() == null) {
            throw new DiscordError(400, 50035, "Invalid Form Body: update responses are for component interactions");
        }
        SimMessage message = world.messages.get(interaction.messageId());
        if (message == null) {
            throw DiscordError.unknownMessage();
        }
        return message;
    }

    private static int replyType(SimInteraction interaction) {
        if (interaction.type() != 2) {
            return 0;
        }
        return interaction.payload().path("data").path("type").asInt(1) == 1 ? 20 : 23;
    }

    private InteractionState webhookState(String appId, String token) {
        if (!world.applicationId.equals(appId)) {
            throw new DiscordError(404, 10015, "Unknown Webhook");
        }
        InteractionState state = world.interactions.values().stream()
                .filter(s -> s.interaction.token().equals(token))
                .findFirst()
                .orElseThrow(() -> new DiscordError(404, 10015, "Unknown Webhook"));
        if (world.clock
                .instant()
                .isAfter(Snowflakes.timeOf(state.interaction.id()).plus(TOKEN_LIFETIME))) {
            throw new DiscordError(401, 50027, "Invalid Webhook Token");
        }
        if (!state.acknowledged) {
            throw new DiscordError(404, 10015, "Unknown Webhook");
        }
        return state;
    }

    private static boolean isDeferredReply(InteractionState state) {
        return state.responses.stream().anyMatch(r -> r.kind() == SimResponse.Kind.DEFERRED_REPLY);
    }
}
