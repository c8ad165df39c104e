package dev.drill.reminder;

import dev.drill.guild.GuildSettings;
import dev.drill.round.Round;
import dev.drill.round.RoundMoment;
import dev.drill.round.RoundService;
import dev.drill.score.ScoreStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The reminder before the close: at the set time, one message in the round's thread with the close as a
 * relative time and the answers so far. Once per round: {@link RoundService} fires it under its lease, and
 * the message carries a nonce of the round, so a retry after a crash halfway cannot post it twice.
 */
@Component
final class ReminderMoment implements RoundMoment {

    private final ReminderSettings settings;
    private final ScoreStore scores;
    private final ReminderPoster poster;

    ReminderMoment(ReminderSettings settings, ScoreStore scores, ReminderPoster poster) {
        this.settings = settings;
        this.scores = scores;
        this.poster = poster;
    }

    @Override
    public String name() {
        return "reminder";
    }

    @Override
    public Optional<Instant> at(GuildSettings guild, Round round) {
        Optional<Duration> before = settings.before(guild.guild());
        // A round shorter than the reminder (setup refuses such a schedule, a later change may make one) gets none:
        // a "closes soon" at the opening would only be noise.
        return before.map(d -> round.closes().minus(d)).filter(at -> at.isAfter(round.opens()));
    }

    @Override
    public void fire(GuildSettings guild, Round round) {
        int answers = scores.answerMessages(round.guild(), round.date()).size();
        long role = settings.ping(guild.guild()) ? guild.pingRole() : 0;
        poster.remind(new ReminderPoster.Reminder(
                round.guild(),
                round.thread(),
                RoundService.nonce("remind", round.guild(), round.date()),
                round.closes(),
                answers,
                role));
    }
}
