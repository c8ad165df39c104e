package dev.drill.champion;

import dev.drill.discord.DiscordEdge;
import dev.drill.discord.DiscordGateway;
import dev.drill.discord.DiscordPacer;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.UserSnowflake;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.HierarchyException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import org.springframework.stereotype.Component;

/** Gives and takes the champion role through JDA, and says what keeps Drill from doing it. */
@DiscordEdge
@Component
class ChampionRoles {

    private final DiscordGateway gateway;
    private final DiscordPacer pacer;

    ChampionRoles(DiscordGateway gateway, DiscordPacer pacer) {
        this.gateway = gateway;
        this.pacer = pacer;
    }

    /** Discord would not let Drill change the role; the message is a sentence for the recap. */
    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }

    /**
     * What Drill lacks to give {@code role} in {@code guild}: Manage Roles, and a highest role above it. Empty
     * when it can.
     */
    static List<String> missing(Member self, Role role) {
        List<String> missing = new ArrayList<>();
        if (!self.hasPermission(Permission.MANAGE_ROLES)) {
            missing.add("the Manage Roles permission");
        }
        if (!self.canInteract(role)) {
            missing.add("my highest role above " + role.getName()
                    + " (move Drill's role above it in Server Settings → Roles)");
        }
        if (role.isManaged() || role.isPublicRole()) {
            missing.add("a role Discord lets anyone give (" + role.getName() + " is managed by Discord or an app)");
        }
        return missing;
    }

    /** Takes the role from {@code from} (0: nobody) and gives it to {@code to}; each step is a no-op if done. */
    void move(long guildId, long roleId, long from, long to) {
        Guild guild = gateway.guild(guildId);
        if (guild == null) {
            throw new Refused("Drill is no longer in this server");
        }
        Role role = guild.getRoleById(roleId);
        if (role == null) {
            throw new Refused("the role no longer exists");
        }
        List<String> missing = missing(guild.getSelfMember(), role);
        if (!missing.isEmpty()) {
            throw new Refused("I lack " + String.join(" and ", missing));
        }
        try {
            if (from != 0 && from != to) {
                try {
                    pacer.complete(() -> guild.removeRoleFromMember(UserSnowflake.fromId(from), role));
                } catch (ErrorResponseException e) {
                    // The last champion left the server: there is no role to take.
                    if (e.getErrorCode() != 10007) {
                        throw e;
                    }
                }
            }
            pacer.complete(() -> guild.addRoleToMember(UserSnowflake.fromId(to), role));
        } catch (InsufficientPermissionException | HierarchyException e) {
            throw new Refused("I lack " + e.getMessage());
        } catch (ErrorResponseException e) {
            throw new Refused("Discord refused: " + e.getMeaning());
        }
    }
}
