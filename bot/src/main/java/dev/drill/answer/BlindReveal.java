package dev.drill.answer;

import dev.drill.guild.GuildSettings;
import dev.drill.round.Round;
import dev.drill.round.RoundMoment;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The reveal of a round's blind answers, once per round at its reveal time; the round cannot close before it
 * (a close fires it first), so every blind answer is out, scored and open to 👍 before the recap.
 */
@Component
final class BlindReveal implements RoundMoment {

    private final FormAnswers forms;

    BlindReveal(FormAnswers forms) {
        this.forms = forms;
    }

    @Override
    public String name() {
        return "blind-reveal";
    }

    @Override
    public Optional<java.time.Instant> at(GuildSettings settings, Round round) {
        if (!forms.revealOwed(round.guild(), round.date())) {
            return Optional.empty();
        }
        return Optional.of(forms.revealAt(round.guild(), round.opens(), round.closes()));
    }

    @Override
    public void fire(GuildSettings settings, Round round) {
        forms.reveal(round.guild(), round.date());
    }

    @Override
    public boolean beforeClose() {
        return true;
    }
}
