package dev.drill.round;

import dev.drill.guild.GuildSettingsStore;
import dev.drill.redis.Keys;
import dev.drill.redis.LuaScripts;
import dev.drill.redis.Store;
import dev.drill.score.RoundDirectory;
import dev.drill.score.RoundRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Rounds in Redis: their state from claimed to closed, the thread of each, the guild's round counter, and
 * the round directory the answer and score features read (with a short cache on the answer hot path).
 */
@Store
public final class RoundStore implements RoundDirectory {

    private static final RedisScript<Long> RELEASE_SEQ = LuaScripts.of("round-seq-release.lua", Long.class);
    private static final RedisScript<Long> OPEN = LuaScripts.of("round-open.lua", Long.class);
    private static final RedisScript<Long> CLOSE = LuaScripts.of("round-close.lua", Long.class);

    /**
     * How long a thread's round facts are trusted without asking Redis again. Every answer, edit and vote
     * asks whether its round was open; caching saves those lookups on the hot path. Closes by this instance
     * drop the entry at once; an early close by another instance (post-now) is seen within this time, and a
     * skip is refused by the score scripts themselves.
     */
    static final Duration CACHE_FOR = Duration.ofSeconds(10);

    private static final int CACHE_MAX = 10_000;

    private final StringRedisTemplate redis;
    private final GuildSettingsStore settings;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Map<Long, Zone> zones = new ConcurrentHashMap<>();

    public RoundStore(StringRedisTemplate redis, GuildSettingsStore settings, Clock clock) {
        this.redis = redis;
        this.settings = settings;
        this.clock = clock;
    }

    /** When a thread's round took answers: from its opening until its close (scheduled, or actual). */
    private record Window(RoundRef ref, Instant opens, Instant closes, boolean skipped, Instant loadedAt) {
        Optional<RoundRef> at(Instant at) {
            if (ref == null || skipped || at.isBefore(opens) || !at.isBefore(closes)) {
                return Optional.empty();
            }
            return Optional.of(
                    ref.open()
                            ? ref
                            : new RoundRef(
                                    ref.guild(),
                                    ref.date(),
                                    ref.seq(),
                                    ref.channelId(),
                                    ref.threadId(),
                                    ref.questionId(),
                                    ref.zone(),
                                    ref.opensAt(),
                                    true));
        }
    }

    Optional<Round> find(long guild, String date) {
        Map<Object, Object> hash = redis.opsForHash().entries(Keys.round(guild, date));
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Round(
                guild,
                date,
                str(hash, "question"),
                num(hash, "seq"),
                num(hash, "channel"),
                num(hash, "message"),
                num(hash, "thread"),
                Instant.ofEpochMilli(num(hash, "opens")),
                Instant.ofEpochMilli(num(hash, "closes")),
                "1".equals(hash.get("late")),
                RoundState.valueOf(str(hash, "state"))));
    }

    /** Records a claimed round with its question before anything is posted, so a retry posts the same. */
    void saveClaimed(Round round) {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("question", round.questionId());
        hash.put("seq", Long.toString(round.seq()));
        hash.put("channel", Long.toString(round.channel()));
        hash.put("opens", Long.toString(round.opens().toEpochMilli()));
        hash.put("closes", Long.toString(round.closes().toEpochMilli()));
        hash.put("late", round.late() ? "1" : "0");
        hash.put("state", RoundState.CLAIMED.name());
        redis.opsForHash().putAll(Keys.round(round.guild(), round.date()), hash);
    }

    /** The question is on Discord: a retry after this starts the thread instead of posting again. */
    void markPosted(long guild, String date, long message) {
        redis.opsForHash().put(Keys.round(guild, date), "message", Long.toString(message));
    }

    /**
     * Records what Discord answered; from here on the round is open for answers. Its round number is taken
     * only now, so a round that was claimed but never posted breaks nobody's streak.
     */
    void markOpen(long guild, String date, long message, long thread) {
        redis.execute(
                OPEN,
                List.of(Keys.round(guild, date), Keys.threads(guild), Keys.state(guild)),
                date,
                Long.toString(message),
                Long.toString(thread));
    }

    /** After a skip, the latest round is again the one before it: the skipped one counts for nothing. */
    void forgetLatest(long guild, String date) {
        Object last = redis.opsForHash().get(Keys.state(guild), "last");
        Object previous = redis.opsForHash().get(Keys.state(guild), "prevLast");
        if (date.equals(last)) {
            if (previous == null) {
                redis.opsForHash().delete(Keys.state(guild), "last");
            } else {
                redis.opsForHash().put(Keys.state(guild), "last", previous.toString());
            }
        }
    }

    /** From when the guild's current schedule applies: slots before it (setup, resume) are never caught up. */
    void setEffectiveFrom(long guild, Instant from) {
        redis.opsForHash().put(Keys.state(guild), "effectiveFrom", Long.toString(from.toEpochMilli()));
    }

    Instant effectiveFrom(long guild) {
        Object from = redis.opsForHash().get(Keys.state(guild), "effectiveFrom");
        return from == null ? Instant.EPOCH : Instant.ofEpochMilli(Long.parseLong(from.toString()));
    }

    /** Closed for scoring, its recap owed (see {@link #pendingRecaps}) until {@link #recapPosted}. */
    void markClosed(long guild, String date, RoundState state, Instant at) {
        redis.execute(
                CLOSE,
                List.of(Keys.round(guild, date), Keys.state(guild), Keys.pendingRecaps(guild)),
                date,
                state.name(),
                Long.toString(at.toEpochMilli()));
        // After the write: a reload from here on sees the close.
        find(guild, date).ifPresent(r -> windows.remove(guild + ":" + r.thread()));
    }

    /** The guild's rounds that opened at or after {@code since}, oldest first. */
    public List<RoundRef> since(long guild, Instant since) {
        return redis.<String, String>opsForHash().values(Keys.threads(guild)).stream()
                .distinct()
                .sorted()
                .map(date -> byDate(guild, date))
                .flatMap(Optional::stream)
                .filter(r -> !r.opensAt().isBefore(since))
                .toList();
    }

    /** Whether the round of that date was skipped by an admin (for the history: no scores to show). */
    public boolean skipped(long guild, String date) {
        return RoundState.SKIPPED.name().equals(redis.opsForHash().get(Keys.round(guild, date), "state"));
    }

    /** The newest thread message already caught up with, 0 before the first catch-up of the round. */
    public long catchUpMark(long guild, String date) {
        Object mark = redis.opsForHash().get(Keys.round(guild, date), "caughtUpTo");
        return mark == null ? 0 : Long.parseLong(mark.toString());
    }

    public void setCatchUpMark(long guild, String date, long message) {
        redis.opsForHash().put(Keys.round(guild, date), "caughtUpTo", Long.toString(message));
    }

    /** Closed rounds whose lock and recap are not out yet, oldest first. */
    List<String> pendingRecaps(long guild) {
        Set<String> dates = redis.opsForSet().members(Keys.pendingRecaps(guild));
        return dates == null ? List.of() : dates.stream().sorted().toList();
    }

    void recapPosted(long guild, String date) {
        redis.opsForSet().remove(Keys.pendingRecaps(guild), date);
    }

    Optional<String> current(long guild) {
        return Optional.ofNullable((String) redis.<String, String>opsForHash().get(Keys.state(guild), "current"));
    }

    /** Gives a skipped round's number back, so skipping does not break anyone's streak. */
    void releaseSeq(long guild, long seq) {
        redis.execute(RELEASE_SEQ, List.of(Keys.state(guild)), Long.toString(seq));
    }

    @Override
    public Optional<RoundRef> byThread(long guild, long threadId) {
        Object date = redis.opsForHash().get(Keys.threads(guild), Long.toString(threadId));
        return date == null ? Optional.empty() : byDate(guild, date.toString());
    }

    /** Open at {@code at}: after it opened and before it closed (or will close), and not skipped. */
    @Override
    public Optional<RoundRef> openAt(long guild, long threadId, Instant at) {
        String key = guild + ":" + threadId;
        Instant now = clock.instant();
        Window window = windows.get(key);
        if (window == null || window.loadedAt().plus(CACHE_FOR).isBefore(now)) {
            window = loadWindow(guild, threadId, now);
            if (windows.size() >= CACHE_MAX) {
                windows.clear();
            }
            windows.put(key, window);
        }
        return window.at(at);
    }

    private Window loadWindow(long guild, long threadId, Instant now) {
        Object date = redis.opsForHash().get(Keys.threads(guild), Long.toString(threadId));
        Optional<Round> round = date == null ? Optional.empty() : find(guild, date.toString());
        if (round.isEmpty() || round.get().thread() == 0 || round.get().state() == RoundState.CLAIMED) {
            return new Window(null, Instant.MAX, Instant.MIN, true, now);
        }
        Round r = round.get();
        Instant closes = r.closes();
        if (!r.isOpen()) {
            Object closedAt = redis.opsForHash().get(Keys.round(guild, r.date()), "closedAt");
            Instant actual = closedAt == null ? r.opens() : Instant.ofEpochMilli(Long.parseLong(closedAt.toString()));
            // A close that ran late (Redis away at the time) does not extend the window.
            closes = actual.isBefore(closes) ? actual : closes;
        }
        return new Window(ref(r), r.opens(), closes, r.state() == RoundState.SKIPPED, now);
    }

    @Override
    public Optional<RoundRef> byDate(long guild, String date) {
        return find(guild, date).filter(r -> r.thread() != 0).map(this::ref);
    }

    @Override
    public Optional<RoundRef> latest(long guild) {
        Object last = redis.opsForHash().get(Keys.state(guild), "last");
        return last == null ? Optional.empty() : byDate(guild, last.toString());
    }

    RoundRef ref(Round round) {
        ZoneId zone = zoneOf(round.guild());
        return new RoundRef(
                round.guild(),
                round.date(),
                round.seq(),
                round.channel(),
                round.thread(),
                round.questionId(),
                zone,
                round.opens(),
                round.isOpen());
    }

    @Override
    public ZoneId zone(long guild) {
        return zoneOf(guild);
    }

    /** The guild's zone, cached like round windows: boards and stats ask for it on every page. */
    private ZoneId zoneOf(long guild) {
        Instant now = clock.instant();
        Zone zone = zones.get(guild);
        if (zone == null || zone.loadedAt().plus(CACHE_FOR).isBefore(now)) {
            zone = new Zone(settings.find(guild).map(s -> s.zone()).orElse(ZoneId.of("UTC")), now);
            if (zones.size() >= CACHE_MAX) {
                zones.clear();
            }
            zones.put(guild, zone);
        }
        return zone.zone();
    }

    private record Zone(ZoneId zone, Instant loadedAt) {}

    private static String str(Map<Object, Object> hash, String field) {
        Object value = hash.get(field);
        return value == null ? "" : value.toString();
    }

    private static long num(Map<Object, Object> hash, String field) {
        Object value = hash.get(field);
        return value == null ? 0 : Long.parseLong(value.toString());
    }
}
