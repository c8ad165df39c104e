package dev.drill.privacy;

import dev.drill.ops.GuildLog;
import dev.drill.round.DueWork;
import dev.drill.score.ScoreStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * A guild's and its members' data rights: forget a member, archive a season, and delete the data of a guild
 * that removed Drill once {@link #KEEP_AFTER_LEAVING} passed without it coming back (run on the tick as a
 * {@link DueWork}).
 */
@Service
public class PrivacyService implements DueWork {

    private static final Logger log = LoggerFactory.getLogger(PrivacyService.class);

    /** How long a guild's data is kept after Drill was removed, in case it comes back. */
    public static final Duration KEEP_AFTER_LEAVING = Duration.ofDays(30);

    private static final Pattern SEASON_NAME = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private final PrivacyStore store;
    private final ScoreStore scores;
    private final Clock clock;

    PrivacyService(PrivacyStore store, ScoreStore scores, Clock clock) {
        this.store = store;
        this.scores = scores;
        this.clock = clock;
    }

    PrivacyStore.Forgotten forget(long guild, long member) {
        PrivacyStore.Forgotten removed = store.forget(guild, member);
        scores.forgetMember(guild, member);
        log.info("Guild {}: a member asked to be forgotten; removed {}", guild, removed);
        return removed;
    }

    /** A season name as given, or why it cannot be one. */
    static Optional<String> refusal(String name) {
        return SEASON_NAME.matcher(name).matches()
                ? Optional.empty()
                : Optional.of("A season name is 1 to 32 letters, digits, dots, dashes or underscores, not "
                        + dev.drill.discord.Replies.quote(name) + ".");
    }

    /** Archives the all-time board; -1 when the name is taken. */
    long resetSeason(long guild, String name) {
        long archived = store.archiveSeason(guild, name, clock.instant());
        if (archived >= 0) {
            log.info("Guild {}: all-time board archived as season {} ({} members)", guild, name, archived);
        }
        return archived;
    }

    boolean seasonExists(long guild, String name) {
        return store.seasons(guild).containsKey(name);
    }

    /** Drill was removed from the guild: its data goes in {@link #KEEP_AFTER_LEAVING} unless it comes back. */
    void left(long guild) {
        Instant at = clock.instant().plus(KEEP_AFTER_LEAVING);
        store.departed(guild, at);
        log.info(
                "Drill was removed from guild {}: its data will be deleted at {} unless Drill is added back",
                guild,
                at);
    }

    /** Drill is in the guild (again): a booked deletion is cancelled. */
    void present(long guild) {
        if (store.returned(guild)) {
            log.info("Drill is back in guild {}: its data is kept", guild);
        }
    }

    @Override
    public String name() {
        return "departed-guild-deletion";
    }

    @Override
    public void runDue(Instant now) {
        for (long guild : store.dueDeletions(now, 20)) {
            try (MDC.MDCCloseable ignored = GuildLog.about(guild)) {
                long keys = store.deleteGuild(guild);
                log.info(
                        "Deleted the data of guild {} ({} keys): Drill was removed {} days ago and not added back",
                        guild,
                        keys,
                        KEEP_AFTER_LEAVING.toDays());
            }
        }
    }
}
