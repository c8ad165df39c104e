package dev.drill.discord;

import java.util.List;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/**
 * Handles the buttons whose custom id starts with {@code drill:<prefix>:}; the rest of the id, split on
 * {@code :}, is passed as arguments, so a button carries all the state it needs and survives restarts.
 */
public interface ButtonHandler {

    String prefix();

    /** Who may click it; the router checks before {@link #onButton}. */
    default Access access() {
        return Access.EVERYONE;
    }

    /** How its first response goes out; {@link Reply#AT_ONCE} unless it reads Redis before replying. */
    default Reply reply() {
        return Reply.AT_ONCE;
    }

    void onButton(ButtonInteractionEvent event, List<String> args);

    /** Builds a custom id this handler will receive. */
    static String customId(String prefix, Object... args) {
        StringBuilder id = new StringBuilder("drill:").append(prefix);
        for (Object arg : args) {
            id.append(':').append(arg);
        }
        return id.toString();
    }
}
