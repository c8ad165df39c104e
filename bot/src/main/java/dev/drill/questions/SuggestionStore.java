package dev.drill.questions;

import dev.drill.redis.Keys;
import dev.drill.redis.LuaScripts;
import dev.drill.redis.Store;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.databind.json.JsonMapper;

/** Member suggestions waiting for review, and each member's open ones (at most {@link #MAX_OPEN}). */
@Store
final class SuggestionStore {

    /** The most suggestions one member may have waiting for review. */
    static final int MAX_OPEN = 5;

    private static final RedisScript<Long> OPEN = LuaScripts.of("suggestion-open.lua", Long.class);
    private static final RedisScript<String> DECIDE = LuaScripts.of("suggestion-decide.lua", String.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StringRedisTemplate redis;

    SuggestionStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** A new suggestion id of the guild: s1, s2… */
    String nextId(long guild) {
        return "s" + redis.opsForHash().increment(Keys.ownSettings(guild), "suggestionSeq", 1);
    }

    /** Records it for review; false when its author already has {@link #MAX_OPEN} open. */
    boolean open(long guild, Suggestion suggestion) {
        Long result = redis.execute(
                OPEN,
                List.of(Keys.suggestions(guild), Keys.openSuggestions(guild, suggestion.author())),
                suggestion.id(),
                JSON.writeValueAsString(suggestion),
                Integer.toString(MAX_OPEN));
        return result != null && result != 0;
    }

    Optional<Suggestion> find(long guild, String id) {
        Object json = redis.opsForHash().get(Keys.suggestions(guild), id);
        return json == null ? Optional.empty() : Optional.of(JSON.readValue(json.toString(), Suggestion.class));
    }

    /** Takes the suggestion out of review, once: empty when another reviewer decided it first. */
    Optional<Suggestion> decide(long guild, String id) {
        Optional<Suggestion> found = find(guild, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String json = redis.execute(
                DECIDE,
                List.of(
                        Keys.suggestions(guild),
                        Keys.openSuggestions(guild, found.get().author())),
                id);
        return json == null ? Optional.empty() : Optional.of(JSON.readValue(json, Suggestion.class));
    }

    long openCount(long guild, long member) {
        Long size = redis.opsForSet().size(Keys.openSuggestions(guild, member));
        return size == null ? 0 : size;
    }
}
