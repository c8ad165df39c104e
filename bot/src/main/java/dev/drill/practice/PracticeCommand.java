package dev.drill.practice;

import dev.drill.content.Level;
import dev.drill.content.Question;
import dev.drill.discord.ButtonHandler;
import dev.drill.discord.CommandNames;
import dev.drill.discord.Replies;
import dev.drill.discord.Reply;
import dev.drill.discord.SlashCommand;
import dev.drill.score.RoundDirectory;
import dev.drill.score.RoundRef;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.springframework.stereotype.Component;

/** {@code /drill practice [level] [topic]}: an extra, unscored question with a button to reveal its answer. */
@Component
final class PracticeCommand implements SlashCommand {

    static final String LEVEL = "level";
    static final String TOPIC = "topic";
    static final String REVEAL_BUTTON = "reveal";

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
                        new OptionData(OptionType.STRING, TOPIC, "A topic, e.g. caching", false, true)
                                .setMaxLength(40));
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
        Question q = question.get();
        // Deferred by the router (privately): the question is the deferred reply's follow-up.
        event.getHook()
                .sendMessageEmbeds(CoachingRenderer.question(
                        q, "Practice question · " + q.level().title()))
                .setComponents(ActionRow.of(
                        Button.primary(ButtonHandler.customId(REVEAL_BUTTON, q.id()), "Show model answer")))
                .setEphemeral(true)
                .queue();
    }

    @Override
    public void onAutoComplete(CommandAutoCompleteInteractionEvent event) {
        String typed = event.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
        List<String> topics = practice.topics().stream()
                .filter(t -> t.contains(typed))
                .limit(25)
                .toList();
        event.replyChoiceStrings(topics).queue();
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
            Optional<Question> question = args.isEmpty() ? Optional.empty() : practice.byId(args.get(0));
            if (question.isEmpty()) {
                Replies.ephemeral(event, "That question is no longer in the bank.");
                return;
            }
            event.replyEmbeds(CoachingRenderer.coaching(question.get()))
                    .setEphemeral(true)
                    .queue();
        }
    }
}
