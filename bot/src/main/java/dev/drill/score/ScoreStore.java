package dev.drill.score;

import dev.drill.redis.Keys;
import dev.drill.redis.LuaScripts;
import dev.drill.redis.Store;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Every Redis read and write of points, streaks and boards. Each write is one Lua script under
 * {@code resources/redis/} that sets an idempotency key first and then updates every counter and board in
 * the same atomic step, so a replayed call changes nothing and a half-applied score cannot exist.
 */
@Store
public final class ScoreStore {

    /** Display names are capped when stored: Discord's are at most 32 characters, this bounds anything else. */
    static final int NAME_MAX = 64;

    private static final int STALE_RETRIES = 5;
    private static final String BEST = "best";

    private static final Map<String, LuaScripts.Script> SCRIPTS = new ConcurrentHashMap<>();

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> PAGE = LuaScripts.of("board-page.lua", List.class);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> STATS = LuaScripts.of("member-stats.lua", List.class);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> HISTORY = LuaScripts.of("member-history.lua", List.class);

    private static final Map<String, Period> PERIODS = new ConcurrentHashMap<>();

    /** At most this many names and seen keys are remembered; past it the memory starts over. */
    private static final int REMEMBERED_MAX = 100_000;

    private final StringRedisTemplate redis;

    // What this process already wrote, so the busiest script can skip two calls: the member's display name
    // (rewritten only when it changes) and whether a round's seen set has its TTL. Forgetting costs one
    // extra write, never a wrong score.
    private final Map<String, String> knownNames = new ConcurrentHashMap<>();
    private final Map<String, Boolean> ttlChecked = new ConcurrentHashMap<>();

    private final PointsRules rules;

    public ScoreStore(StringRedisTemplate redis, PointsRules rules) {
        this.redis = redis;
        this.rules = rules;
    }

    /** The rules of a guild; one place to read per-guild settings once they exist. */
    public PointsRules rules(long guild) {
        return rules;
    }

    /**
     * Drops what this process remembers of a member (their display name), after the member's data was
     * removed: their next answer writes their name again.
     */
    public void forgetMember(long guild, long member) {
        knownNames.remove(guild + ":" + member);
    }

    /** The guild's archived seasons, oldest first. */
    public List<String> seasons(long guild) {
        Map<Object, Object> all = redis.opsForHash().entries(Keys.seasons(guild));
        return all.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(
                        (a, b) -> Long.compare(Long.parseLong(a.toString()), Long.parseLong(b.toString()))))
                .map(e -> e.getKey().toString())
                .toList();
    }

    /** Counts {@code message} as {@code member}'s answer in {@code round}, unless the script refuses. */
    public ScoreChange recordAnswer(
            RoundRef round, long message, long member, String name, String eventId, Instant at) {
        long g = round.guild();
        Period period = periodOf(round);
        PointsRules rules = rules(g);
        String seenKey = Keys.seen(g, round.date());
        String nameKey = g + ":" + member;
        String stored = storedName(name, member);
        boolean nameChanged = !stored.equals(knownNames.get(nameKey));
        boolean ttlKnown = ttlChecked.containsKey(seenKey);
        String status = run(new ScoreScripts.RecordAnswer(
                round,
                ScoreScripts.Boards.of(round, period),
                eventId,
                message,
                member,
                nameChanged ? stored : "",
                rules(g),
                BoardScore.tie(at),
                !ttlKnown));
        ScoreChange change = ScoreChange.parse(status);
        // Remembered only once the script wrote it: the name only on the recording path, the TTL on every
        // path but the duplicate one (which returns first).
        if (nameChanged && change == ScoreChange.RECORDED) {
            remember(knownNames, nameKey, stored);
        }
        if (!ttlKnown && change != ScoreChange.DUPLICATE) {
            remember(ttlChecked, seenKey, Boolean.TRUE);
        }
        return change;
    }

    /** Takes back the answer {@code message}, if it is counted; always remembers {@code eventId}. */
    public ScoreChange withdraw(RoundRef round, long message, String eventId, Instant at) {
        long g = round.guild();
        Period period = periodOf(round);
        for (int attempt = 0; attempt < STALE_RETRIES; attempt++) {
            // Unknown author: the script only touches the member key when a record exists, and then its
            // author check sends us back here.
            long author = authorOf(g, round.date(), message).orElse(0L);
            String status = run(new ScoreScripts.Withdraw(
                    round, ScoreScripts.Boards.of(round, period), eventId, message, author, BoardScore.tie(at)));
            ScoreChange change = ScoreChange.parse(status);
            if (change != ScoreChange.STALE) {
                return change;
            }
        }
        throw staleTooOften(message);
    }

    /**
     * Runs a script on an existing answer, with its author read first; a script that finds the answer changed
     * in between answers STALE, and the author is read again.
     */
    private ScoreChange forAnswer(RoundRef round, long message, LongFunction<String> script) {
        for (int attempt = 0; attempt < STALE_RETRIES; attempt++) {
            OptionalLong author = authorOf(round.guild(), round.date(), message);
            if (author.isEmpty()) {
                return ScoreChange.NONE;
            }
            ScoreChange change = ScoreChange.parse(script.apply(author.getAsLong()));
            if (change != ScoreChange.STALE) {
                return change;
            }
        }
        throw staleTooOften(message);
    }

    /** Adds ({@code add}) or removes {@code voter}'s 👍 on the answer {@code message}. */
    public ScoreChange vote(RoundRef round, long message, long voter, boolean add, Instant at) {
        long g = round.guild();
        Period period = periodOf(round);
        PointsRules rules = rules(g);
        return forAnswer(
                round,
                message,
                author -> run(new ScoreScripts.Vote(
                        round,
                        ScoreScripts.Boards.of(round, period),
                        message,
                        voter,
                        author,
                        add,
                        rules,
                        BoardScore.tie(at))));
    }

    /** Takes back every vote on the answer {@code message} (its reactions were cleared in one go). */
    public ScoreChange clearVotes(RoundRef round, long message, Instant at) {
        Period period = periodOf(round);
        return forAnswer(
                round,
                message,
                author -> run(new ScoreScripts.ClearVotes(
                        round, ScoreScripts.Boards.of(round, period), message, author, BoardScore.tie(at))));
    }

    /** Gives the round's best-answer award to {@code message}: AWARDED, TAKEN or NONE (not an answer). */
    public ScoreChange award(RoundRef round, long message, Instant at) {
        long g = round.guild();
        Period period = periodOf(round);
        return forAnswer(
                round,
                message,
                author -> run(new ScoreScripts.Award(
                        round, ScoreScripts.Boards.of(round, period), message, author, rules(g), BoardScore.tie(at))));
    }

    /**
     * Gives each member of a held mock-interview session its points, on the boards of the guild-local date
     * {@code day}: RECORDED, or DUPLICATE when {@code eventId} was seen before (nothing changes then).
     */
    public ScoreChange recordPairSession(long guild, LocalDate day, List<Long> members, String eventId, Instant at) {
        Period period = Period.of(day);
        ScoreScripts.Boards boards = new ScoreScripts.Boards(
                Keys.boardAllTime(guild), Keys.boardWeek(guild, period.week()), Keys.boardMonth(guild, period.month()));
        return ScoreChange.parse(run(new ScoreScripts.PairSession(
                guild, boards, eventId, List.copyOf(members), rules(guild), BoardScore.tie(at))));
    }

    /** How many mock-interview sessions a member held. */
    public int pairSessions(long guild, long member) {
        return integer(redis.opsForHash().get(Keys.member(guild, member), "pairs"));
    }

    /** Withdraws every answer of the round and refuses new ones; returns how many were withdrawn. */
    public int voidRound(RoundRef round, Instant at) {
        long g = round.guild();
        Period period = periodOf(round);
        for (int attempt = 0; attempt < STALE_RETRIES; attempt++) {
            LinkedHashSet<Long> authors = new LinkedHashSet<>();
            roundAnswers(g, round.date()).answers().forEach(a -> authors.add(a.memberId()));
            String status = run(new ScoreScripts.VoidRound(
                    round, ScoreScripts.Boards.of(round, period), List.copyOf(authors), BoardScore.tie(at)));
            if (status.startsWith("voided:")) {
                return Integer.parseInt(status.substring("voided:".length()));
            }
            if (!status.equals("stale")) {
                throw new IllegalStateException("round-void.lua answered " + status);
            }
        }
        throw new IllegalStateException("The answers of round " + round.date() + " kept changing while voiding it");
    }

    /** The author of a counted answer, if {@code message} is one. */
    public OptionalLong authorOf(long guild, String date, long message) {
        Object packed = redis.opsForHash().get(Keys.answers(guild, date), Long.toString(message));
        return packed == null ? OptionalLong.empty() : OptionalLong.of(AnswerRecord.authorOf(packed.toString()));
    }

    /** The message ids of a round's counted answers, oldest first. */
    public List<Long> answerMessages(long guild, String date) {
        return roundAnswers(guild, date).answers().stream()
                .map(AnswerRecord::messageId)
                .toList();
    }

    /** The members whose 👍 on {@code message} is counted. */
    public List<Long> voters(long guild, String date, long message) {
        List<Long> voters = new ArrayList<>();
        String prefix = message + ":";
        try (var cursor = redis.opsForSet()
                .scan(
                        Keys.voters(guild, date),
                        org.springframework.data.redis.core.ScanOptions.scanOptions()
                                .match(prefix + "*")
                                .count(500)
                                .build())) {
            cursor.forEachRemaining(v -> voters.add(Long.parseLong(v.substring(prefix.length()))));
        }
        return voters;
    }

    /** A round's counted answers (oldest first) and its best-answer award. */
    RoundAnswers roundAnswers(long guild, String date) {
        Map<Object, Object> all = redis.opsForHash().entries(Keys.answers(guild, date));
        List<AnswerRecord> answers = new ArrayList<>();
        OptionalLong best = OptionalLong.empty();
        for (Map.Entry<Object, Object> e : all.entrySet()) {
            String field = e.getKey().toString();
            if (field.equals(BEST)) {
                best = OptionalLong.of(Long.parseLong(e.getValue().toString()));
            } else if (isMessageId(field)) {
                long message = Long.parseLong(field);
                answers.add(AnswerRecord.parse(message, e.getValue().toString()));
            }
        }
        answers.sort((a, b) -> Long.compare(a.messageId(), b.messageId()));
        return new RoundAnswers(answers, best);
    }

    record RoundAnswers(List<AnswerRecord> answers, OptionalLong best) {}

    /** Display names by member; members never seen are missing from the map. */
    Map<Long, String> names(long guild, Collection<Long> members) {
        if (members.isEmpty()) {
            return Map.of();
        }
        List<Object> fields =
                members.stream().map(m -> (Object) Long.toString(m)).toList();
        List<Object> values = redis.opsForHash().multiGet(Keys.names(guild), fields);
        Map<Long, String> names = new HashMap<>();
        int i = 0;
        for (Long member : members) {
            Object value = values.get(i++);
            if (value != null) {
                names.put(member, value.toString());
            }
        }
        return names;
    }

    /** The first {@code size} entries of a board and the caller's line, read in one script. */
    BoardRead page(String board, long guild, long caller, int size) {
        return page(board, Optional.empty(), guild, caller, size);
    }

    /**
     * As {@link #page(String, long, long, int)}, with each shown member's rank on {@code previousBoard} (the
     * previous week's or month's) read in the same script.
     */
    BoardRead page(String board, Optional<String> previousBoard, long guild, long caller, int size) {
        List<String> keys = previousBoard
                .map(previous -> List.of(board, Keys.names(guild), previous))
                .orElse(List.of(board, Keys.names(guild)));
        List<?> raw = redis.execute(PAGE, keys, Long.toString(caller), Integer.toString(size));
        List<?> previous = raw.size() > 4 ? (List<?>) raw.get(4) : List.of();
        List<?> top = (List<?>) raw.get(0);
        List<?> names = (List<?>) raw.get(1);
        List<LeaderboardEntry> entries = new ArrayList<>(top.size() / 2);
        Map<Long, Long> previousRanks = new HashMap<>();
        for (int i = 0; i < previous.size(); i++) {
            long rank = ((Number) previous.get(i)).longValue();
            long member = i < top.size() / 2 ? Long.parseLong(top.get(2 * i).toString()) : caller;
            if (rank >= 0) {
                previousRanks.put(member, rank + 1);
            }
        }
        for (int i = 0; i + 1 < top.size(); i += 2) {
            entries.add(new LeaderboardEntry(
                    i / 2 + 1,
                    Long.parseLong(top.get(i).toString()),
                    text(names.get(i / 2)),
                    BoardScore.points(Double.parseDouble(top.get(i + 1).toString()))));
        }
        long rank = ((Number) raw.get(2)).longValue();
        String score = raw.get(3).toString();
        Optional<LeaderboardEntry> self = rank < 0 || score.isEmpty()
                ? Optional.empty()
                : Optional.of(new LeaderboardEntry(
                        rank + 1,
                        caller,
                        text(names.get(names.size() - 1)),
                        BoardScore.points(Double.parseDouble(score))));
        return new BoardRead(entries, self, previousRanks);
    }

    /** {@code previousRanks}: 1-based ranks on the previous board, of the shown members who were on it. */
    record BoardRead(List<LeaderboardEntry> top, Optional<LeaderboardEntry> caller, Map<Long, Long> previousRanks) {}

    /**
     * A member's points on each of {@code weeks} (ISO weeks, in order) and the dates of the rounds they
     * answered from the epoch day {@code fromDay} on, read in one script.
     */
    HistoryRead history(long guild, long member, List<String> weeks, long fromDay) {
        List<String> keys = new ArrayList<>(weeks.size() + 1);
        keys.add(Keys.answeredDays(guild, member));
        weeks.forEach(week -> keys.add(Keys.boardWeek(guild, week)));
        List<?> raw = redis.execute(HISTORY, keys, Long.toString(member), Long.toString(fromDay));
        List<Long> points =
                ((List<?>) raw.get(0)).stream().map(ScoreStore::points).toList();
        List<String> dates =
                ((List<?>) raw.get(1)).stream().map(Object::toString).toList();
        return new HistoryRead(points, dates);
    }

    record HistoryRead(List<Long> weekPoints, List<String> answeredDates) {}

    /** The epoch day of a round's guild-local date (its id), for the member's answered days. */
    static long dayOf(RoundRef round) {
        try {
            return LocalDate.parse(round.date()).toEpochDay();
        } catch (DateTimeParseException e) {
            return round.opensAt().atZone(round.zone()).toLocalDate().toEpochDay();
        }
    }

    /** A member's stored counters and board positions, read in one script. */
    MemberRead member(long guild, long member, Period current) {
        List<?> raw = redis.execute(
                STATS,
                List.of(
                        Keys.member(guild, member),
                        Keys.names(guild),
                        Keys.boardAllTime(guild),
                        Keys.boardWeek(guild, current.week()),
                        Keys.boardMonth(guild, current.month())),
                Long.toString(member));
        List<?> c = (List<?>) raw.get(0);
        long rank = ((Number) raw.get(3)).longValue();
        return new MemberRead(
                text(raw.get(1)),
                integer(c.get(0)),
                new StreakState(
                        text(c.get(3)).isEmpty() ? StreakState.NO_ROUND : Long.parseLong(text(c.get(3))),
                        integer(c.get(1)),
                        integer(c.get(2))),
                integer(c.get(4)),
                integer(c.get(5)),
                points(raw.get(2)),
                rank < 0 ? OptionalLong.empty() : OptionalLong.of(rank + 1),
                points(raw.get(4)),
                points(raw.get(5)));
    }

    record MemberRead(
            String name,
            int answers,
            StreakState streak,
            int votes,
            int awards,
            long allTimePoints,
            OptionalLong allTimeRank,
            long weekPoints,
            long monthPoints) {}

    /**
     * The week and month boards of a round: those of its guild-local date, the round id. A pure function of
     * the id, so a withdrawal days later (or after the guild changed its zone) reaches the same boards as the
     * answer did, without storing the period in every answer record.
     */
    static Period periodOf(RoundRef round) {
        Period cached = PERIODS.get(round.date());
        if (cached != null) {
            return cached;
        }
        Period period;
        try {
            period = Period.of(LocalDate.parse(round.date()));
        } catch (DateTimeParseException e) {
            return Period.at(round.opensAt(), round.zone());
        }
        // Bounded: a date's period never changes, and a year has few round dates.
        if (PERIODS.size() < 4_096) {
            PERIODS.put(round.date(), period);
        }
        return period;
    }

    private static <V> void remember(Map<String, V> memory, String key, V value) {
        if (memory.size() >= REMEMBERED_MAX) {
            memory.clear();
        }
        memory.put(key, value);
    }

    private static String storedName(String name, long member) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            return Long.toString(member);
        }
        int end = stripped.offsetByCodePoints(0, Math.min(NAME_MAX, stripped.codePointCount(0, stripped.length())));
        return stripped.substring(0, end);
    }

    private static boolean isMessageId(String field) {
        if (field.isEmpty()) {
            return false;
        }
        for (int i = 0; i < field.length(); i++) {
            if (!Character.isDigit(field.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static int integer(Object value) {
        String s = text(value);
        return s.isEmpty() ? 0 : Integer.parseInt(s);
    }

    private static long points(Object score) {
        String s = text(score);
        return s.isEmpty() ? 0 : BoardScore.points(Double.parseDouble(s));
    }

    private static IllegalStateException staleTooOften(long message) {
        return new IllegalStateException("The author of answer " + message + " kept changing");
    }

    private String run(ScoreScripts.Call call) {
        // The shared helpers are prepended, so each change is still one script, one EVALSHA.
        LuaScripts.Script script =
                SCRIPTS.computeIfAbsent(call.script(), name -> LuaScripts.script("score-lib.lua", name));
        return script.call(redis, call.keys(), call.argv());
    }
}
