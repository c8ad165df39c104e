package dev.drill.sim;

import java.time.Instant;

/** A role the bot gave a member ({@code added}) or took from them, through PUT/DELETE /guilds/{g}/members/{u}/roles/{r}. */
public record RoleChange(
        String guildId, String userId, String memberName, String roleId, String roleName, boolean added, Instant at) {}
