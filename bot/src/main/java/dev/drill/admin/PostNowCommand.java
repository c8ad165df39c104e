package dev.drill.admin;

import dev.drill.discord.AdminSubcommand;
import dev.drill.round.RoundAdmin;
import dev.drill.round.RoundAdmin.PostNow;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.utils.TimeFormat;
import org.springframework.stereotype.Component;

/** {@code /drill-admin post-now}: close the open round and post today's question now. */
@Component
final class PostNowCommand extends AdminSubcommand {

    private final RoundAdmin rounds;

    PostNowCommand(RoundAdmin rounds) {
        super("post-now", "Post today's question now (closes the open round)");
        this.rounds = rounds;
    }

    @Override
    public void onCommand(SlashCommandInteractionEvent event) {
        long guild = event.getGuild().getIdLong();
        replyWhenDone(event, () -> describe(rounds.postNow(guild)));
    }

    static String describe(PostNow outcome) {
        if (outcome instanceof PostNow.AlreadyPosted posted) {
            return "Today's round (" + posted.today() + ") has already been posted; there is at most one round a"
                    + " day. The next one opens " + TimeFormat.DATE_TIME_SHORT.format(posted.next()) + ".";
        }
        if (outcome instanceof PostNow.NotPosted notPosted) {
            return notPosted
                    .pausedReason()
                    .map(reason -> "I could not post: " + reason)
                    .orElse("Discord did not take the post just now; I will keep trying for a few minutes.");
        }
        if (outcome instanceof PostNow.Posted posted) {
            return "Posted today's question in <#" + posted.channel() + ">.";
        }
        return NOT_SET_UP;
    }
}
