package dev.drill.discord;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@code /drill-admin} subcommand without options: a name, a description, and Manage Server only. */
public abstract class AdminSubcommand implements SlashCommand {

    /** The answer of every admin command in a server where Drill is not set up yet. */
    public static final String NOT_SET_UP = "Drill is not set up here yet: run `/drill-admin setup` first.";

    private static final Logger log = LoggerFactory.getLogger(AdminSubcommand.class);

    private final String name;
    private final String description;

    protected AdminSubcommand(String name, String description) {
        this.name = name;
        this.description = description;
    }

    @Override
    public final String parent() {
        return CommandNames.ADMIN;
    }

    @Override
    public final Access access() {
        return Access.MANAGE_SERVER;
    }

    @Override
    public SubcommandData definition() {
        return new SubcommandData(name, description);
    }

    /**
     * For work that waits on Discord or Redis: acknowledges at once (Discord allows three seconds), runs
     * {@code work} off the gateway thread and answers with its sentence, privately.
     */
    protected static void replyWhenDone(SlashCommandInteractionEvent event, Supplier<String> work) {
        event.deferReply(true).queue();
        CompletableFuture.supplyAsync(work)
                .exceptionally(e -> {
                    log.error(
                            "/{} failed in guild {}",
                            event.getFullCommandName(),
                            event.getGuild() == null ? "-" : event.getGuild().getId(),
                            Redacted.of(e));
                    return Replies.INTERNAL_ERROR;
                })
                .thenAccept(message -> Replies.ephemeral(event, message));
    }
}
