package dev.drill.sim;

/**
 * A simulated guild and the ids a test needs from it. Its @everyone role has the guild's id; the bot's
 * role carries the invite permissions; the lead role gives Manage Server to admin; the Champion role (below
 * the bot's) is there for the bot to give.
 */
public record SimGuild(
        String id,
        String name,
        String botRoleId,
        String leadRoleId,
        String dailyDrillId,
        String generalId,
        String ownerId,
        String championRoleId) {

    public String everyoneRoleId() {
        return id;
    }
}
