package dev.drill.discord;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;

/**
 * Our own Manage Server check. Discord already hides admin commands from other members, but a server can
 * change command permissions, so every admin command checks again before it changes anything.
 */
public final class Admins {

    public static final String REFUSAL =
            "Only members with the Manage Server permission can do that; nothing was changed.";

    private Admins() {}

    public static boolean isAdmin(Member member) {
        return member != null && member.hasPermission(Permission.MANAGE_SERVER);
    }

    /** True if the member may go on; otherwise answers them with the refusal. */
    public static boolean check(IReplyCallback event) {
        if (isAdmin(event.getMember())) {
            return true;
        }
        Replies.ephemeral(event, REFUSAL);
        return false;
    }
}
