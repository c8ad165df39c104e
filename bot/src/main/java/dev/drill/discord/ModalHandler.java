package dev.drill.discord;

import java.util.List;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;

/**
 * Handles the submitted modals whose custom id starts with {@code drill:<prefix>:}; the rest of the id, split
 * on {@code :}, is passed as arguments, like a button's.
 */
public interface ModalHandler {

    String prefix();

    /** Who may submit it; the router checks before {@link #onModal}. */
    default Access access() {
        return Access.EVERYONE;
    }

    /** How its first response goes out; {@link Reply#AT_ONCE} unless it reads Redis before replying. */
    default Reply reply() {
        return Reply.AT_ONCE;
    }

    void onModal(ModalInteractionEvent event, List<String> args);
}
