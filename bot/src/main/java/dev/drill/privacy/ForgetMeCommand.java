package dev.drill.privacy;

import dev.drill.discord.ButtonHandler;
import dev.drill.discord.CommandNames;
import dev.drill.discord.Replies;
import dev.drill.discord.Reply;
import dev.drill.discord.SlashCommand;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.springframework.stereotype.Component;

/**
 * {@code /drill forget-me}: asks the member to confirm, then removes their scores, streaks, name and answer
 * records from every board of the server, and says what was removed.
 */
@Component
final class ForgetMeCommand implements SlashCommand {

    static final String NAME = "forget-me";
    static final String BUTTON = "forget";

    static final String ASK = "This removes your points from every board of this server (all time, every week and"
            + " month, archived seasons), your streak and counters, your name and the record of your answers."
            + " Others keep their points; the boards close up. It cannot be undone. Forget you?";

    @Override
    public String parent() {
        return CommandNames.DRILL;
    }

    @Override
    public SubcommandData definition() {
        return new SubcommandData(NAME, "Remove your scores, streaks, name and answer records from this server");
    }

    @Override
    public void onCommand(SlashCommandInteractionEvent event) {
        event.reply(ASK)
                .setEphemeral(true)
                .setComponents(ActionRow.of(Button.danger(
                        ButtonHandler.customId(BUTTON, event.getUser().getIdLong()), "Forget me")))
                .queue();
    }

    /** The confirm button; it names the member who asked, and only that member may use it. */
    @Component
    static final class Confirm implements ButtonHandler {

        private final PrivacyService privacy;

        Confirm(PrivacyService privacy) {
            this.privacy = privacy;
        }

        @Override
        public String prefix() {
            return BUTTON;
        }

        @Override
        public Reply reply() {
            return Reply.DEFERRED_PRIVATE;
        }

        @Override
        public void onButton(ButtonInteractionEvent event, List<String> args) {
            long member = event.getUser().getIdLong();
            if (args.isEmpty() || !args.get(0).equals(Long.toString(member))) {
                Replies.ephemeral(
                        event, "This button is for the member who asked to be forgotten; nothing was removed.");
                return;
            }
            PrivacyStore.Forgotten removed = privacy.forget(event.getGuild().getIdLong(), member);
            Replies.ephemeral(event, describe(removed));
        }
    }

    static String describe(PrivacyStore.Forgotten removed) {
        if (removed.nothing()) {
            return "I had nothing about you in this server; nothing was removed.";
        }
        List<String> parts = new ArrayList<>();
        if (removed.boards() > 0) {
            parts.add("your points on " + removed.boards() + (removed.boards() == 1 ? " board" : " boards"));
        }
        if (removed.counters()) {
            parts.add("your streak and counters");
        }
        if (removed.name()) {
            parts.add("your name");
        }
        if (removed.answers() > 0) {
            parts.add(removed.answers() + (removed.answers() == 1 ? " answer record" : " answer records"));
        }
        if (removed.days()) {
            parts.add("the days you answered");
        }
        if (removed.votes() > 0) {
            parts.add(removed.votes() + (removed.votes() == 1 ? " 👍 vote" : " 👍 votes"));
        }
        String list = parts.size() == 1
                ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        return "Done: I removed " + list + ". I keep nothing new about you until you answer a question again.";
    }
}
