package dev.drill.answer;

import dev.drill.redis.Keys;
import dev.drill.redis.LuaScripts;
import dev.drill.redis.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Redis of how members answer: the guild's answer mode and reveal, which message the bot posted for each
 * member's form answer, and the blind answers waiting for their reveal (the only answer text Drill keeps,
 * deleted once posted).
 */
@Store
final class AnswerForms {

    private static final RedisScript<String> SAVE_BLIND = LuaScripts.of("answer-blind-save.lua", String.class);

    /** The mode is read on every thread message; an admin's change reaches other instances within this. */
    private static final Duration MODE_CACHE = Duration.ofSeconds(5);

    private static final String MODE = "mode";
    private static final String REVEAL = "reveal";
    private static final String REVEALED = "revealed";

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final Map<Long, CachedMode> modes = new ConcurrentHashMap<>();

    AnswerForms(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    private record CachedMode(AnswerMode mode, Instant readAt) {}

    AnswerMode mode(long guild) {
        Object stored = redis.opsForHash().get(Keys.answerSettings(guild), MODE);
        AnswerMode mode = stored == null
                ? AnswerMode.THREAD
                : AnswerMode.parse(stored.toString()).orElse(AnswerMode.THREAD);
        if (modes.size() > 10_000) {
            modes.clear();
        }
        modes.put(guild, new CachedMode(mode, clock.instant()));
        return mode;
    }

    /** The mode as read at most {@link #MODE_CACHE} ago: for the hot path of thread messages. */
    AnswerMode cachedMode(long guild) {
        CachedMode cached = modes.get(guild);
        if (cached == null || cached.readAt().plus(MODE_CACHE).isBefore(clock.instant())) {
            return mode(guild);
        }
        return cached.mode();
    }

    /** The reveal, as a time before the close; empty: half-way through the round. */
    Optional<Duration> reveal(long guild) {
        Object stored = redis.opsForHash().get(Keys.answerSettings(guild), REVEAL);
        return stored == null ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(stored.toString())));
    }

    /** Saves what setup was given: a mode, a reveal, or (cleared) the default reveal again. */
    void save(long guild, Optional<AnswerMode> mode, Optional<Duration> reveal, boolean clearReveal) {
        String key = Keys.answerSettings(guild);
        mode.ifPresent(m -> {
            redis.opsForHash().put(key, MODE, m.id());
            modes.put(guild, new CachedMode(m, clock.instant()));
        });
        reveal.ifPresent(r -> redis.opsForHash().put(key, REVEAL, Long.toString(r.toSeconds())));
        if (clearReveal) {
            redis.opsForHash().delete(key, REVEAL);
        }
    }

    /** The message the bot posted for {@code member}'s form answer in a round. */
    OptionalLong postedFor(long guild, String date, long member) {
        Object message = redis.opsForHash().get(Keys.formAnswers(guild, date), "m:" + member);
        return message == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(message.toString()));
    }

    /** The member a posted form answer belongs to: the bot wrote the message, the member the answer. */
    OptionalLong memberOf(long guild, String date, long message) {
        Object member = redis.opsForHash().get(Keys.formAnswers(guild, date), "p:" + message);
        return member == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(member.toString()));
    }

    /** Records the message posted for a member's answer, both ways, kept as long as the round's other keys. */
    void posted(long guild, String date, long member, long message, Duration keep) {
        String key = Keys.formAnswers(guild, date);
        redis.opsForHash()
                .putAll(key, Map.of("m:" + member, Long.toString(message), "p:" + message, Long.toString(member)));
        redis.expire(key, keep);
    }

    /** What saving a blind answer did. */
    enum BlindSave {
        SAVED,
        UPDATED,
        REVEALED
    }

    BlindSave saveBlind(long guild, String date, long member, String name, String text, Duration keep) {
        String status = redis.execute(
                SAVE_BLIND,
                List.of(Keys.blindAnswers(guild, date)),
                Long.toString(member),
                text,
                name,
                Long.toString(Math.max(1, keep.toSeconds())));
        return BlindSave.valueOf(status.toUpperCase(java.util.Locale.ROOT));
    }

    /** A blind answer waiting for its reveal. */
    record Waiting(long member, String name, String text, long order) {}

    /**
     * Marks the reveal as begun (no answer is saved after it) and returns the answers still waiting, in the
     * order they were first submitted.
     */
    List<Waiting> beginReveal(long guild, String date) {
        String key = Keys.blindAnswers(guild, date);
        redis.opsForHash().put(key, REVEALED, "1");
        Map<Object, Object> all = redis.opsForHash().entries(key);
        List<Waiting> waiting = new ArrayList<>();
        all.forEach((field, value) -> {
            String f = field.toString();
            if (f.startsWith("t:")) {
                String member = f.substring(2);
                Object name = all.get("n:" + member);
                Object order = all.get("o:" + member);
                waiting.add(new Waiting(
                        Long.parseLong(member),
                        name == null ? "" : name.toString(),
                        value.toString(),
                        order == null ? Long.MAX_VALUE : Long.parseLong(order.toString())));
            }
        });
        waiting.sort(Comparator.comparingLong(Waiting::order));
        return waiting;
    }

    /** Whether a round has blind answers (or had them): its reveal is owed even if the mode changed since. */
    boolean hasBlind(long guild, String date) {
        return Boolean.TRUE.equals(redis.hasKey(Keys.blindAnswers(guild, date)));
    }

    /** Whether the round's reveal began. */
    boolean revealed(long guild, String date) {
        return redis.opsForHash().hasKey(Keys.blindAnswers(guild, date), REVEALED);
    }

    /** Deletes a posted blind answer's text and name: from here on only Discord has it. */
    void dropText(long guild, String date, long member) {
        redis.opsForHash().delete(Keys.blindAnswers(guild, date), "t:" + member, "n:" + member);
    }
}
