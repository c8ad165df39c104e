package dev.drill.guild;

import dev.drill.discord.ReviewerRoles;
import org.springframework.stereotype.Component;

/** The reviewer role from the guild's settings, for the router's access check. */
@Component
final class GuildReviewerRoles implements ReviewerRoles {

    private final GuildSettingsStore settings;

    GuildReviewerRoles(GuildSettingsStore settings) {
        this.settings = settings;
    }

    @Override
    public long reviewerRole(long guild) {
        return settings.find(guild).map(GuildSettings::reviewerRole).orElse(0L);
    }
}
