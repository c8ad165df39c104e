package dev.drill.admin;

import dev.drill.discord.AdminAction;
import dev.drill.discord.Replies;
import dev.drill.discord.SlashCommand;
import dev.drill.guild.GuildSettingsStore;
import dev.drill.round.RoundService;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /drill-admin pause} and {@code /drill-admin resume}: stop and restart the daily posts. */
@Configuration(proxyBeanMethods = false)
class PauseResumeCommand {

    @Bean
    SlashCommand pauseAdminAction(GuildSettingsStore store, RoundService rounds) {
        return new AdminAction(
                "pause", "Stop posting new questions until resumed", event -> set(event, store, rounds, true));
    }

    @Bean
    SlashCommand resumeAdminAction(GuildSettingsStore store, RoundService rounds) {
        return new AdminAction("resume", "Start posting questions again", event -> set(event, store, rounds, false));
    }

    static void set(SlashCommandInteractionEvent event, GuildSettingsStore store, RoundService rounds, boolean paused) {
        long guild = event.getGuild().getIdLong();
        var settings = store.find(guild);
        if (settings.isEmpty()) {
            Replies.ephemeral(event, "Drill is not set up here yet: run `/drill-admin setup` first.");
            return;
        }
        if (settings.get().paused() == paused
                && (paused || settings.get().pausedReason().isEmpty())) {
            Replies.ephemeral(event, paused ? "Drill is already paused." : "Drill is already running.");
            return;
        }
        store.save(settings.get().withPaused(paused, ""));
        rounds.reschedule(guild);
        Replies.ephemeral(
                event,
                paused
                        ? "Paused: no new questions until `/drill-admin resume`. An open round still closes on time."
                        : "Resumed: the next question comes "
                                + rounds.nextOpening(guild)
                                        .map(at -> "<t:" + at.getEpochSecond() + ":F>")
                                        .orElse("at the next scheduled time")
                                + ".");
    }
}
