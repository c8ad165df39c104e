package dev.drill.champion;

import dev.drill.guild.GuildSettingsStore;
import dev.drill.redis.Keys;
import dev.drill.redis.Store;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The champion's settings (role and period, fields of the guild's settings hash) and its state (its own hash):
 * who holds the role, which period was last awarded, by which round's close, and the recap line it gave.
 */
@Store
class ChampionStore {

    static final String ROLE = "championRole";
    static final String PERIOD = "championPeriod";

    private final StringRedisTemplate redis;
    private final GuildSettingsStore settings;

    ChampionStore(StringRedisTemplate redis, GuildSettingsStore settings) {
        this.redis = redis;
        this.settings = settings;
    }

    /** The role to give, or 0 when the champion is off. */
    long role(long guild) {
        return settings.option(guild, ROLE).map(Long::parseLong).orElse(0L);
    }

    /** {@code week} (the default) or {@code month}. */
    String period(long guild) {
        return settings.option(guild, PERIOD).orElse("week");
    }

    void saveSettings(long guild, Optional<Long> role, Optional<String> period) {
        Map<String, String> values = new LinkedHashMap<>();
        role.ifPresent(r -> values.put(ROLE, r == 0 ? "" : Long.toString(r)));
        period.ifPresent(p -> values.put(PERIOD, p));
        settings.saveOptions(guild, values);
    }

    /** The state of the award, empty before the first. */
    Optional<Award> last(long guild) {
        Map<Object, Object> hash = redis.opsForHash().entries(Keys.champion(guild));
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Award(
                Long.parseLong(hash.getOrDefault("holder", "0").toString()),
                hash.getOrDefault("period", "").toString(),
                hash.getOrDefault("round", "").toString(),
                hash.getOrDefault("line", "").toString()));
    }

    void save(long guild, Award award) {
        redis.opsForHash()
                .putAll(
                        Keys.champion(guild),
                        Map.of(
                                "holder", Long.toString(award.holder()),
                                "period", award.period(),
                                "round", award.round(),
                                "line", award.line()));
    }

    /**
     * @param holder who holds the role now (0: nobody)
     * @param period the period last awarded, e.g. {@code week 2040-W49}
     * @param round the round whose close awarded it (its recap carries the line)
     * @param line what that recap said, empty for nothing
     */
    record Award(long holder, String period, String round, String line) {}
}
