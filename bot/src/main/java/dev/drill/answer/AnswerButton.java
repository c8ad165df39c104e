package dev.drill.answer;

import dev.drill.discord.ButtonHandler;
import dev.drill.discord.ModalHandler;
import dev.drill.discord.Replies;
import dev.drill.discord.Reply;
import dev.drill.score.ScoreStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.TimeFormat;
import org.springframework.stereotype.Component;

/**
 * The Answer button of a question post (modal and blind modes): opens the form for the member's answer. Its
 * custom id carries the round's date, its close and (blind) its reveal, so a press is answered at once, from
 * the clock, without Redis (a form must be the first response).
 */
@Component
final class AnswerButton implements ButtonHandler {

    static final String PREFIX = "answer";
    static final String FORM = "answer-form";
    static final String INPUT = "answer";

    static final String CLOSED = "This round is closed: its recap with the model answer is in the thread.";
    static final String REVEALED = "This round's answers were revealed, so it takes no more answers: read them in the"
            + " thread and react 👍 to the best until the close.";
    static final String GONE = "I can't find this round any more.";

    private final Clock clock;
    private final ScoreStore scores;

    AnswerButton(Clock clock, ScoreStore scores) {
        this.clock = clock;
        this.scores = scores;
    }

    /** The button's id: {@code drill:answer:<date>:<close>:<reveal>}, epoch seconds, reveal 0 when not blind. */
    static String customId(String date, Instant closes, Optional<Instant> reveal) {
        return ButtonHandler.customId(
                PREFIX,
                date,
                closes.getEpochSecond(),
                reveal.map(Instant::getEpochSecond).orElse(0L));
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public void onButton(ButtonInteractionEvent event, List<String> args) {
        Optional<Ids> ids = Ids.parse(args);
        if (ids.isEmpty()) {
            Replies.ephemeral(event, GONE);
            return;
        }
        Instant now = clock.instant();
        if (!now.isBefore(ids.get().closes())) {
            Replies.ephemeral(event, CLOSED);
            return;
        }
        if (ids.get().reveal().isPresent() && !now.isBefore(ids.get().reveal().get())) {
            Replies.ephemeral(event, REVEALED);
            return;
        }
        int min = Math.min(scores.rules(event.getGuild().getIdLong()).minAnswerChars(), FormAnswers.TEXT_MAX);
        TextInput answer = TextInput.create(INPUT, TextInputStyle.PARAGRAPH)
                .setRequired(true)
                .setMinLength(Math.max(1, min))
                .setMaxLength(FormAnswers.TEXT_MAX)
                .setPlaceholder("Answer as you would in the interview")
                .build();
        String label = ids.get().reveal().isPresent()
                ? "Your answer (hidden until the reveal)"
                : "Your answer (posted with your name)";
        event.replyModal(Modal.create(ButtonHandler.customId(FORM, String.join(":", args)), "Your answer")
                        .addComponents(Label.of(label, answer))
                        .build())
                .queue();
    }

    /** The round a button or form names. */
    record Ids(String date, Instant closes, Optional<Instant> reveal) {

        static Optional<Ids> parse(List<String> args) {
            if (args.size() < 3 || !args.get(0).matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Optional.empty();
            }
            try {
                long reveal = Long.parseLong(args.get(2));
                return Optional.of(new Ids(
                        args.get(0),
                        Instant.ofEpochSecond(Long.parseLong(args.get(1))),
                        reveal == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(reveal))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** The submitted form: posted (modal) or kept for the reveal (blind), and the member told which. */
    @Component
    static final class Submitted implements ModalHandler {

        private final FormAnswers forms;

        Submitted(FormAnswers forms) {
            this.forms = forms;
        }

        @Override
        public String prefix() {
            return FORM;
        }

        /** Reads Redis and posts to Discord before answering: acknowledged at once. */
        @Override
        public Reply reply() {
            return Reply.DEFERRED_PRIVATE;
        }

        @Override
        public void onModal(ModalInteractionEvent event, List<String> args) {
            Optional<Ids> ids = Ids.parse(args);
            ModalMapping value = event.getValue(INPUT);
            if (ids.isEmpty() || value == null) {
                Replies.ephemeral(event, GONE);
                return;
            }
            String name = event.getMember() != null
                    ? event.getMember().getEffectiveName()
                    : event.getUser().getEffectiveName();
            FormAnswers.Outcome outcome = forms.submit(new FormAnswers.Submission(
                    event.getGuild().getIdLong(),
                    ids.get().date(),
                    ids.get().closes(),
                    event.getUser().getIdLong(),
                    name,
                    value.getAsString()));
            Replies.ephemeral(event, sentence(outcome));
        }
    }

    /** What the member is told about their submission. */
    static String sentence(FormAnswers.Outcome outcome) {
        if (outcome instanceof FormAnswers.Posted p) {
            String link = link(p.guild(), p.thread(), p.message());
            return switch (p.change()) {
                case RECORDED ->
                    "Your answer is in the thread: " + link + " (+" + p.points()
                            + "). Press Answer again to change it until the close.";
                case ANSWERED ->
                    "Your answer is in the thread: " + link
                            + ". You already had a counted answer in this round, so it earns nothing more.";
                default -> "Your answer is in the thread: " + link + ".";
            };
        }
        if (outcome instanceof FormAnswers.Edited e) {
            return "Your answer in the thread is updated: " + link(e.guild(), e.thread(), e.message())
                    + ". It still counts once.";
        }
        if (outcome instanceof FormAnswers.Saved s) {
            return (s.first() ? "Your answer is saved" : "Your answer is replaced")
                    + ", hidden from everyone until the reveal "
                    + TimeFormat.RELATIVE.format(s.revealAt().toEpochMilli())
                    + ". Press Answer again to change it until then.";
        }
        if (outcome instanceof FormAnswers.TooShort t) {
            return "An answer needs at least " + t.minChars()
                    + " characters (spaces and blank lines do not count). Nothing was saved.";
        }
        if (outcome instanceof FormAnswers.TooLong t) {
            return "An answer can be at most " + t.maxChars() + " characters. Nothing was saved.";
        }
        if (outcome instanceof FormAnswers.Revealed) {
            return REVEALED;
        }
        if (outcome instanceof FormAnswers.Closed) {
            return CLOSED;
        }
        return GONE;
    }

    private static String link(long guild, long thread, long message) {
        return "https://discord.com/channels/" + guild + "/" + thread + "/" + message;
    }
}
