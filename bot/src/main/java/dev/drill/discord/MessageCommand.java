package dev.drill.discord;

import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;

/** A command on a message's context menu (Apps → …). */
public interface MessageCommand {

    CommandData definition();

    /** Who may use it; the router checks before {@link #onCommand}. */
    default Access access() {
        return Access.EVERYONE;
    }

    /** How its first response goes out; {@link Reply#AT_ONCE} unless it reads Redis before replying. */
    default Reply reply() {
        return Reply.AT_ONCE;
    }

    void onCommand(MessageContextInteractionEvent event);

    default String name() {
        return definition().getName();
    }
}
