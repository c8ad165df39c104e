package dev.drill.discord;

import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/** One slash subcommand, e.g. {@code /drill help}: its definition and what it does. */
public interface SlashCommand {

    /** The top-level command it belongs to: {@link CommandNames#DRILL} or {@link CommandNames#ADMIN}. */
    String parent();

    SubcommandData definition();

    /** Who may run it; every {@code /drill-admin} subcommand must say {@link Access#MANAGE_SERVER}. */
    default Access access() {
        return Access.EVERYONE;
    }

    /** How its first response goes out; {@link Reply#AT_ONCE} unless it reads Redis before replying. */
    default Reply reply() {
        return Reply.AT_ONCE;
    }

    void onCommand(SlashCommandInteractionEvent event);

    /** Suggestions for an option marked as autocompleted; none by default. */
    default void onAutoComplete(CommandAutoCompleteInteractionEvent event) {
        event.replyChoices().queue();
    }

    default String name() {
        return definition().getName();
    }

    /**
     * The subcommand group it sits in, e.g. {@code pair} for {@code /drill pair join}, or null for a plain
     * subcommand; the commands of one group name it alike (the first one's description is sent).
     */
    default SubcommandGroupData group() {
        return null;
    }

    /** The name as members type it after the parent: {@code help}, or {@code pair join} in a group. */
    default String fullName() {
        SubcommandGroupData group = group();
        return group == null ? name() : group.getName() + " " + name();
    }
}
