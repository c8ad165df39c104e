package dev.drill.questions;

import dev.drill.content.Level;
import dev.drill.content.Question;
import dev.drill.discord.Access;
import dev.drill.discord.ButtonHandler;
import dev.drill.discord.ModalHandler;
import dev.drill.discord.Replies;
import dev.drill.discord.Reply;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import org.springframework.stereotype.Component;

/**
 * {@code /drill-admin questions add level:… topics:…}: opens a form for the prompt and the optional coaching
 * (model answer, key points one per line, follow-ups). Discord allows five inputs in a form, so the level and
 * the topics are the command's options; they ride in the form's id.
 */
@Component
final class QuestionsAddCommand extends QuestionsSubcommand {

    static final String LEVEL = "level";
    static final String TOPICS = "topics";
    static final String MODAL = "own-add";
    static final String PROMPT = "prompt";
    static final String MODEL = "model-answer";
    static final String KEY_POINTS = "key-points";
    static final String FOLLOW_UPS = "follow-ups";

    @Override
    public SubcommandData definition() {
        OptionData level = new OptionData(OptionType.STRING, LEVEL, "The question's level", true).setMaxLength(12);
        for (Level each : Level.values()) {
            level.addChoice(each.id(), each.id());
        }
        return new SubcommandData("add", "Add a question of your own (a form opens for its text)")
                .addOptions(
                        level,
                        new OptionData(OptionType.STRING, TOPICS, "1 to 3 topics, e.g. caching, redis", true)
                                .setMaxLength(60));
    }

    /** A form must be the first answer: nothing is read before it opens. */
    @Override
    public Reply reply() {
        return Reply.AT_ONCE;
    }

    @Override
    public void onCommand(SlashCommandInteractionEvent event) {
        String level = event.getOption(LEVEL, "", OptionMapping::getAsString);
        String topicsText = event.getOption(TOPICS, "", OptionMapping::getAsString);
        List<String> topics = Arrays.stream(topicsText.split("[,\\s]+"))
                .map(t -> t.strip().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty())
                .toList();
        if (Level.parse(level).isEmpty()) {
            Replies.ephemeral(
                    event, "The level is fresher, intermediate or experienced, not " + Replies.quote(level) + ".");
            return;
        }
        if (topics.isEmpty()
                || topics.size() > 3
                || topics.stream().anyMatch(t -> !t.matches("[a-z0-9]+(-[a-z0-9]+)*"))) {
            Replies.ephemeral(
                    event,
                    "Give 1 to 3 topics in lowercase-with-dashes, separated by commas (e.g. `caching, redis`), not "
                            + Replies.quote(topicsText) + ".");
            return;
        }
        event.replyModal(Modal.create(
                                ButtonHandler.customId(
                                        MODAL, level.strip().toLowerCase(Locale.ROOT), String.join(",", topics)),
                                "New question")
                        .addComponents(
                                Label.of(
                                        "Prompt",
                                        TextInput.create(PROMPT, TextInputStyle.PARAGRAPH)
                                                .setRequired(true)
                                                .setMaxLength(1000)
                                                .build()),
                                Label.of(
                                        "Model answer (optional)",
                                        TextInput.create(MODEL, TextInputStyle.PARAGRAPH)
                                                .setRequired(false)
                                                .setMaxLength(3500)
                                                .build()),
                                Label.of(
                                        "Key points, one per line (optional)",
                                        TextInput.create(KEY_POINTS, TextInputStyle.PARAGRAPH)
                                                .setRequired(false)
                                                .setMaxLength(1500)
                                                .build()),
                                Label.of(
                                        "Follow-up questions, one per line (optional)",
                                        TextInput.create(FOLLOW_UPS, TextInputStyle.PARAGRAPH)
                                                .setRequired(false)
                                                .setMaxLength(1000)
                                                .build()))
                        .build())
                .queue();
    }

    /** The submitted form: checked like a file's question, then saved. */
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
        public Access access() {
            return Access.MANAGE_SERVER;
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
            OwnQuestions.Saved saved = questions.add(
                    event.getGuild().getIdLong(),
                    value(event, PROMPT),
                    args.get(0),
                    args.get(1),
                    value(event, MODEL),
                    value(event, KEY_POINTS),
                    value(event, FOLLOW_UPS));
            if (saved.question().isEmpty()) {
                Replies.ephemeral(event, "I did not save it: " + saved.refusal());
                return;
            }
            Question q = saved.question().get();
            Replies.ephemeral(
                    event,
                    "Saved as `" + q.id() + "` (" + q.level().id() + ", " + String.join(", ", q.topics()) + ")"
                            + (q.modelAnswer().isEmpty() ? ", without a model answer" : "")
                            + ". `/drill-admin questions next question:" + q.id() + "` asks it in the next round.");
        }

        private static String value(ModalInteractionEvent event, String id) {
            ModalMapping mapping = event.getValue(id);
            return mapping == null ? "" : mapping.getAsString();
        }
    }

    static String topics(Question q) {
        return q.topics().stream().collect(Collectors.joining(", "));
    }
}
