package dev.drill.sim;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What tests read of the world: messages, channels, threads, responses, commands, requests, events, problems.
 * Each read takes the world's monitor and returns a snapshot, so a test never sees a change half made.
 */
final class Observations {

    private final SimWorld world;

    Observations(SimWorld world) {
        this.world = world;
    }

    List<RecordedRequest> requests() {
        synchronized (world) {
            return List.copyOf(world.requests);
        }
    }

    List<DispatchedEvent> events() {
        synchronized (world) {
            return List.copyOf(world.events);
        }
    }

    List<String> problems() {
        synchronized (world) {
            return List.copyOf(world.problems);
        }
    }

    List<SimMessage> messagesIn(String channelId) {
        synchronized (world) {
            return world.messages.values().stream()
                    .filter(m -> m.channelId().equals(channelId))
                    .toList();
        }
    }

    Optional<SimMessage> message(String messageId) {
        synchronized (world) {
            return Optional.ofNullable(world.messages.get(messageId));
        }
    }

    Optional<SimChannel> channel(String channelId) {
        synchronized (world) {
            return Optional.ofNullable(world.channels.get(channelId))
                    .filter(c -> !world.deletedChannels.contains(c.id()));
        }
    }

    List<SimChannel> threadsOf(String parentId) {
        synchronized (world) {
            return world.channels.values().stream()
                    .filter(c -> parentId.equals(c.parentId()) && !world.deletedChannels.contains(c.id()))
                    .toList();
        }
    }

    List<SimResponse> responses(String interactionId) {
        synchronized (world) {
            InteractionState state = world.interactions.get(interactionId);
            if (state == null) {
                throw new IllegalArgumentException("no interaction " + interactionId);
            }
            return List.copyOf(state.responses);
        }
    }

    JsonNode commands(String guildIdOrNull) {
        synchronized (world) {
            return world.commands
                    .getOrDefault(guildIdOrNull == null ? "global" : guildIdOrNull, Json.array())
                    .deepCopy();
        }
    }

    List<SimGuild> guilds() {
        synchronized (world) {
            return List.copyOf(world.guilds.values());
        }
    }
}
