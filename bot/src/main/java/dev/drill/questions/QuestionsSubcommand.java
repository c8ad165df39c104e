package dev.drill.questions;

import dev.drill.discord.Access;
import dev.drill.discord.CommandNames;
import dev.drill.discord.Reply;
import dev.drill.discord.SlashCommand;

/** A subcommand of {@code /drill-admin questions}: Manage Server only, answered privately after Redis. */
abstract class QuestionsSubcommand implements SlashCommand {

    static final String GROUP = "questions";
    static final String QUESTION = "question";

    @Override
    public final String parent() {
        return CommandNames.ADMIN;
    }

    @Override
    public final Access access() {
        return Access.MANAGE_SERVER;
    }

    @Override
    public final String group() {
        return GROUP;
    }

    @Override
    public String groupDescription() {
        return "The server's own questions: add, import, list, remove, pin the next";
    }

    @Override
    public Reply reply() {
        return Reply.DEFERRED_PRIVATE;
    }
}
