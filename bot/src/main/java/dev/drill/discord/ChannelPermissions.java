package dev.drill.discord;

import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;

/** What the bot must be allowed in the practice channel, and what it lacks there. */
public final class ChannelPermissions {

    /** Posting the question, its thread, answers in it, locking it at close, and embeds. */
    public static final List<Permission> ROUND = List.of(
            Permission.VIEW_CHANNEL,
            Permission.MESSAGE_SEND,
            Permission.CREATE_PUBLIC_THREADS,
            Permission.MESSAGE_SEND_IN_THREADS,
            Permission.MANAGE_THREADS,
            Permission.MESSAGE_EMBED_LINKS);

    private ChannelPermissions() {}

    public static List<Permission> missing(GuildChannel channel) {
        var self = channel.getGuild().getSelfMember();
        return ROUND.stream().filter(p -> !self.hasPermission(channel, p)).toList();
    }

    public static String names(List<Permission> permissions) {
        return String.join(", ", permissions.stream().map(Permission::getName).toList());
    }
}
