package dev.drill.guild;

import dev.drill.discord.Admins;
import dev.drill.discord.CommandNames;
import dev.drill.discord.Replies;
import dev.drill.discord.SlashCommand;
import dev.drill.round.RoundService;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.springframework.stereotype.Component;

/** {@code /drill-admin pause} and {@code /drill-admin resume}: stop and restart the daily posts. */
final class PauseCommand {

    private PauseCommand() {}

    static void set(SlashCommandInteractionEvent event, GuildSettingsStore store, RoundService rounds, boolean paused) {
        if (!Admins.check(event)) {
            return;
        }
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

    @Component
    static final class Pause implements SlashCommand {
        private final GuildSettingsStore store;
        private final RoundService rounds;

        Pause(GuildSettingsStore store, RoundService rounds) {
            this.store = store;
            this.rounds = rounds;
        }

        @Override
        public String parent() {
            return CommandNames.ADMIN;
        }

        @Override
        public SubcommandData definition() {
            return new SubcommandData("pause", "Stop posting new questions until resumed");
        }

        @Override
        public void onCommand(SlashCommandInteractionEvent event) {
            set(event, store, rounds, true);
        }
    }

    @Component
    static final class Resume implements SlashCommand {
        private final GuildSettingsStore store;
        private final RoundService rounds;

        Resume(GuildSettingsStore store, RoundService rounds) {
            this.store = store;
            this.rounds = rounds;
        }

        @Override
        public String parent() {
            return CommandNames.ADMIN;
        }

        @Override
        public SubcommandData definition() {
            return new SubcommandData("resume", "Start posting questions again");
        }

        @Override
        public void onCommand(SlashCommandInteractionEvent event) {
            set(event, store, rounds, false);
        }
    }
}
