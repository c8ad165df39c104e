package dev.drill.discord;

import java.util.Arrays;
import java.util.List;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Routes every interaction to its command by name. Whatever goes wrong, the member gets a sentence, never
 * silence: an unknown command, a DM, or a failure inside a command.
 */
@Component
final class CommandRouter extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);

    static final String NOT_IN_SERVER = "Drill works inside a server: run its commands in a server channel.";

    private final CommandRegistry registry;
    private final InteractionTimer timer;
    private final Admins admins;

    CommandRouter(CommandRegistry registry, InteractionTimer timer, Admins admins) {
        this.registry = registry;
        this.timer = timer;
        this.admins = admins;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        String sub = event.getSubcommandName() == null ? "" : event.getSubcommandName();
        // Only registered names become a metric tag: each tag value is a time series.
        timer.received(
                event.getIdLong(),
                registry.slash(event.getName(), sub).isPresent() ? "/" + event.getFullCommandName() : "unknown");
        if (!event.isFromGuild()) {
            Replies.ephemeral(event, NOT_IN_SERVER);
            return;
        }
        registry.slash(event.getName(), sub)
                .ifPresentOrElse(
                        command -> OptionLimits.tooLong(command.definition(), event.getOptions())
                                .ifPresentOrElse(
                                        refusal -> Replies.ephemeral(event, refusal),
                                        () -> run(
                                                "/" + event.getFullCommandName(),
                                                command.access(),
                                                () -> command.onCommand(event),
                                                event)),
                        () -> Replies.ephemeral(
                                event,
                                "I don't know " + Replies.quote("/" + event.getFullCommandName())
                                        + ". `/drill help` lists what I can do."));
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        String sub = event.getSubcommandName() == null ? "" : event.getSubcommandName();
        registry.slash(event.getName(), sub)
                .ifPresentOrElse(
                        command -> {
                            try {
                                command.onAutoComplete(event);
                            } catch (RuntimeException e) {
                                log.warn(
                                        "Autocomplete of /{} failed in guild {}",
                                        event.getFullCommandName(),
                                        guildOf(event),
                                        Redacted.of(e));
                                event.replyChoices().queue();
                            }
                        },
                        () -> event.replyChoices().queue());
    }

    @Override
    public void onMessageContextInteraction(MessageContextInteractionEvent event) {
        timer.received(event.getIdLong(), registry.message(event.getName()).isPresent() ? event.getName() : "unknown");
        if (!event.isFromGuild()) {
            Replies.ephemeral(event, NOT_IN_SERVER);
            return;
        }
        registry.message(event.getName())
                .ifPresentOrElse(
                        command -> run(event.getName(), command.access(), () -> command.onCommand(event), event),
                        () -> Replies.ephemeral(
                                event, "I don't know the action " + Replies.quote(event.getName()) + "."));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String[] parts = event.getComponentId().split(":");
        if (parts.length < 2 || !parts[0].equals("drill")) {
            return;
        }
        timer.received(event.getIdLong(), registry.button(parts[1]).isPresent() ? "button " + parts[1] : "unknown");
        List<String> args = Arrays.asList(parts).subList(2, parts.length);
        registry.button(parts[1])
                .ifPresentOrElse(
                        handler ->
                                run("button " + parts[1], handler.access(), () -> handler.onButton(event, args), event),
                        () -> Replies.ephemeral(event, "This button no longer does anything."));
    }

    /**
     * Checks the declared access first: a command runs only for members it allows. A failure is logged with
     * the command's name and the guild only: never option values or message content, not even inside the
     * exception's message.
     */
    private void run(String what, Access access, Runnable action, IReplyCallback event) {
        if (!admins.check(access, event)) {
            return;
        }
        try {
            action.run();
        } catch (RuntimeException e) {
            log.error("{} failed in guild {}", what, guildOf(event), Redacted.of(e));
            Replies.ephemeral(event, Replies.INTERNAL_ERROR);
        }
    }

    private static String guildOf(net.dv8tion.jda.api.interactions.Interaction event) {
        return event.getGuild() == null ? "-" : event.getGuild().getId();
    }
}
