package dev.drill.pair;

import dev.drill.redis.Keys;
import dev.drill.redis.LuaScripts;
import dev.drill.redis.Store;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** Every Redis read and write of the mock-interview pairs: the setting, the opt-ins, the history, the weeks. */
@Store
final class PairStore {

    private static final String WEEKDAY = "weekday";
    private static final String GROUPS = "groups";
    private static final String DONE = "done";

    private static final RedisScript<String> PLAN = LuaScripts.of("pair-plan.lua", String.class);
    private static final RedisScript<Long> RELEASE = LuaScripts.of("pair-lease-release.lua", Long.class);

    private final StringRedisTemplate redis;

    PairStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    // ---------------------------------------------------------------- the setting

    Optional<DayOfWeek> weekday(long guild) {
        Object day = redis.opsForHash().get(Keys.pairSettings(guild), WEEKDAY);
        if (day == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(DayOfWeek.valueOf(day.toString().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    void pairOn(long guild, DayOfWeek day) {
        redis.opsForHash().put(Keys.pairSettings(guild), WEEKDAY, day.name());
        redis.opsForSet().add(Keys.pairingGuilds(), Long.toString(guild));
    }

    /** Turns pairing off, remembering that an admin chose so (config then shows "off"). */
    void pairOff(long guild) {
        redis.opsForHash().put(Keys.pairSettings(guild), WEEKDAY, "off");
        redis.opsForSet().remove(Keys.pairingGuilds(), Long.toString(guild));
    }

    /** The guilds with pairing on (checked each tick; a guild whose setting is gone is dropped by the caller). */
    List<Long> pairingGuilds() {
        Set<String> guilds = redis.opsForSet().members(Keys.pairingGuilds());
        return guilds == null
                ? List.of()
                : guilds.stream().map(Long::parseLong).sorted().toList();
    }

    /** Whether an admin ever chose a pairing setting (on or off) in this guild. */
    boolean chosen(long guild) {
        return redis.opsForHash().hasKey(Keys.pairSettings(guild), WEEKDAY);
    }

    void forget(long guild) {
        redis.opsForSet().remove(Keys.pairingGuilds(), Long.toString(guild));
    }

    // ---------------------------------------------------------------- the opt-ins

    /** True when the member was not opted in before. */
    boolean join(long guild, long member) {
        Long added = redis.opsForSet().add(Keys.pairMembers(guild), Long.toString(member));
        return added != null && added > 0;
    }

    /** True when the member was opted in. */
    boolean leave(long guild, long member) {
        Long removed = redis.opsForSet().remove(Keys.pairMembers(guild), Long.toString(member));
        return removed != null && removed > 0;
    }

    boolean joined(long guild, long member) {
        return Boolean.TRUE.equals(redis.opsForSet().isMember(Keys.pairMembers(guild), Long.toString(member)));
    }

    List<Long> members(long guild) {
        Set<String> members = redis.opsForSet().members(Keys.pairMembers(guild));
        return members == null
                ? List.of()
                : members.stream().map(Long::parseLong).sorted().toList();
    }

    Set<String> met(long guild) {
        Set<String> met = redis.opsForSet().members(Keys.pairMet(guild));
        return met == null ? Set.of() : new HashSet<>(met);
    }

    // ---------------------------------------------------------------- a week

    /** A week's pairing, as stored; empty before the week was paired. */
    Optional<PairWeek> week(long guild, String week) {
        Map<Object, Object> fields = redis.opsForHash().entries(Keys.pairWeek(guild, week));
        if (!fields.containsKey(GROUPS)) {
            return Optional.empty();
        }
        List<PairGroup> groups = new ArrayList<>();
        String packed = fields.get(GROUPS).toString();
        String[] parts = packed.isEmpty() ? new String[0] : packed.split(";");
        for (int i = 0; i < parts.length; i++) {
            List<Long> members =
                    Arrays.stream(parts[i].split(",")).map(Long::parseLong).toList();
            Object questions = fields.get("q:" + i);
            Object thread = fields.get("t:" + i);
            groups.add(new PairGroup(
                    week,
                    i,
                    members,
                    questions == null
                            ? List.of()
                            : Arrays.asList(questions.toString().split(",")),
                    thread == null ? 0 : Long.parseLong(thread.toString())));
        }
        return Optional.of(new PairWeek(week, groups, fields.containsKey(DONE)));
    }

    /** Stores the week's groups and the history once (see pair-plan.lua); false when the week had them already. */
    boolean savePlan(long guild, String week, Pairing.Plan plan, List<List<String>> questions) {
        List<String> argv = new ArrayList<>();
        argv.add(plan.groups().stream()
                .map(g -> g.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .collect(Collectors.joining(";")));
        argv.add(plan.restarted() ? "1" : "0");
        argv.add(Integer.toString(questions.size()));
        questions.forEach(q -> argv.add(String.join(",", q)));
        argv.addAll(plan.met());
        String status = redis.execute(
                PLAN, List.of(Keys.pairWeek(guild, week), Keys.pairMet(guild)), argv.toArray(Object[]::new));
        return "stored".equals(status);
    }

    void saveThread(long guild, String week, int group, long thread) {
        redis.opsForHash().put(Keys.pairWeek(guild, week), "t:" + group, Long.toString(thread));
        redis.opsForHash().put(Keys.pairThreads(guild), Long.toString(thread), week + "|" + group);
    }

    void markDone(long guild, String week) {
        redis.opsForHash().put(Keys.pairWeek(guild, week), DONE, "1");
    }

    /** The group whose private thread {@code thread} is, if it is one. */
    Optional<PairGroup> byThread(long guild, long thread) {
        Object ref = redis.opsForHash().get(Keys.pairThreads(guild), Long.toString(thread));
        if (ref == null) {
            return Optional.empty();
        }
        String[] parts = ref.toString().split("\\|");
        return group(guild, parts[0], Integer.parseInt(parts[1]));
    }

    Optional<PairGroup> group(long guild, String week, int index) {
        return week(guild, week)
                .flatMap(
                        w -> w.groups().stream().filter(g -> g.index() == index).findFirst());
    }

    // ---------------------------------------------------------------- the lease of a week's run

    boolean lease(long guild, String week, String owner, Duration ttl) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(Keys.pairLease(guild, week), owner, ttl));
    }

    void release(long guild, String week, String owner) {
        redis.execute(RELEASE, List.of(Keys.pairLease(guild, week)), owner);
    }

    /** One week of a guild's pairing; {@code done} once every group has its thread. */
    record PairWeek(String week, List<PairGroup> groups, boolean done) {}
}
