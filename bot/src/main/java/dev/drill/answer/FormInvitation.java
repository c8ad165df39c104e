package dev.drill.answer;

import dev.drill.round.AnswerInvitation;
import dev.drill.score.PointsRules;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The question post of a guild that answers with the form: the Answer button and the "How to answer" text
 * that says to press it instead of replying in the thread.
 */
@Component
final class FormInvitation implements AnswerInvitation {

    private final AnswerForms store;
    private final FormAnswers forms;
    private final PointsRules rules;
    private final Clock clock;

    FormInvitation(AnswerForms store, FormAnswers forms, PointsRules rules, Clock clock) {
        this.store = store;
        this.forms = forms;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public Optional<Invitation> invitation(long guild, String date, Instant closes) {
        AnswerMode mode = store.mode(guild);
        if (!mode.usesForm()) {
            return Optional.empty();
        }
        // The post goes out as the round opens: now is its opening, within a retry.
        Optional<Instant> reveal = mode == AnswerMode.BLIND
                ? Optional.of(forms.revealAt(guild, clock.instant(), closes))
                : Optional.empty();
        String write = "Press **Answer** below and write your answer (" + rules.minAnswerChars() + "+ characters, +"
                + rules.answer() + "), instead of replying in the thread. ";
        String text = reveal.map(at -> write + "Answers stay hidden until the reveal "
                        + "<t:" + at.getEpochSecond() + ":R>; then I post them all in the thread, and 👍 on the ones"
                        + " you find best counts until the close. Until the reveal, pressing Answer again replaces"
                        + " yours.")
                .orElse(write + "I post it in the thread with your name; pressing Answer again replaces it until"
                        + " the close. React 👍 to the answers you find best.");
        text += " The recap with a model answer comes when the round closes.";
        return Optional.of(
                new Invitation(text, List.of(new Action(AnswerButton.customId(date, closes, reveal), "Answer"))));
    }
}
