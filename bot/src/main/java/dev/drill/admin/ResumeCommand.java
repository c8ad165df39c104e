package dev.drill.admin;

import dev.drill.discord.AdminSubcommand;
import dev.drill.discord.Replies;
import dev.drill.discord.Reply;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.utils.TimeFormat;
import org.springframework.stereotype.Component;

/** {@code /drill-admin resume}: start posting questions again. */
@Component
final class ResumeCommand extends AdminSubcommand {

    private final Pausing pausing;

    ResumeCommand(Pausing pausing) {
        super("resume", "Start posting questions again");
        this.pausing = pausing;
    }

    /** Reads and writes Redis before answering: acknowledged at once, answered when done. */
    @Override
    public Reply reply() {
        return Reply.DEFERRED_PRIVATE;
    }

    @Override
    public void onCommand(SlashCommandInteractionEvent event) {
        long guild = event.getGuild().getIdLong();
        Replies.ephemeral(
                event,
                switch (pausing.set(guild, false)) {
                    case NOT_SET_UP -> NOT_SET_UP;
                    case ALREADY -> "Drill is already running.";
                    case DONE ->
                        "Resumed: the next question comes "
                                + pausing.nextOpening(guild)
                                        .map(TimeFormat.DATE_TIME_LONG::format)
                                        .orElse("at the next scheduled time")
                                + ".";
                });
    }
}
