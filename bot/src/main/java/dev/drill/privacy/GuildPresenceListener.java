package dev.drill.privacy;

import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.springframework.stereotype.Component;

/**
 * Hears Drill leave and join guilds: leaving books the deletion of the guild's data, joining (or finding
 * the guild there at start-up) cancels it.
 */
@Component
final class GuildPresenceListener extends ListenerAdapter {

    private final PrivacyService privacy;

    GuildPresenceListener(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @Override
    public void onGuildLeave(GuildLeaveEvent event) {
        privacy.left(event.getGuild().getIdLong());
    }

    @Override
    public void onGuildJoin(GuildJoinEvent event) {
        privacy.present(event.getGuild().getIdLong());
    }

    @Override
    public void onGuildReady(GuildReadyEvent event) {
        privacy.present(event.getGuild().getIdLong());
    }
}
