package dev.drill.sim;

import java.util.ArrayList;
import java.util.List;

/** An interaction and what the bot has answered so far; guarded by the world's monitor like the rest of its state. */
final class InteractionState {
    final SimInteraction interaction;
    final List<SimResponse> responses = new ArrayList<>();
    boolean acknowledged;
    boolean deferredEphemeral;
    String originalMessageId;
    final List<String> followUps = new ArrayList<>();

    InteractionState(SimInteraction interaction) {
        this.interaction = interaction;
    }
}
