package dev.drill.content;

import dev.drill.redis.Keys;
import dev.drill.redis.Store;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A guild's own questions in Redis (one hash, question id to JSON), and their settings: the source of the
 * guild's rounds, the pinned next question, the review channel of suggestions, the id counter.
 */
@Store
public final class GuildQuestionStore {

    /** The most own questions a guild keeps: a bound on what one guild can store. */
    public static final int MAX_QUESTIONS = 1000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StringRedisTemplate redis;

    public GuildQuestionStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public Optional<Question> find(long guild, String id) {
        Object json = redis.opsForHash().get(Keys.ownQuestions(guild), id);
        return json == null ? Optional.empty() : Optional.of(read(json.toString()));
    }

    /** Every own question of the guild, by level then number then id. */
    public List<Question> all(long guild) {
        return redis.<String, String>opsForHash().values(Keys.ownQuestions(guild)).stream()
                .map(GuildQuestionStore::read)
                .sorted(Comparator.comparing(Question::level)
                        .thenComparing(Question::number)
                        .thenComparing(Question::id))
                .toList();
    }

    public long count(long guild) {
        return redis.opsForHash().size(Keys.ownQuestions(guild));
    }

    /** Saves the questions in one write (a question of the same id is replaced). */
    public void saveAll(long guild, List<Question> questions) {
        if (questions.isEmpty()) {
            return;
        }
        Map<String, String> hash = new java.util.LinkedHashMap<>();
        questions.forEach(q -> hash.put(q.id(), JSON.writeValueAsString(q)));
        redis.opsForHash().putAll(Keys.ownQuestions(guild), hash);
    }

    /** Removes a question; false if the guild has none of that id. A pin on it goes too. */
    public boolean remove(long guild, String id) {
        boolean removed = redis.opsForHash().delete(Keys.ownQuestions(guild), id) > 0;
        if (removed && id.equals(pinned(guild).orElse(null))) {
            redis.opsForHash().delete(Keys.ownSettings(guild), "next");
        }
        return removed;
    }

    /** A fresh id for a question typed into a form or approved from a suggestion: own-1, own-2… */
    public String nextId(long guild) {
        return "own-" + redis.opsForHash().increment(Keys.ownSettings(guild), "seq", 1);
    }

    public QuestionSource source(long guild) {
        return Optional.ofNullable(redis.opsForHash().get(Keys.ownSettings(guild), "source"))
                .flatMap(s -> QuestionSource.parse(s.toString()))
                .orElse(QuestionSource.BANK);
    }

    public void setSource(long guild, QuestionSource source) {
        redis.opsForHash().put(Keys.ownSettings(guild), "source", source.id());
    }

    /** The review channel of member suggestions, 0 when none is set. */
    public long reviewChannel(long guild) {
        Object channel = redis.opsForHash().get(Keys.ownSettings(guild), "review");
        return channel == null ? 0 : Long.parseLong(channel.toString());
    }

    public void setReviewChannel(long guild, long channel) {
        if (channel == 0) {
            redis.opsForHash().delete(Keys.ownSettings(guild), "review");
        } else {
            redis.opsForHash().put(Keys.ownSettings(guild), "review", Long.toString(channel));
        }
    }

    public void pin(long guild, String id) {
        redis.opsForHash().put(Keys.ownSettings(guild), "next", id);
    }

    public Optional<String> pinned(long guild) {
        return Optional.ofNullable(redis.opsForHash().get(Keys.ownSettings(guild), "next"))
                .map(Object::toString);
    }

    /**
     * Takes the pin for one round: HDEL answers 1 to one caller only, so two instances opening the same round
     * cannot both take it, and a taken pin never comes back.
     */
    public Optional<String> takePin(long guild) {
        Optional<String> pinned = pinned(guild);
        if (pinned.isPresent() && redis.opsForHash().delete(Keys.ownSettings(guild), "next") > 0) {
            return pinned;
        }
        return Optional.empty();
    }

    private static Question read(String json) {
        return JSON.readValue(json, Question.class);
    }
}
