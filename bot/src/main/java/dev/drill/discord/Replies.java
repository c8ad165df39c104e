package dev.drill.discord;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

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
     * Answers in the channel, for everyone, with what {@code build} makes; deferred first (unless the router
     * already did, for a {@link Reply#DEFERRED_PUBLIC} command) so a slow Redis cannot outlast Discord's three
     * seconds. If {@code build} fails, the public "thinking…" placeholder is removed and only the asker is
     * told, instead of an error posted for the whole channel.
     */
    public static void publicly(IReplyCallback event, java.util.function.Supplier<MessageEmbed> build) {
        publicMessage(event, () -> MessageCreateData.fromEmbeds(build.get()));
    }

    /**
     * As {@link #publicly(IReplyCallback, java.util.function.Supplier)}, for a whole message: an embed with
     * files attached (a picture whose text alternative is the embed).
     */
    public static void publicMessage(IReplyCallback event, java.util.function.Supplier<MessageCreateData> build) {
        boolean deferHere = !event.isAcknowledged();
        if (deferHere) {
            event.deferReply().queue();
        }
        MessageCreateData message;
        try {
            message = build.get();
        } catch (RuntimeException e) {
            if (deferHere) { // else the router that deferred cleans up
                event.getHook().deleteOriginal().queue(null, ignored -> {});
            }
            throw e;
        }
        event.getHook().sendMessage(message).queue();
    }

    /** A message of one embed with one file attached, e.g. a PNG whose text alternative is the embed. */
    public static MessageCreateData withFile(MessageEmbed embed, String fileName, byte[] bytes) {
        return new MessageCreateBuilder()
                .setEmbeds(embed)
                .setFiles(FileUpload.fromData(bytes, fileName))
                .build();
    }

    /** How much of a typed value {@link #quote} shows back, in characters (code points). */
    public static final int QUOTE_MAX = 60;

    private static final java.util.regex.Pattern MASS_MENTION =
            java.util.regex.Pattern.compile("@(everyone|here)", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * What a member typed, shown back in inline code: the one way every option value is echoed. Control
     * characters (newlines, tabs…) become spaces and bidi overrides go, so it stays one line that reads as
     * typed; it is cut to {@value #QUOTE_MAX} characters with an ellipsis; {@code @everyone} and
     * {@code @here} are broken with a zero-width space (mentions are off anyway); and backticks cannot close
     * the code early: a value with backticks is wrapped in double backticks and spaces, with any run of
     * backticks inside broken up so that no double backtick remains.
     */
    public static String quote(String typed) {
        StringBuilder flat = new StringBuilder();
        (typed == null ? "" : typed).codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.CONTROL || cp == 0x2028 || cp == 0x2029) {
                if (flat.isEmpty() || flat.charAt(flat.length() - 1) != ' ') {
                    flat.append(' ');
                }
            } else if (!isBidiControl(cp)) {
                flat.appendCodePoint(cp);
            }
        });
        String text = cut(flat.toString().strip(), QUOTE_MAX);
        text = MASS_MENTION.matcher(text).replaceAll("@\u200B$1");
        if (text.isEmpty()) {
            return "` `";
        }
        if (text.indexOf('`') < 0) {
            return "`" + text + "`";
        }
        while (text.contains("``")) {
            text = text.replace("``", "`\u200B`");
        }
        return "`` " + text + " ``";
    }

    /** Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the marks U+200E/U+200F. */
    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F;
    }

    /** Cuts to {@code max} code points, marking the cut; never splits a surrogate pair. */
    private static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
    }

    /** Cuts text to a Discord limit, marking the cut, so a long name or answer never breaks a message. */
    public static String fit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, Math.max(0, max - 1)).stripTrailing() + "…";
    }
}
