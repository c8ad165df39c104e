package dev.drill.admin;

import dev.drill.discord.AdminSubcommand;
import dev.drill.discord.Replies;
import dev.drill.discord.Reply;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import org.springframework.stereotype.Component;

/** {@code /drill-admin pause}: stop posting new questions until resumed. */
@Component
final class PauseCommand extends AdminSubcommand {

    private final Pausing pausing;

    PauseCommand(Pausing pausing) {
        super("pause", "Stop posting new questions until resumed");
        this.pausing = pausing;
    }

    /** Reads and writes Redis before answering: acknowledged at once, answered when done. */
    @Override
    public Reply reply() {
        return Reply.DEFERRED_PRIVATE;
    }

    @Override
    public void onCommand(SlashCommandInteractionEvent event) {
        Replies.ephemeral(
                event,
                switch (pausing.set(event.getGuild().getIdLong(), true)) {
                    case NOT_SET_UP -> NOT_SET_UP;
                    case ALREADY -> "Drill is already paused.";
                    case DONE ->
                        "Paused: no new questions until `/drill-admin resume`. An open round still closes on time.";
                });
    }
}
