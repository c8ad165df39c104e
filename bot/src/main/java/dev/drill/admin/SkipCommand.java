package dev.drill.admin;

import dev.drill.discord.AdminSubcommand;
import dev.drill.round.RoundAdmin;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import org.springframework.stereotype.Component;

/** {@code /drill-admin skip}: close the open round without scoring it. */
@Component
final class SkipCommand extends AdminSubcommand {

    private final RoundAdmin rounds;

    SkipCommand(RoundAdmin rounds) {
        super("skip", "Close the open round without scoring it");
        this.rounds = rounds;
    }

    @Override
    public void onCommand(SlashCommandInteractionEvent event) {
        long guild = event.getGuild().getIdLong();
        replyWhenDone(
                event,
                () -> rounds.skip(guild) instanceof RoundAdmin.Skip.Skipped skipped
                        ? "Skipped the round of " + skipped.date() + ": it is closed and not scored."
                        : "There is no open round to skip.");
    }
}
