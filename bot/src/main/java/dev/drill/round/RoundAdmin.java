package dev.drill.round;

import dev.drill.guild.GuildSettings;
import dev.drill.guild.GuildSettingsStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The admin use cases of rounds ({@code post-now}, {@code skip}): they return what happened as plain
 * outcomes, and the admin commands say it in Discord's words.
 */
@Service
public final class RoundAdmin {

    private final RoundService rounds;
    private final RoundStore store;
    private final GuildSettingsStore settingsStore;
    private final Clock clock;

    RoundAdmin(RoundService rounds, RoundStore store, GuildSettingsStore settingsStore, Clock clock) {
        this.rounds = rounds;
        this.store = store;
        this.settingsStore = settingsStore;
        this.clock = clock;
    }

    /** What {@code post-now} did. */
    public sealed interface PostNow {
        record NotSetUp() implements PostNow {}

        /** Today already has its round (at most one a day); the next opens at {@code next}. */
        record AlreadyPosted(LocalDate today, Instant next) implements PostNow {}

        /** Discord did not take the post: the guild was paused for {@code pausedReason}, or it is retried. */
        record NotPosted(Optional<String> pausedReason) implements PostNow {}

        record Posted(long channel) implements PostNow {}
    }

    /** What {@code skip} did. */
    public sealed interface Skip {
        record NothingOpen() implements Skip {}

        record Skipped(String date) implements Skip {}
    }

    /** Closes the open round and opens today's now. */
    public PostNow postNow(long guild) {
        return rounds.exclusive(guild, () -> {
            Instant now = clock.instant();
            Optional<GuildSettings> found = settingsStore.find(guild);
            if (found.isEmpty()) {
                return new PostNow.NotSetUp();
            }
            GuildSettings settings = found.get();
            Schedule schedule = Schedule.of(settings);
            LocalDate today = LocalDate.ofInstant(now, settings.zone());
            if (store.find(guild, today.toString())
                    .filter(r -> r.state() != RoundState.CLAIMED)
                    .isPresent()) {
                return new PostNow.AlreadyPosted(today, rounds.upcomingOpening(guild, schedule, now));
            }
            rounds.currentRound(guild)
                    .filter(Round::isOpen)
                    .ifPresent(r -> RoundService.await(rounds.close(r, RoundState.CLOSED)));
            Optional<Instant> retry = RoundService.await(
                    rounds.open(settings, today.toString(), now, schedule.closeOf(today, now), false));
            rounds.bookNext(guild, now, retry.orElse(null));
            Optional<Round> opened = store.find(guild, today.toString()).filter(Round::isOpen);
            if (opened.isEmpty()) {
                return new PostNow.NotPosted(
                        settingsStore.find(guild).filter(GuildSettings::paused).map(GuildSettings::pausedReason));
            }
            return new PostNow.Posted(opened.get().channel());
        });
    }

    /** Closes the open round without scoring it; the schedule goes on and nobody's streak breaks. */
    public Skip skip(long guild) {
        return rounds.exclusive(guild, () -> {
            Optional<Round> open = rounds.currentRound(guild).filter(Round::isOpen);
            if (open.isEmpty()) {
                return new Skip.NothingOpen();
            }
            RoundService.await(rounds.close(open.get(), RoundState.SKIPPED));
            store.releaseSeq(guild, open.get().seq());
            store.forgetLatest(guild, open.get().date());
            rounds.bookNext(guild, clock.instant(), null);
            return new Skip.Skipped(open.get().date());
        });
    }
}
