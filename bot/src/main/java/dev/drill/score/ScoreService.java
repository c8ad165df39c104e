package dev.drill.score;

import dev.drill.redis.Keys;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * What other features and the commands ask about scores: leaderboards, member stats, the scoring part of a
 * round's recap, a member's counted answer, and voiding a skipped round.
 */
@Service
public final class ScoreService {

    public static final int PAGE_SIZE = 10;

    /** How many weeks the progress picture of {@code /drill stats} covers, this one included. */
    public static final int PROGRESS_WEEKS = 12;

    static final int RECAP_TOP_VOTED = 3;
    static final int RECAP_WEEK_TOP = 5;

    private final ScoreStore store;
    private final RoundDirectory rounds;
    private final Clock clock;

    public ScoreService(ScoreStore store, RoundDirectory rounds, Clock clock) {
        this.store = store;
        this.rounds = rounds;
        this.clock = clock;
    }

    /**
     * The top ten of a board of the guild's current week or month (in its zone), or all time, with each shown
     * member's rank on the previous week's or month's board (all time has no previous period).
     */
    public LeaderboardPage leaderboard(long guild, BoardPeriod period, long caller) {
        LocalDate today = clock.instant().atZone(zoneOf(guild)).toLocalDate();
        Period now = Period.of(today);
        String label;
        String board;
        Optional<String> previousLabel;
        Optional<String> previousBoard;
        switch (period) {
            case WEEK -> {
                label = now.week();
                board = Keys.boardWeek(guild, now.week());
                previousLabel = Optional.of(Period.of(today.minusWeeks(1)).week());
                previousBoard = previousLabel.map(week -> Keys.boardWeek(guild, week));
            }
            case MONTH -> {
                label = now.month();
                board = Keys.boardMonth(guild, now.month());
                previousLabel = Optional.of(Period.of(today.minusMonths(1)).month());
                previousBoard = previousLabel.map(month -> Keys.boardMonth(guild, month));
            }
            default -> {
                label = "all time";
                board = Keys.boardAllTime(guild);
                previousLabel = Optional.empty();
                previousBoard = Optional.empty();
            }
        }
        ScoreStore.BoardRead read = store.page(board, previousBoard, guild, caller, PAGE_SIZE);
        Optional<LeaderboardEntry> self =
                read.caller().filter(c -> c.rank() > read.top().size());
        return new LeaderboardPage(period, label, read.top(), self, previousLabel, read.previousRanks());
    }

    /**
     * The first {@code size} of the board of one week ({@code 2026-W49}) or month ({@code 2026-12}): ties go to
     * who reached the points first, as on every board.
     */
    public List<LeaderboardEntry> periodTop(long guild, BoardPeriod period, String label, int size) {
        String board = switch (period) {
            case WEEK -> Keys.boardWeek(guild, label);
            case MONTH -> Keys.boardMonth(guild, label);
            case ALL -> Keys.boardAllTime(guild);
        };
        return store.page(board, guild, 0, size).top();
    }

    /** The guild's archived seasons, oldest first. */
    public List<String> seasons(long guild) {
        return store.seasons(guild);
    }

    /** The top ten of an archived season's board, or empty when the guild has no season of that name. */
    public Optional<LeaderboardPage> season(long guild, String name, long caller) {
        if (!store.seasons(guild).contains(name)) {
            return Optional.empty();
        }
        ScoreStore.BoardRead read = store.page(Keys.boardSeason(guild, name), guild, caller, PAGE_SIZE);
        Optional<LeaderboardEntry> self =
                read.caller().filter(c -> c.rank() > read.top().size());
        return Optional.of(new LeaderboardPage(BoardPeriod.ALL, "season " + name, read.top(), self));
    }

    /** A member's points in each of the last {@link #PROGRESS_WEEKS} weeks and the days they answered a round. */
    public MemberProgress progress(long guild, long member) {
        LocalDate today = clock.instant().atZone(zoneOf(guild)).toLocalDate();
        List<String> weeks = new ArrayList<>(PROGRESS_WEEKS);
        for (int back = PROGRESS_WEEKS - 1; back >= 0; back--) {
            weeks.add(Period.of(today.minusWeeks(back)).week());
        }
        LocalDate firstDay =
                today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(PROGRESS_WEEKS - 1);
        ScoreStore.HistoryRead read = store.history(guild, member, weeks, firstDay.toEpochDay());
        Set<LocalDate> answered = new HashSet<>();
        for (String date : read.answeredDates()) {
            try {
                answered.add(LocalDate.parse(date));
            } catch (DateTimeParseException e) {
                // A round id that is not a date (never written by Drill today) has no place on the calendar.
            }
        }
        return new MemberProgress(today, weeks, read.weekPoints(), answered);
    }

    /** How many mock-interview pair sessions a member held (shown by {@code /drill stats} once there is one). */
    public int pairSessions(long guild, long member) {
        return store.pairSessions(guild, member);
    }

    public MemberStats stats(long guild, long member) {
        Optional<RoundRef> latest = rounds.latest(guild);
        Period now = Period.at(clock.instant(), zoneOf(guild));
        ScoreStore.MemberRead read = store.member(guild, member, now);
        return new MemberStats(
                member,
                read.name(),
                read.weekPoints(),
                read.monthPoints(),
                read.allTimePoints(),
                read.answers(),
                read.streak().current(latest),
                read.streak().best(),
                read.allTimeRank(),
                read.votes(),
                read.awards());
    }

    /** The scoring part of a round's recap; see {@link RecapScores}. */
    public RecapScores recap(long guild, RoundRef round) {
        ScoreStore.RoundAnswers read = store.roundAnswers(guild, round.date());
        LinkedHashSet<Long> members = new LinkedHashSet<>();
        read.answers().forEach(a -> members.add(a.memberId()));
        Map<Long, String> names = store.names(guild, members);
        List<CountedAnswer> answers = read.answers().stream()
                .map(a -> new CountedAnswer(a.messageId(), a.memberId(), names.get(a.memberId()), a.votes()))
                .toList();
        List<CountedAnswer> topVoted = new ArrayList<>(answers);
        topVoted.sort(
                Comparator.comparingInt(CountedAnswer::votes).reversed().thenComparingLong(CountedAnswer::messageId));
        Optional<CountedAnswer> best = read.best().isPresent()
                ? answers.stream()
                        .filter(a -> a.messageId() == read.best().getAsLong())
                        .findFirst()
                : Optional.empty();
        String week = ScoreStore.periodOf(round).week();
        ScoreStore.BoardRead board = store.page(Keys.boardWeek(guild, week), guild, 0, RECAP_WEEK_TOP);
        return new RecapScores(
                members.size(),
                answers,
                topVoted.subList(0, Math.min(RECAP_TOP_VOTED, topVoted.size())),
                best,
                board.top());
    }

    /** The member's counted answer in the round {@code date}, for feedback on it. */
    public Optional<Long> answerOf(long guild, String date, long member) {
        return store.roundAnswers(guild, date).answers().stream()
                .filter(a -> a.memberId() == member)
                .map(AnswerRecord::messageId)
                .findFirst();
    }

    /** Withdraws every answer of a round an admin skipped; running it again changes nothing. */
    public void voidRound(long guild, RoundRef round) {
        if (round.guild() != guild) {
            throw new IllegalArgumentException("Round " + round.date() + " is not a round of guild " + guild);
        }
        store.voidRound(round, clock.instant());
    }

    private ZoneId zoneOf(long guild) {
        return rounds.zone(guild);
    }
}
