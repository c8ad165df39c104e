package dev.drill.champion;

import dev.drill.round.RecapNote;
import dev.drill.round.Round;
import dev.drill.score.BoardPeriod;
import dev.drill.score.LeaderboardEntry;
import dev.drill.score.Period;
import dev.drill.score.ScoreService;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The champion role: when the first round of a week (or month) closes, the previous period's #1 gets the role
 * and the previous holder loses it, and the recap says so. A close that is retried finds its award recorded
 * and returns the same line without touching the roles again.
 */
@Component
final class Champion implements RecapNote {

    private static final Logger log = LoggerFactory.getLogger(Champion.class);

    private final ChampionStore store;
    private final ChampionRoles roles;
    private final ScoreService scores;

    Champion(ChampionStore store, ChampionRoles roles, ScoreService scores) {
        this.store = store;
        this.roles = roles;
        this.scores = scores;
    }

    @Override
    public List<String> lines(Round round) {
        long guild = round.guild();
        long role = store.role(guild);
        if (role == 0) {
            return List.of();
        }
        LocalDate date;
        try {
            date = LocalDate.parse(round.date());
        } catch (java.time.format.DateTimeParseException e) {
            return List.of();
        }
        boolean month = store.period(guild).equals("month");
        String previous = month
                ? Period.of(date.minusMonths(1)).month()
                : Period.of(date.minusWeeks(1)).week();
        String periodName = (month ? "month " : "week ") + previous;
        Optional<ChampionStore.Award> last = store.last(guild);
        if (last.isPresent() && last.get().period().equals(periodName)) {
            // Awarded already: by this round's close (a retry says the same), or by an earlier round of the period.
            return last.get().round().equals(round.date()) && !last.get().line().isEmpty()
                    ? List.of(last.get().line())
                    : List.of();
        }
        long holder = last.map(ChampionStore.Award::holder).orElse(0L);
        List<LeaderboardEntry> top = scores.periodTop(guild, month ? BoardPeriod.MONTH : BoardPeriod.WEEK, previous, 1);
        if (top.isEmpty()) {
            // Nobody scored: the role stays where it is.
            store.save(guild, new ChampionStore.Award(holder, periodName, round.date(), ""));
            return List.of();
        }
        LeaderboardEntry winner = top.get(0);
        String name = winner.name().isBlank() ? "member " + winner.memberId() : plain(winner.name());
        String line;
        long newHolder = holder;
        try {
            roles.move(guild, role, holder, winner.memberId());
            newHolder = winner.memberId();
            line = "🏆 " + name + " was #1 of " + periodName + " with " + winner.points() + " points"
                    + (holder == winner.memberId()
                            ? " again and keeps <@&" + role + ">."
                            : " and now holds <@&" + role + ">"
                                    + (holder == 0 ? "." : ", taken from <@" + holder + ">."));
            log.info("Guild {}: champion of {} is {}", guild, periodName, winner.memberId());
        } catch (ChampionRoles.Refused e) {
            line = "🏆 " + name + " was #1 of " + periodName + " with " + winner.points()
                    + " points, but I could not give them <@&" + role + ">: " + e.getMessage() + ".";
            log.warn("Guild {}: could not give the champion role: {}", guild, e.getMessage());
        }
        store.save(guild, new ChampionStore.Award(newHolder, periodName, round.date(), line));
        return List.of(line);
    }

    /** A display name shown as typed: markdown characters escaped, so a name cannot format the recap. */
    static String plain(String name) {
        return name.replaceAll("([\\\\*_`~|>\\[\\]])", "\\\\$1");
    }
}
