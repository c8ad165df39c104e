package dev.drill.discord;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;

/** Small helpers for answering interactions the same way everywhere. */
public final class Replies {

    /** Drill's accent colour on every embed. */
    public static final int COLOR = 0x3BA55D;

    public static final String INTERNAL_ERROR =
            "Something went wrong on my side and nothing was changed. Please try again in a minute.";

    private Replies() {}

    /** Answers only the member who asked; works whether or not the interaction was deferred. */
    public static void ephemeral(IReplyCallback event, String text) {
        if (event.isAcknowledged()) {
            event.getHook().sendMessage(text).setEphemeral(true).queue();
        } else {
            event.reply(text).setEphemeral(true).queue();
        }
    }

    public static void ephemeral(IReplyCallback event, MessageEmbed embed) {
        if (event.isAcknowledged()) {
            event.getHook().sendMessageEmbeds(embed).setEphemeral(true).queue();
        } else {
            event.replyEmbeds(embed).setEphemeral(true).queue();
        }
    }

    public static EmbedBuilder embed() {
        return new EmbedBuilder().setColor(COLOR);
    }

    /** Cuts text to a Discord limit, marking the cut, so a long name or answer never breaks a message. */
    public static String fit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, Math.max(0, max - 1)).stripTrailing() + "…";
    }
}
