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

    /**
     * Answers in the channel, for everyone, with what {@code build} makes; deferred first so a slow Redis
     * cannot outlast Discord's three seconds. If {@code build} fails, the public "thinking…" placeholder is
     * removed and only the asker is told, instead of an error posted for the whole channel.
     */
    public static void publicly(IReplyCallback event, java.util.function.Supplier<MessageEmbed> build) {
        event.deferReply().queue();
        MessageEmbed embed;
        try {
            embed = build.get();
        } catch (RuntimeException e) {
            event.getHook().deleteOriginal().queue(null, ignored -> {});
            throw e;
        }
        event.getHook().sendMessageEmbeds(embed).queue();
    }

    /** What a member typed, shown back in code style: short, and unable to break out of the backticks. */
    public static String quote(String typed) {
        return "`" + fit(typed.replace("`", "'"), 60) + "`";
    }

    /** Cuts text to a Discord limit, marking the cut, so a long name or answer never breaks a message. */
    public static String fit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, Math.max(0, max - 1)).stripTrailing() + "…";
    }
}
