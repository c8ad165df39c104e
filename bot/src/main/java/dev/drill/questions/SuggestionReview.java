package dev.drill.questions;

import dev.drill.discord.Access;
import dev.drill.discord.ButtonHandler;
import dev.drill.discord.ModalHandler;
import dev.drill.discord.Redacted;
import dev.drill.discord.Replies;
import dev.drill.discord.Reply;
import java.util.List;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Approve / Edit / Reject buttons of a suggestion in the review channel (admins and the reviewer role only,
 * checked by the router), and the Edit form. The author is told the outcome in a DM; when DMs are closed, the
 * reviewer is told so instead.
 */
@Component
final class SuggestionReview implements ButtonHandler {

    private static final Logger log = LoggerFactory.getLogger(SuggestionReview.class);

    static final String BUTTON = "suggestion";
    static final String EDIT_MODAL = "suggestion-edit";

    private final OwnQuestions questions;

    SuggestionReview(OwnQuestions questions) {
        this.questions = questions;
    }

    @Override
    public String prefix() {
        return BUTTON;
    }

    @Override
    public Access access() {
        return Access.REVIEWER;
    }

    /**
     * Answered at once: Edit must answer with a form (prefilled from the review message itself, no Redis), and
     * Approve / Reject acknowledge first and decide off the gateway thread.
     */
    @Override
    public Reply reply() {
        return Reply.AT_ONCE;
    }

    @Override
    public void onButton(ButtonInteractionEvent event, List<String> args) {
        if (args.size() < 2) {
            Replies.ephemeral(event, "This button no longer does anything.");
            return;
        }
        String action = args.get(0);
        String id = args.get(1);
        long guild = event.getGuild().getIdLong();
        switch (action) {
            case "edit" -> {
                MessageEmbed shown = event.getMessage().getEmbeds().isEmpty()
                        ? null
                        : event.getMessage().getEmbeds().get(0);
                String prompt = shown == null || shown.getDescription() == null
                        ? ""
                        : shown.getDescription().replaceAll("^\\*\\*|\\*\\*$", "");
                String level = shown == null
                        ? "intermediate"
                        : shown.getFields().stream()
                                .filter(f -> "Level".equals(f.getName()))
                                .map(MessageEmbed.Field::getValue)
                                .findFirst()
                                .orElse("intermediate");
                event.replyModal(SuggestCommand.form(
                                ButtonHandler.customId(EDIT_MODAL, id, event.getMessageIdLong()),
                                "Edit, then approve",
                                prompt,
                                level))
                        .queue();
            }
            case "approve", "reject" -> {
                event.deferReply(true).queue();
                // Edited through the channel: the review message is the bot's own post, not an interaction reply.
                MessageChannel channel = event.getMessageChannel();
                long review = event.getMessageIdLong();
                java.util.concurrent.CompletableFuture.runAsync(() -> {
                            OwnQuestions.Decision decision = action.equals("approve")
                                    ? questions.approve(guild, id, null, null)
                                    : questions.reject(guild, id);
                            announce(event, channel, review, decision);
                        })
                        .exceptionally(e -> {
                            log.error("Deciding a suggestion failed in guild {}", guild, Redacted.of(e));
                            Replies.ephemeral(event, Replies.INTERNAL_ERROR);
                            return null;
                        });
            }
            default -> Replies.ephemeral(event, "This button no longer does anything.");
        }
    }

    /**
     * Says the decision: the review message loses its buttons and shows who decided, the author gets a DM, the
     * reviewer an ephemeral answer (saying when the DM could not be delivered).
     */
    static void announce(IReplyCallback event, MessageChannel channel, long review, OwnQuestions.Decision decision) {
        String reviewer = event.getUser().getAsMention();
        if (decision instanceof OwnQuestions.Decision.Gone) {
            Replies.ephemeral(event, "This suggestion was already decided; nothing was changed.");
            return;
        }
        if (decision instanceof OwnQuestions.Decision.Invalid invalid) {
            Replies.ephemeral(event, "I did not approve it: " + invalid.refusal() + " It is still open.");
            return;
        }
        Suggestion suggestion;
        String outcome;
        String dm;
        String answer;
        if (decision instanceof OwnQuestions.Decision.Approved approved) {
            suggestion = approved.suggestion();
            outcome = "Approved by " + reviewer + " as `" + approved.question().id() + "`";
            dm = "Your suggested question was approved and joins the rounds of **"
                    + event.getGuild().getName() + "** as `"
                    + approved.question().id() + "`. Thank you!";
            answer = "Approved as `" + approved.question().id() + "`; it joins the rounds credited to <@"
                    + suggestion.author() + ">.";
        } else {
            suggestion = ((OwnQuestions.Decision.Rejected) decision).suggestion();
            outcome = "Rejected by " + reviewer;
            dm = "Your suggested question for **" + event.getGuild().getName()
                    + "** was not taken this time. Thank you for suggesting it!";
            answer = "Rejected; I am telling the author.";
        }
        if (channel != null && review != 0) {
            channel.editMessageById(
                            review,
                            MessageEditData.fromEmbeds(SuggestCommand.reviewEmbed(
                                    suggestion, "Suggested question · " + suggestion.id(), outcome)))
                    .setComponents()
                    .queue(null, ignored -> {});
        }
        event.getJDA()
                .openPrivateChannelById(suggestion.author())
                .flatMap(dmChannel -> dmChannel.sendMessage(dm).setAllowedMentions(List.of()))
                .queue(sent -> Replies.ephemeral(event, answer), failed -> {
                    log.info("Could not DM the author of suggestion {}: {}", suggestion.id(), failed.toString());
                    Replies.ephemeral(
                            event, answer + " I could not DM the author (their DMs are closed): please tell them.");
                });
    }

    /** The Edit form: the reviewer's version is approved at once. */
    @Component
    static final class Edited implements ModalHandler {

        private final OwnQuestions questions;

        Edited(OwnQuestions questions) {
            this.questions = questions;
        }

        @Override
        public String prefix() {
            return EDIT_MODAL;
        }

        @Override
        public Access access() {
            return Access.REVIEWER;
        }

        @Override
        public Reply reply() {
            return Reply.DEFERRED_PRIVATE;
        }

        @Override
        public void onModal(ModalInteractionEvent event, List<String> args) {
            if (args.size() < 2) {
                Replies.ephemeral(event, "This form no longer does anything.");
                return;
            }
            long guild = event.getGuild().getIdLong();
            OwnQuestions.Decision decision = questions.approve(
                    guild,
                    args.get(0),
                    SuggestCommand.value(event, SuggestCommand.PROMPT),
                    SuggestCommand.value(event, SuggestCommand.LEVEL));
            Message review = event.getMessage();
            announce(event, event.getMessageChannel(), review == null ? 0 : review.getIdLong(), decision);
        }
    }
}
