package dev.drill.sim;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a message is posted, edited, deleted and reacted to, whether the bot or a member does it, with the
 * gateway event that follows. Called under the world's monitor, by BotRest, InteractionRest and Members.
 */
final class Messaging {

    /**
     * The files of the multipart request being handled on this thread (set by RestApi around one request),
     * so the message it posts or edits gets them without every route passing them along.
     */
    static final ThreadLocal<List<Multipart.Part>> UPLOADS = ThreadLocal.withInitial(List::of);

    private final SimWorld world;

    Messaging(SimWorld world) {
        this.world = world;
    }

    SimMessage postMessage(
            SimChannel channel, SimUser author, int type, JsonNode body, boolean ephemeral, String interactionId) {
        int flags = body.path("flags").asInt(0) | (ephemeral ? SimMessage.EPHEMERAL_FLAG : 0);
        SimMessage message = new SimMessage(
                world.ids.next(),
                channel.id(),
                channel.guildId(),
                author.id(),
                type,
                body.path("content").asString(""),
                Payloads.arrayOrEmpty(body.get("embeds")),
                Payloads.arrayOrEmpty(body.get("components")),
                flags,
                ephemeral,
                interactionId,
                copyOrNull(body.get("allowed_mentions")),
                Json.text(body, "nonce"),
                world.clock.instant(),
                null,
                Map.of(),
                uploaded());
        world.messages.put(message.id(), message);
        announceIfBot(message);
        if (channel.isThread()) {
            world.channels.put(channel.id(), channel.withMessageCount(channel.messageCount() + 1));
        }
        // Discord sends no gateway event for an ephemeral message: only its recipient ever sees it.
        if (!ephemeral) {
            dispatch(
                    author.bot() || interactionId != null,
                    "MESSAGE_CREATE",
                    messageJson(message, true),
                    channel.guildId());
        }
        return message;
    }

    /** The files of the current request as attachments, each with its own id. */
    private List<SimAttachment> uploaded() {
        return UPLOADS.get().stream()
                .map(part -> SimAttachment.of(world.ids.next(), part.filename(), part.contentType(), part.body()))
                .toList();
    }

    SimMessage applyEdit(SimMessage message, JsonNode body) {
        String content = body.has("content") ? body.path("content").asString("") : message.content();
        JsonNode embeds = body.has("embeds") ? Payloads.arrayOrEmpty(body.get("embeds")) : message.embeds();
        JsonNode components =
                body.has("components") ? Payloads.arrayOrEmpty(body.get("components")) : message.components();
        JsonNode mentions =
                body.has("allowed_mentions") ? copyOrNull(body.get("allowed_mentions")) : message.allowedMentions();
        int flags = body.has("flags")
                ? body.path("flags").asInt() | (message.flags() & SimMessage.EPHEMERAL_FLAG)
                : message.flags();
        // As Discord: an edit's "attachments" lists the ones to keep; new files are added to them.
        List<SimAttachment> attachments = new java.util.ArrayList<>();
        if (body.has("attachments")) {
            java.util.Set<String> kept = new java.util.HashSet<>();
            body.path("attachments").forEach(a -> kept.add(a.path("id").asString("")));
            message.attachments().stream().filter(a -> kept.contains(a.id())).forEach(attachments::add);
        } else {
            attachments.addAll(message.attachments());
        }
        attachments.addAll(uploaded());
        SimMessage edited =
                message.edited(content, embeds, components, mentions, flags, world.clock.instant(), attachments);
        world.messages.put(edited.id(), edited);
        announceIfBot(edited);
        if (!edited.ephemeral()) {
            dispatch(byBot(edited), "MESSAGE_UPDATE", messageJson(edited, true), edited.guildId());
        }
        return edited;
    }

    void removeMessage(SimMessage message) {
        world.messages.remove(message.id());
        if (!message.ephemeral()) {
            ObjectNode event = Json.object();
            event.put("id", message.id());
            event.put("channel_id", message.channelId());
            event.put("guild_id", message.guildId());
            dispatch(byBot(message), "MESSAGE_DELETE", event, message.guildId());
        }
        world.changed();
    }

    void react(SimUser user, SimMessage message, String emoji, boolean add) {
        boolean present = message.reactions().getOrDefault(emoji, List.of()).contains(user.id());
        if (present == add) {
            return; // Discord answers 204 and sends nothing when nothing changes
        }
        world.messages.put(message.id(), message.withReaction(emoji, user.id(), add));
        ObjectNode event = Json.object();
        event.put("user_id", user.id());
        event.put("channel_id", message.channelId());
        event.put("message_id", message.id());
        event.put("guild_id", message.guildId());
        if (add) {
            event.set("member", world.payloads.memberJson(world.guilds.get(message.guildId()), user, true));
            event.put("message_author_id", message.authorId());
        }
        event.set("emoji", Payloads.emoji(emoji));
        event.put("burst", false);
        event.put("type", 0);
        String type = add ? "MESSAGE_REACTION_ADD" : "MESSAGE_REACTION_REMOVE";
        dispatch(user.equals(world.bot), type, event, message.guildId());
    }

    /** Archives, unarchives or locks a thread; posting in an archived, unlocked thread (bot or member) reopens it. */
    SimChannel updateThread(SimChannel thread, boolean locked, boolean archived) {
        SimChannel updated = thread.withState(locked, archived, world.clock.instant());
        world.channels.put(updated.id(), updated);
        world.dispatch("THREAD_UPDATE", Payloads.thread(updated, null), updated.guildId());
        return updated;
    }

    ObjectNode messageJson(SimMessage message, boolean gateway) {
        SimUser author = world.usersById.get(message.authorId());
        ObjectNode member = null;
        if (gateway && message.interactionId() == null && message.guildId() != null) {
            member = world.payloads.memberJson(world.guilds.get(message.guildId()), author, false);
        }
        return Payloads.message(message, author, world.usersById, world.applicationId, world.bot.id(), member, gateway);
    }

    /** Not under the monitor: tests register listeners from their own thread (the list is copy-on-write). */
    void onBotMessage(Consumer<SimMessage> listener) {
        world.botMessageListeners.add(listener);
    }

    private void announceIfBot(SimMessage message) {
        if (message.authorId().equals(world.bot.id())) {
            world.botMessageListeners.forEach(listener -> listener.accept(message));
        }
    }

    private boolean byBot(SimMessage message) {
        return world.usersById.get(message.authorId()).bot();
    }

    /** What a bot does is dispatched once; what a member does is also kept for {@link SimWorld#redeliverLast()}. */
    private void dispatch(boolean byBot, String type, ObjectNode event, String guildId) {
        if (byBot) {
            world.dispatch(type, event, guildId);
        } else {
            world.dispatchMember(type, event, guildId);
        }
    }

    private static JsonNode copyOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.deepCopy();
    }
}
