package dev.drill.admin;

import dev.drill.guild.GuildSettings;
import dev.drill.guild.GuildSettingsStore;
import dev.drill.round.RoundService;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Pausing and resuming the daily posts: one rule for both commands, free of Discord. */
@Component
final class Pausing {

    private final GuildSettingsStore store;
    private final RoundService rounds;

    Pausing(GuildSettingsStore store, RoundService rounds) {
        this.store = store;
        this.rounds = rounds;
    }

    /** What happened, once: {@code NOT_SET_UP}, {@code ALREADY} (nothing to change), or {@code DONE}. */
    enum Result {
        NOT_SET_UP,
        ALREADY,
        DONE
    }

    Result set(long guild, boolean paused) {
        Optional<GuildSettings> settings = store.find(guild);
        if (settings.isEmpty()) {
            return Result.NOT_SET_UP;
        }
        // Resuming a guild that Drill paused itself (a lost channel) clears the reason too.
        if (settings.get().paused() == paused
                && (paused || settings.get().pausedReason().isEmpty())) {
            return Result.ALREADY;
        }
        store.save(settings.get().withPaused(paused, ""));
        rounds.reschedule(guild);
        return Result.DONE;
    }

    /** When the next question comes after a resume. */
    Optional<java.time.Instant> nextOpening(long guild) {
        return rounds.nextOpening(guild);
    }
}
