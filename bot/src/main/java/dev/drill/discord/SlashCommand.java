package dev.drill.discord;

import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

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
     * The subcommand group it sits in ({@code questions} for {@code /drill-admin questions add}), or empty for a
     * subcommand directly under its parent.
     */
    default String group() {
        return "";
    }

    /** The group's description, shown by Discord; the first command of a group to declare one gives it. */
    default String groupDescription() {
        return group();
    }

    /** The name as members type it after the parent: {@code help}, or {@code questions add}. */
    default String path() {
        return group().isEmpty() ? name() : group() + " " + name();
    }
}
