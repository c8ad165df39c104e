package dev.drill.discord;

import java.util.function.Consumer;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * An admin subcommand without options: a name, a description and what it does. Our own Manage Server check
 * runs before the action, so no admin action can forget it.
 */
public record AdminAction(String name, String description, Consumer<SlashCommandInteractionEvent> action)
        implements SlashCommand {

    @Override
    public String parent() {
        return CommandNames.ADMIN;
    }

    @Override
    public SubcommandData definition() {
        return new SubcommandData(name, description);
    }

    @Override
    public void onCommand(SlashCommandInteractionEvent event) {
        if (Admins.check(event)) {
            action.accept(event);
        }
    }
}
