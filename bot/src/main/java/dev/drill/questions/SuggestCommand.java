package dev.drill.questions;

import dev.drill.content.GuildQuestionStore;
import dev.drill.content.Level;
import dev.drill.discord.ButtonHandler;
import dev.drill.discord.CommandNames;
import dev.drill.discord.ModalHandler;
import dev.drill.discord.Replies;
import dev.drill.discord.Reply;
import dev.drill.discord.SlashCommand;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.springframework.stereotype.Component;

/**
 * {@code /drill suggest}: a member suggests a question (prompt and level) in a form; it goes to the review
 * channel with Approve / Edit / Reject buttons.
 */
@Component
final class SuggestCommand implements SlashCommand {

    static final String MODAL = "suggest";
    static final String PROMPT = "prompt";
    static final String LEVEL = "level";

    private final GuildQuestionStore store;

    SuggestCommand(GuildQuestionStore store) {
        this.store = store;
    }

    @Override
    public String parent() {
        return CommandNames.DRILL;
    }

    @Override
    public SubcommandData definition() {
        return new SubcommandData("suggest", "Suggest a question for the team's rounds (reviewed first)");
    }

    /**
     * A form must be Discord's first answer, so this reads the review channel (one small Redis read) before it:
     * with none set, the member is told at once instead of typing a suggestion for nothing.
     */
    @Override
    public void onCommand(SlashCommandInteractionEvent event) {
        if (store.reviewChannel(event.getGuild().getIdLong()) == 0) {
            Replies.ephemeral(event, OwnQuestions.NO_REVIEW_CHANNEL);
            return;
        }
        event.replyModal(form(ButtonHandler.customId(MODAL), "Suggest a question", "", Level.INTERMEDIATE.id()))
                .queue();
    }

    static Modal form(String customId, String title, String prompt, String level) {
        return Modal.create(customId, title)
                .addComponents(
                        Label.of(
                                "The question",
                                TextInput.create(PROMPT, TextInputStyle.PARAGRAPH)
                                        .setRequired(true)
                                        .setMinLength(10)
                                        .setMaxLength(1000)
                                        .setValue(prompt.isEmpty() ? null : prompt)
                                        .build()),
                        Label.of(
                                "Level: fresher, intermediate or experienced",
                                TextInput.create(LEVEL, TextInputStyle.SHORT)
                                        .setRequired(true)
                                        .setMaxLength(12)
                                        .setValue(level)
                                        .build()))
                .build();
    }

    static String value(ModalInteractionEvent event, String id) {
        ModalMapping mapping = event.getValue(id);
        return mapping == null ? "" : mapping.getAsString();
    }

    /** The submitted suggestion: checked, recorded (at most five open per member), posted for review. */
    @Component
    static final class Submitted implements ModalHandler {

        private final OwnQuestions questions;

        Submitted(OwnQuestions questions) {
            this.questions = questions;
        }

        @Override
        public String prefix() {
            return MODAL;
        }

        @Override
        public Reply reply() {
            return Reply.DEFERRED_PRIVATE;
        }

        @Override
        public void onModal(ModalInteractionEvent event, List<String> args) {
            long guild = event.getGuild().getIdLong();
            OwnQuestions.Suggested suggested =
                    questions.suggest(guild, event.getUser().getIdLong(), value(event, PROMPT), value(event, LEVEL));
            if (suggested.suggestion().isEmpty()) {
                Replies.ephemeral(event, "I did not send it: " + suggested.refusal());
                return;
            }
            Suggestion suggestion = suggested.suggestion().get();
            TextChannel review = event.getGuild().getTextChannelById(questions.reviewChannel(guild));
            if (review == null) {
                Replies.ephemeral(
                        event,
                        "Your suggestion is saved, but I cannot see the review channel: please tell an admin to set it"
                                + " again with `/drill-admin setup review-channel:`.");
                return;
            }
            review.sendMessage(reviewMessage(suggestion))
                    .queue(
                            posted -> Replies.ephemeral(
                                    event,
                                    "Thanks! Your suggestion went to the reviewers; I will tell you what they decide."),
                            failed -> Replies.ephemeral(
                                    event,
                                    "Your suggestion is saved, but I could not post it in the review channel: please"
                                            + " tell an admin to check my permissions there."));
        }
    }

    static MessageCreateData reviewMessage(Suggestion s) {
        return new MessageCreateBuilder()
                .setEmbeds(reviewEmbed(s, "Suggested question · " + s.id(), null))
                .setComponents(ActionRow.of(
                        Button.success(ButtonHandler.customId(SuggestionReview.BUTTON, "approve", s.id()), "Approve"),
                        Button.secondary(ButtonHandler.customId(SuggestionReview.BUTTON, "edit", s.id()), "Edit"),
                        Button.danger(ButtonHandler.customId(SuggestionReview.BUTTON, "reject", s.id()), "Reject")))
                .setAllowedMentions(List.of())
                .build();
    }

    static MessageEmbed reviewEmbed(Suggestion s, String title, String outcome) {
        var embed = Replies.embed()
                .setTitle(title)
                .setDescription("**" + Replies.fit(s.prompt(), 3000) + "**")
                .addField("Level", s.level(), true)
                .addField("Suggested by", "<@" + s.author() + ">", true);
        if (outcome != null) {
            embed.addField("Decision", outcome, false);
        }
        return embed.build();
    }
}
