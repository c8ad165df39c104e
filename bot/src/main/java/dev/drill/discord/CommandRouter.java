package dev.drill.discord;

import dev.drill.ops.EventLanes;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Routes every interaction to its command by name. Whatever goes wrong, the member gets a sentence, never
 * silence: an unknown command, a DM, or a failure inside a command.
 *
 * <p>A command that declares a deferred {@link Reply} is acknowledged at once on the gateway thread; its access
 * check (which may read the reviewer role from Redis) and the command itself then run on Drill's command
 * threads, so a slow Redis neither outlasts Discord's three seconds nor holds up the gateway's other events.
 */
@Component
final class CommandRouter extends ListenerAdapter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);

    static final String NOT_IN_SERVER = "Drill works inside a server: run its commands in a server channel.";
    static final String BUSY =
            "I have too much to do right now and nothing was changed. Please try again in a" + " minute.";

    static final int COMMAND_THREADS = 4;
    static final int COMMAND_QUEUE = 200;
    /**
     * How long a deferred command first waits for the member events handed over before it (an answer just
     * posted, a vote): what a member did shows in the stats, the feedback or the award they ask for next.
     */
    static final Duration SETTLE = Duration.ofSeconds(2);

    private final CommandRegistry registry;
    private final InteractionTimer timer;
    private final Admins admins;
    private final EventLanes lanes;
    private final ThreadPoolExecutor commands;

    CommandRouter(CommandRegistry registry, InteractionTimer timer, Admins admins, EventLanes lanes) {
        this.registry = registry;
        this.timer = timer;
        this.admins = admins;
        this.lanes = lanes;
        AtomicInteger threads = new AtomicInteger();
        this.commands = new ThreadPoolExecutor(
                COMMAND_THREADS,
                COMMAND_THREADS,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(COMMAND_QUEUE),
                r -> {
                    Thread thread = new Thread(r, "drill-command-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        String sub = subcommand(event.getSubcommandGroup(), event.getSubcommandName());
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
                                                command.reply(),
                                                () -> command.onCommand(event),
                                                event)),
                        () -> Replies.ephemeral(
                                event,
                                "I don't know " + Replies.quote("/" + event.getFullCommandName())
                                        + ". `/drill help` lists what I can do."));
    }

    /** The registry's name of a subcommand: its name, after its group's when it has one. */
    private static String subcommand(String group, String name) {
        String sub = name == null ? "" : name;
        return group == null ? sub : group + " " + sub;
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        String sub = subcommand(event.getSubcommandGroup(), event.getSubcommandName());
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
                        command -> run(
                                event.getName(),
                                command.access(),
                                command.reply(),
                                () -> command.onCommand(event),
                                event),
                        () -> Replies.ephemeral(
                                event, "I don't know the action " + Replies.quote(event.getName()) + "."));
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        String[] parts = event.getModalId().split(":");
        if (parts.length < 2 || !parts[0].equals("drill")) {
            return;
        }
        timer.received(event.getIdLong(), registry.modal(parts[1]).isPresent() ? "modal " + parts[1] : "unknown");
        List<String> args = Arrays.asList(parts).subList(2, parts.length);
        registry.modal(parts[1])
                .ifPresentOrElse(
                        handler -> run(
                                "modal " + parts[1],
                                handler.access(),
                                handler.reply(),
                                () -> handler.onModal(event, args),
                                event),
                        () -> Replies.ephemeral(event, "This form no longer does anything."));
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
                        handler -> run(
                                "button " + parts[1],
                                handler.access(),
                                handler.reply(),
                                () -> handler.onButton(event, args),
                                event),
                        () -> Replies.ephemeral(event, "This button no longer does anything."));
    }

    /**
     * Checks the declared access first: a command runs only for members it allows. A failure is logged with
     * the command's name and the guild only: never option values or message content, not even inside the
     * exception's message.
     */
    private void run(String what, Access access, Reply reply, Runnable action, IReplyCallback event) {
        if (reply == Reply.AT_ONCE) {
            checkAndRun(what, access, reply, action, event);
            return;
        }
        event.deferReply(reply == Reply.DEFERRED_PRIVATE).queue();
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        try {
            commands.execute(() -> {
                if (mdc != null) {
                    MDC.setContextMap(mdc);
                }
                try {
                    lanes.settle(SETTLE);
                    checkAndRun(what, access, reply, action, event);
                } finally {
                    MDC.clear();
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("{} refused in guild {}: every command thread is busy", what, guildOf(event));
            failed(event, reply, BUSY);
        }
    }

    private void checkAndRun(String what, Access access, Reply reply, Runnable action, IReplyCallback event) {
        try {
            if (admins.check(access, event)) {
                action.run();
            }
        } catch (RuntimeException e) {
            log.error("{} failed in guild {}", what, guildOf(event), Redacted.of(e));
            failed(event, reply, Replies.INTERNAL_ERROR);
        }
    }

    /** Tells only the member; a public "thinking…" placeholder is removed first, so no error shows to all. */
    private static void failed(IReplyCallback event, Reply reply, String sentence) {
        if (reply == Reply.DEFERRED_PUBLIC) {
            event.getHook()
                    .deleteOriginal()
                    .queue(ok -> Replies.ephemeral(event, sentence), gone -> Replies.ephemeral(event, sentence));
        } else {
            Replies.ephemeral(event, sentence);
        }
    }

    /** Stops the command threads with the application, giving running commands a bounded time to finish. */
    @Override
    public void destroy() throws InterruptedException {
        commands.shutdown();
        if (!commands.awaitTermination(10, TimeUnit.SECONDS)) {
            commands.shutdownNow();
        }
    }

    private static String guildOf(net.dv8tion.jda.api.interactions.Interaction event) {
        return event.getGuild() == null ? "-" : event.getGuild().getId();
    }
}
