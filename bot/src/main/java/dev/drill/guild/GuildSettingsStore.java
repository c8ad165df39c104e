package dev.drill.guild;

import dev.drill.content.Level;
import dev.drill.redis.Keys;
import dev.drill.redis.Store;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Keeps each guild's settings in one Redis hash. */
@Store
public final class GuildSettingsStore {

    private final StringRedisTemplate redis;

    public GuildSettingsStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public Optional<GuildSettings> find(long guild) {
        Map<Object, Object> hash = redis.opsForHash().entries(Keys.settings(guild));
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        Set<DayOfWeek> days = Arrays.stream(get(hash, "days").split(","))
                .map(DayOfWeek::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
        List<Level> levels = Arrays.stream(get(hash, "levels").split(","))
                .map(l -> Level.parse(l).orElseThrow())
                .toList();
        return Optional.of(new GuildSettings(
                guild,
                Long.parseLong(get(hash, "channel")),
                LocalTime.parse(get(hash, "time")),
                ZoneId.of(get(hash, "zone")),
                days,
                levels,
                Long.parseLong(hash.getOrDefault("ping", "0").toString()),
                Long.parseLong(hash.getOrDefault("reviewer", "0").toString()),
                "1".equals(hash.get("paused")),
                hash.getOrDefault("pausedReason", "").toString()));
    }

    public void save(GuildSettings settings) {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("channel", Long.toString(settings.channel()));
        hash.put("time", settings.time().toString());
        hash.put("zone", settings.zone().getId());
        hash.put(
                "days", EnumSet.copyOf(settings.days()).stream().map(Enum::name).collect(Collectors.joining(",")));
        hash.put("levels", settings.levels().stream().map(Level::id).collect(Collectors.joining(",")));
        hash.put("ping", Long.toString(settings.pingRole()));
        hash.put("reviewer", Long.toString(settings.reviewerRole()));
        hash.put("paused", settings.paused() ? "1" : "0");
        hash.put("pausedReason", settings.pausedReason());
        redis.opsForHash().putAll(Keys.settings(settings.guild()), hash);
    }

    /** Fields of the settings hash owned by this class; a feature's own settings use other names. */
    private static final Set<String> CORE =
            Set.of("channel", "time", "zone", "days", "levels", "ping", "reviewer", "paused", "pausedReason");

    /**
     * A feature's own setting (e.g. {@code remind}), kept in the guild's settings hash beside the schedule so
     * that one read shows, exports or deletes everything an admin set.
     */
    public Optional<String> option(long guild, String field) {
        checkOption(field);
        return Optional.ofNullable(redis.opsForHash().get(Keys.settings(guild), field))
                .map(Object::toString);
    }

    /** Saves a feature's own settings; an empty value removes the field (the feature's default applies). */
    public void saveOptions(long guild, Map<String, String> values) {
        values.keySet().forEach(GuildSettingsStore::checkOption);
        Map<String, String> set = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            if (value == null || value.isEmpty()) {
                redis.opsForHash().delete(Keys.settings(guild), field);
            } else {
                set.put(field, value);
            }
        });
        if (!set.isEmpty()) {
            redis.opsForHash().putAll(Keys.settings(guild), set);
        }
    }

    private static void checkOption(String field) {
        if (CORE.contains(field)) {
            throw new IllegalArgumentException("'" + field + "' is a schedule field; save it with save()");
        }
    }

    private static String get(Map<Object, Object> hash, String field) {
        Object value = hash.get(field);
        if (value == null) {
            throw new IllegalStateException("guild settings lack '" + field + "'");
        }
        return value.toString();
    }
}
