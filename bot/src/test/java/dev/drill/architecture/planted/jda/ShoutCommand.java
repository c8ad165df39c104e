package dev.drill.architecture.planted.jda;

import net.dv8tion.jda.api.EmbedBuilder;

/** Planted: named like a command, but no command contract and no @DiscordEdge: JDA here is a violation. */
public final class ShoutCommand {

    public Object shout(String text) {
        return new EmbedBuilder().setTitle(text).build();
    }
}
