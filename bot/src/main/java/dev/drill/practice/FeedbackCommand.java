package dev.drill.practice;

import dev.drill.discord.ButtonHandler;
import dev.drill.discord.CommandNames;
import dev.drill.discord.Replies;
import dev.drill.discord.Reply;
import dev.drill.discord.SlashCommand;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.springframework.stereotype.Component;

/**
 * {@code /drill feedback} and the "How did I do?" button on each question post: which key points the member's answer
 * mentions and which it missed, and the misconceptions it states. Feedback only: it never changes points.
 */
@Component
final class FeedbackCommand implements SlashCommand {

    /** The custom id prefix of the "How did I do?" button (see the round's post). */
    static final String BUTTON = "feedback";

    static final String DATE = "date";

    private final FeedbackService feedback;

    FeedbackCommand(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public String parent() {
        return CommandNames.DRILL;
    }

    @Override
    public SubcommandData definition() {
        return new SubcommandData("feedback", "Which key points your answer to a round covered")
                .addOptions(new OptionData(
                                OptionType.STRING,
                                DATE,
                                "The round's date, e.g. 2026-12-01 (default: the latest round)")
                        .setMaxLength(10));
    }

    /** Reads the round and the member's answer from Redis: acknowledged at once, answered when read. */
    @Override
    public Reply reply() {
        return Reply.DEFERRED_PRIVATE;
    }

    @Override
    public void onCommand(SlashCommandInteractionEvent event) {
        Optional<String> date = Optional.ofNullable(event.getOption(DATE, OptionMapping::getAsString))
                .map(String::strip);
        if (date.isPresent() && !date.get().matches("\\d{4}-\\d{2}-\\d{2}")) {
            Replies.ephemeral(
                    event, Replies.quote(date.get()) + " is not a round date: use YYYY-MM-DD, e.g. 2026-12-01.");
            return;
        }
        answer(event, feedback, date);
    }

    static void answer(IReplyCallback event, FeedbackService feedback, Optional<String> date) {
        FeedbackService.Lookup lookup =
                feedback.find(event.getGuild().getIdLong(), event.getUser().getIdLong(), date);
        if (lookup instanceof FeedbackService.Refused refused) {
            Replies.ephemeral(event, refused.sentence());
            return;
        }
        FeedbackService.Found found = (FeedbackService.Found) lookup;
        ThreadChannel thread = event.getGuild().getThreadChannelById(found.threadId());
        if (thread == null) {
            Replies.ephemeral(event, "I can no longer see the round's thread, so I cannot read your answer.");
            return;
        }
        // Drill keeps no copy of answers: read it from Discord, which may take longer than 3 seconds.
        if (!event.isAcknowledged()) {
            event.deferReply(true).queue();
        }
        thread.retrieveMessageById(found.messageId())
                .queue(
                        message -> Replies.ephemeral(
                                event,
                                CoachingRenderer.feedback(
                                        found.round().date(),
                                        found.round().open(),
                                        feedback.judge(found, answerText(message)))),
                        error -> Replies.ephemeral(
                                event, "Your answer is no longer in the thread, so there is nothing to" + " compare."));
    }

    /**
     * The answer's text: the member's message, or, for an answer given with the Answer button, the embed the
     * bot posted it in (the bot's own message, so readable without the Message Content intent too).
     */
    static String answerText(net.dv8tion.jda.api.entities.Message message) {
        if (message.getAuthor().getIdLong() == message.getJDA().getSelfUser().getIdLong()
                && !message.getEmbeds().isEmpty()
                && message.getEmbeds().get(0).getDescription() != null) {
            return message.getEmbeds().get(0).getDescription();
        }
        return message.getContentRaw();
    }

    /** The "How did I do?" button on a round's post; it carries the round's date. */
    @Component
    static final class Button implements ButtonHandler {

        private final FeedbackService feedback;

        Button(FeedbackService feedback) {
            this.feedback = feedback;
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
            answer(event, feedback, args.isEmpty() ? Optional.empty() : Optional.of(args.get(0)));
        }
    }
}
