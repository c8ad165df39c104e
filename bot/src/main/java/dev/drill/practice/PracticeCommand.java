package dev.drill.practice;

import dev.drill.content.KeyPointMatcher;
import dev.drill.content.Level;
import dev.drill.content.Question;
import dev.drill.discord.ButtonHandler;
import dev.drill.discord.CommandNames;
import dev.drill.discord.ModalHandler;
import dev.drill.discord.Replies;
import dev.drill.discord.Reply;
import dev.drill.discord.SlashCommand;
import dev.drill.score.RoundDirectory;
import dev.drill.score.RoundRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import org.springframework.stereotype.Component;

/** {@code /drill practice [level] [topic]}: an extra, unscored question with a button to reveal its answer. */
@Component
final class PracticeCommand implements SlashCommand {

    static final String LEVEL = "level";
    static final String TOPIC = "topic";
    static final String QUESTION = "question";
    /** What a button or form of a question the bank no longer has answers. */
    static final String GONE = "That question is no longer in the bank.";

    static final String REVEAL_BUTTON = "reveal";
    static final String ANSWER_BUTTON = "practice-answer";
    static final String ANSWER_MODAL = "practice-submit";
    static final String ANSWER_INPUT = "answer";
    static final int ANSWER_MAX = 4000;

    static final String THE_OPEN_ONE = "That question is open in today's round: answer it in the round's"
            + " thread, for points; practice another one meanwhile.";

    static final String ONLY_THE_OPEN_ONE = "The only question that matches is the one open in today's round:"
            + " answer it in the round's thread, or choose another level or topic.";

    private final PracticeService practice;
    private final RoundDirectory rounds;

    PracticeCommand(PracticeService practice, RoundDirectory rounds) {
        this.practice = practice;
        this.rounds = rounds;
    }

    @Override
    public String parent() {
        return CommandNames.DRILL;
    }

    @Override
    public SubcommandData definition() {
        OptionData level =
                new OptionData(OptionType.STRING, LEVEL, "fresher, intermediate or experienced").setMaxLength(20);
        Arrays.stream(Level.values()).forEach(l -> level.addChoice(l.title(), l.id()));
        return new SubcommandData("practice", "An extra practice question just for you (not scored)")
                .addOptions(
                        level,
                        new OptionData(OptionType.STRING, TOPIC, "A topic, e.g. caching", false, true).setMaxLength(40),
                        new OptionData(
                                        OptionType.STRING,
                                        QUESTION,
                                        "A question by id, number or words of its prompt",
                                        false,
                                        true)
                                .setMaxLength(100));
    }

    /** Reads the open round from Redis before it picks: acknowledged at once, answered when picked. */
    @Override
    public Reply reply() {
        return Reply.DEFERRED_PRIVATE;
    }

    @Override
    public void onCommand(SlashCommandInteractionEvent event) {
        Optional<String> levelText = Optional.ofNullable(event.getOption(LEVEL, OptionMapping::getAsString));
        Optional<Level> level = levelText.flatMap(Level::parse);
        if (levelText.isPresent() && level.isEmpty()) {
            Replies.ephemeral(
                    event,
                    Replies.quote(levelText.get()) + " is not a level: choose fresher, intermediate or experienced.");
            return;
        }
        Optional<String> asked = Optional.ofNullable(event.getOption(QUESTION, OptionMapping::getAsString));
        if (asked.isPresent()) {
            List<Question> found = practice.find(asked.get());
            if (found.isEmpty()) {
                Replies.ephemeral(event, "I know no question like " + Replies.quote(asked.get()) + ".");
                return;
            }
            if (isOpenNow(event.getGuild().getIdLong(), found.get(0))) {
                Replies.ephemeral(event, THE_OPEN_ONE);
                return;
            }
            show(event, found.get(0));
            return;
        }
        Optional<String> topic = Optional.ofNullable(event.getOption(TOPIC, OptionMapping::getAsString))
                .map(t -> t.strip().toLowerCase(Locale.ROOT));
        if (topic.isPresent() && !practice.topics().contains(topic.get())) {
            Replies.ephemeral(
                    event,
                    Replies.quote(topic.get()) + " is not a topic I know. Topics: "
                            + String.join(", ", practice.topics()) + ".");
            return;
        }
        if (practice.matching(level, topic).isEmpty()) {
            Replies.ephemeral(
                    event,
                    "No " + level.map(Level::id).orElse("") + " question is about "
                            + Replies.quote(topic.orElse("")) + ". Topics at that level: "
                            + String.join(", ", practice.topicsAt(level))
                            + ".");
            return;
        }
        // Today's question is answered in its thread, for points: practice never hands it out.
        Optional<String> openNow = rounds.latest(event.getGuild().getIdLong())
                .filter(RoundRef::open)
                .map(RoundRef::questionId);
        Optional<Question> question = practice.pick(level, topic, openNow);
        if (question.isEmpty()) {
            Replies.ephemeral(event, ONLY_THE_OPEN_ONE);
            return;
        }
        show(event, question.get());
    }

    private boolean isOpenNow(long guild, Question q) {
        return rounds.latest(guild)
                .filter(RoundRef::open)
                .filter(r -> r.questionId().equals(q.id()))
                .isPresent();
    }

    /** The question, with Answer it (your own answer, judged privately) and Show model answer. */
    private static void show(SlashCommandInteractionEvent event, Question q) {
        // Deferred by the router (privately): the question is the deferred reply's follow-up.
        event.getHook()
                .sendMessageEmbeds(CoachingRenderer.question(
                        q, "Practice question · " + q.level().title()))
                .setComponents(ActionRow.of(
                        Button.success(ButtonHandler.customId(ANSWER_BUTTON, q.id()), "Answer it"),
                        Button.primary(ButtonHandler.customId(REVEAL_BUTTON, q.id()), "Show model answer")))
                .setEphemeral(true)
                .queue();
    }

    @Override
    public void onAutoComplete(CommandAutoCompleteInteractionEvent event) {
        if (event.getFocusedOption().getName().equals(QUESTION)) {
            event.replyChoices(practice.find(event.getFocusedOption().getValue()).stream()
                            .limit(25)
                            .map(q -> new Command.Choice(
                                    Replies.fit(q.level().id() + " #" + q.number() + " · " + q.prompt(), 100), q.id()))
                            .toList())
                    .queue();
            return;
        }
        String typed = event.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
        List<String> topics = practice.topics().stream()
                .filter(t -> t.contains(typed))
                .limit(25)
                .toList();
        event.replyChoiceStrings(topics).queue();
    }

    /** The question a practice button or form names in its custom id's first argument. */
    private static Optional<Question> questionOf(PracticeService practice, List<String> args) {
        return args.isEmpty() ? Optional.empty() : practice.byId(args.get(0));
    }

    /** The "Answer it" button of a practice question: a form for the member's own answer. */
    @Component
    static final class AnswerIt implements ButtonHandler {

        private final PracticeService practice;

        AnswerIt(PracticeService practice) {
            this.practice = practice;
        }

        @Override
        public String prefix() {
            return ANSWER_BUTTON;
        }

        @Override
        public void onButton(ButtonInteractionEvent event, List<String> args) {
            Optional<Question> question = questionOf(practice, args);
            if (question.isEmpty()) {
                Replies.ephemeral(event, GONE);
                return;
            }
            TextInput answer = TextInput.create(ANSWER_INPUT, TextInputStyle.PARAGRAPH)
                    .setRequired(true)
                    .setMinLength(1)
                    .setMaxLength(ANSWER_MAX)
                    .setPlaceholder("Answer as you would in the interview")
                    .build();
            event.replyModal(Modal.create(
                                    ButtonHandler.customId(
                                            ANSWER_MODAL, question.get().id()),
                                    "Your answer")
                            .addComponents(Label.of("Your answer (only you see the feedback)", answer))
                            .build())
                    .queue();
        }
    }

    /** The submitted answer: the same feedback as How did I do?, then the model answer; private, never scored. */
    @Component
    static final class Submitted implements ModalHandler {

        private final PracticeService practice;

        Submitted(PracticeService practice) {
            this.practice = practice;
        }

        @Override
        public String prefix() {
            return ANSWER_MODAL;
        }

        @Override
        public void onModal(ModalInteractionEvent event, List<String> args) {
            Optional<Question> question = questionOf(practice, args);
            ModalMapping value = event.getValue(ANSWER_INPUT);
            if (question.isEmpty() || value == null) {
                Replies.ephemeral(event, GONE);
                return;
            }
            String text = value.getAsString();
            if (text.length() > ANSWER_MAX) {
                Replies.ephemeral(event, "Your answer is longer than " + ANSWER_MAX + " characters; shorten it.");
                return;
            }
            List<MessageEmbed> embeds = new ArrayList<>();
            embeds.add(CoachingRenderer.practiceFeedback(question.get(), KeyPointMatcher.judge(text, question.get())));
            embeds.addAll(CoachingRenderer.coaching(question.get()));
            event.replyEmbeds(embeds).setEphemeral(true).queue();
        }
    }

    /** The "Show model answer" button of a practice question. */
    @Component
    static final class Reveal implements ButtonHandler {

        private final PracticeService practice;

        Reveal(PracticeService practice) {
            this.practice = practice;
        }

        @Override
        public String prefix() {
            return REVEAL_BUTTON;
        }

        @Override
        public void onButton(ButtonInteractionEvent event, List<String> args) {
            Optional<Question> question = questionOf(practice, args);
            if (question.isEmpty()) {
                Replies.ephemeral(event, GONE);
                return;
            }
            event.replyEmbeds(CoachingRenderer.coaching(question.get()))
                    .setEphemeral(true)
                    .queue();
        }
    }
}
