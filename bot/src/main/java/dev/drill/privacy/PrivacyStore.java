package dev.drill.privacy;

import dev.drill.redis.Keys;
import dev.drill.redis.LuaScripts;
import dev.drill.redis.Store;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Redis side of a guild's data rights: forgetting a member, reading everything for an export, archiving
 * a season, and deleting a departed guild's keys. A guild's keys are found by its hash tag, so they all live
 * on one Cluster node and a SCAN of that pattern finds every one.
 */
@Store
class PrivacyStore {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> FORGET = LuaScripts.of("member-forget.lua", List.class);

    private static final RedisScript<String> SEASON = LuaScripts.of("season-reset.lua", String.class);

    private final StringRedisTemplate redis;

    PrivacyStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** What forgetting a member removed. */
    record Forgotten(long boards, long answers, boolean counters, boolean name, boolean days, long votes) {

        boolean nothing() {
            return boards == 0 && answers == 0 && !counters && !name && !days && votes == 0;
        }
    }

    Forgotten forget(long guild, long member) {
        List<String> keys = guildKeys(guild);
        String boardPrefix = boardPrefix(guild);
        String answersPrefix = Keys.answers(guild, "");
        List<String> boards =
                keys.stream().filter(k -> k.startsWith(boardPrefix)).toList();
        List<String> dates = keys.stream()
                .filter(k -> k.startsWith(answersPrefix))
                .map(k -> k.substring(answersPrefix.length()))
                .toList();
        List<String> scriptKeys = new ArrayList<>();
        scriptKeys.add(Keys.member(guild, member));
        scriptKeys.add(Keys.answeredDays(guild, member));
        scriptKeys.add(Keys.names(guild));
        scriptKeys.addAll(boards);
        dates.forEach(date -> scriptKeys.add(Keys.answers(guild, date)));
        dates.forEach(date -> scriptKeys.add(Keys.voters(guild, date)));
        List<?> r = redis.execute(
                FORGET,
                scriptKeys,
                Long.toString(member),
                Integer.toString(boards.size()),
                Integer.toString(dates.size()));
        return new Forgotten(
                number(r.get(0)),
                number(r.get(1)),
                number(r.get(2)) > 0,
                number(r.get(3)) > 0,
                number(r.get(4)) > 0,
                number(r.get(5)));
    }

    /** The guild's settings hash as stored (the schedule and every feature's own options). */
    Map<String, String> settings(long guild) {
        return hash(Keys.settings(guild));
    }

    /** Every round of the guild by date, each its stored fields, oldest first. */
    Map<String, Map<String, String>> rounds(long guild) {
        String prefix = Keys.round(guild, "");
        Map<String, Map<String, String>> rounds = new TreeMap<>();
        for (String key : guildKeys(guild)) {
            if (key.startsWith(prefix)) {
                rounds.put(key.substring(prefix.length()), hash(key));
            }
        }
        return rounds;
    }

    /** Board names ({@code all}, {@code w:2040-W49}, {@code m:2040-12}, {@code s:<season>}) to member ids and points, best first. */
    Map<String, List<Map.Entry<String, Double>>> boards(long guild) {
        String prefix = boardPrefix(guild);
        Map<String, List<Map.Entry<String, Double>>> boards = new TreeMap<>();
        for (String key : guildKeys(guild)) {
            if (key.startsWith(prefix)) {
                List<Map.Entry<String, Double>> entries = new ArrayList<>();
                var tuples = redis.opsForZSet().reverseRangeWithScores(key, 0, -1);
                if (tuples != null) {
                    tuples.forEach(t -> entries.add(Map.entry(t.getValue(), t.getScore())));
                }
                boards.put(key.substring(prefix.length()), entries);
            }
        }
        return boards;
    }

    /** Display names by member id. */
    Map<String, String> names(long guild) {
        return hash(Keys.names(guild));
    }

    /** The archived seasons: name to when (epoch ms). */
    Map<String, String> seasons(long guild) {
        return hash(Keys.seasons(guild));
    }

    /** Archives the all-time board as {@code season}; -1 when the name is taken, else the members archived. */
    long archiveSeason(long guild, String season, Instant now) {
        String result = redis.execute(
                SEASON,
                List.of(Keys.boardAllTime(guild), Keys.boardSeason(guild, season), Keys.seasons(guild)),
                season,
                Long.toString(now.toEpochMilli()));
        return "exists".equals(result) ? -1 : Long.parseLong(result.substring("archived:".length()));
    }

    /** Books the deletion of a guild's data. */
    void departed(long guild, Instant deleteAt) {
        redis.opsForZSet().add(Keys.departed(), Long.toString(guild), deleteAt.toEpochMilli());
    }

    /** Cancels a booked deletion; true if one was booked. */
    boolean returned(long guild) {
        Long removed = redis.opsForZSet().remove(Keys.departed(), Long.toString(guild));
        return removed != null && removed > 0;
    }

    /** Guilds whose deletion has come, at most {@code limit}. */
    List<Long> dueDeletions(Instant now, int limit) {
        var due = redis.opsForZSet().rangeByScore(Keys.departed(), 0, now.toEpochMilli(), 0, limit);
        return due == null ? List.of() : due.stream().map(Long::parseLong).toList();
    }

    /**
     * Deletes every key of the guild and takes it off the due set, then the booking last (a crash halfway is
     * finished by the next tick). Returns how many keys were deleted.
     */
    long deleteGuild(long guild) {
        long deleted = 0;
        List<String> keys = guildKeys(guild);
        for (int i = 0; i < keys.size(); i += 500) {
            Long n = redis.unlink(keys.subList(i, Math.min(keys.size(), i + 500)));
            deleted += n == null ? 0 : n;
        }
        redis.opsForZSet().remove(Keys.due(), Long.toString(guild));
        redis.opsForZSet().remove(Keys.departed(), Long.toString(guild));
        return deleted;
    }

    /**
     * Every key of the guild, sorted. On a Cluster they all sit in the slot of the guild's hash tag, so only
     * that slot's keys are read (CLUSTER GETKEYSINSLOT on its node) instead of a SCAN over every node's whole
     * keyspace; other guilds whose tag shares the slot are filtered out by the prefix.
     */
    List<String> guildKeys(long guild) {
        String pattern = Keys.guildPattern(guild);
        String prefix = pattern.substring(0, pattern.length() - 1);
        TreeSet<String> keys = new TreeSet<>();
        redis.execute((RedisCallback<Void>) connection -> {
            if (connection instanceof RedisClusterConnection cluster) {
                int slot = cluster.clusterGetSlotForKey(prefix.getBytes(StandardCharsets.UTF_8));
                Long count = cluster.clusterCountKeysInSlot(slot);
                if (count != null && count > 0) {
                    for (byte[] key : cluster.clusterGetKeysInSlot(slot, count.intValue())) {
                        String name = new String(key, StandardCharsets.UTF_8);
                        if (name.startsWith(prefix)) {
                            keys.add(name);
                        }
                    }
                }
            } else {
                try (Cursor<byte[]> cursor = connection
                        .keyCommands()
                        .scan(ScanOptions.scanOptions()
                                .match(pattern)
                                .count(1000)
                                .build())) {
                    cursor.forEachRemaining(key -> keys.add(new String(key, StandardCharsets.UTF_8)));
                }
            }
            return null;
        });
        return new ArrayList<>(keys);
    }

    /** The common prefix of the guild's boards: all time, weeks, months and archived seasons. */
    private static String boardPrefix(long guild) {
        String all = Keys.boardAllTime(guild);
        return all.substring(0, all.lastIndexOf(':') + 1);
    }

    private Map<String, String> hash(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        redis.opsForHash().entries(key).forEach((k, v) -> out.put(k.toString(), v.toString()));
        return new TreeMap<>(out);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
