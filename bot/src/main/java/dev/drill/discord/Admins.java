package dev.drill.discord;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.springframework.stereotype.Component;

/**
 * Our own permission check, run by the router before every command. Discord already hides admin commands
 * from other members, but a server can change command permissions, so Drill checks again itself.
 */
@Component
final class Admins {

    private final ReviewerRoles reviewers;

    Admins(ReviewerRoles reviewers) {
        this.reviewers = reviewers;
    }

    /** True if the member may go on; otherwise answers them with the level's refusal. */
    boolean check(Access access, IReplyCallback event) {
        if (allows(access, event.getMember())) {
            return true;
        }
        Replies.ephemeral(event, access.refusal());
        return false;
    }

    private boolean allows(Access access, Member member) {
        return switch (access) {
            case EVERYONE -> true;
            case MANAGE_SERVER -> member != null && member.hasPermission(Permission.MANAGE_SERVER);
            case REVIEWER ->
                member != null && (member.hasPermission(Permission.MANAGE_SERVER) || hasReviewerRole(member));
        };
    }

    private boolean hasReviewerRole(Member member) {
        long role = reviewers.reviewerRole(member.getGuild().getIdLong());
        return role != 0 && member.getRoles().stream().anyMatch(r -> r.getIdLong() == role);
    }
}
