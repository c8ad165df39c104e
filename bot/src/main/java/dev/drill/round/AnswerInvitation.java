package dev.drill.round;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How the question post tells members to answer, when a feature changes it (the Answer button of modal and
 * blind answers): its "How to answer" text and buttons beside How did I do?. Empty keeps the default, a
 * reply in the thread. Plain values, so the round feature renders them without knowing the feature.
 */
public interface AnswerInvitation {

    /** The invitation of a guild's round about to be posted, or empty for the default. */
    Optional<Invitation> invitation(long guild, String date, Instant closes);

    /** @param howToAnswer the "How to answer" field of the post */
    record Invitation(String howToAnswer, List<Action> buttons) {
        public Invitation {
            buttons = List.copyOf(buttons);
        }
    }

    /** A primary button of the post: its custom id (a handler's, see {@code discord.ButtonHandler}) and label. */
    record Action(String customId, String label) {}
}
