package dev.drill.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.cluster.SlotHash;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every key of a guild lands in its guild's Redis Cluster slot, so each script over one guild's keys runs on
 * one node. Found by reflection: a key method added to {@link Keys} later is checked without touching this test.
 */
@DisplayName("Keys: one Redis Cluster slot per guild")
class KeysTests {

    private static final long[] GUILDS = {1L, 42L, 1_234_567_890_123_456_789L, Long.MAX_VALUE};

    @Test
    @DisplayName("every key method taking a guild builds a key in the slot of the guild's hash tag {g:<guild>}")
    void guildKeysShareTheGuildSlot() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Method method : Keys.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers()) || method.getParameterCount() == 0) {
                continue;
            }
            assertThat(method.getParameterTypes()[0])
                    .as("%s: a key method's first parameter is the guild", method.getName())
                    .isEqualTo(long.class);
            for (long guild : GUILDS) {
                String key = (String) method.invoke(null, arguments(method, guild));
                String tag = "{g:" + guild + "}";
                assertThat(key).as(method.getName()).contains(tag);
                // Redis hashes only the first {...} of a key: no other brace may come before the tag.
                assertThat(key.indexOf('{')).as(method.getName()).isEqualTo(key.indexOf(tag));
                assertThat(SlotHash.getSlot(key))
                        .as("%s(%d) = %s", method.getName(), guild, key)
                        .isEqualTo(SlotHash.getSlot(tag));
            }
            checked.add(method.getName());
        }
        assertThat(checked)
                .as("the scripts' keys")
                .contains("seen", "answers", "member", "names", "boardAllTime", "boardWeek", "boardMonth", "voters")
                .contains("round", "state", "threads", "pendingRecaps", "claim", "asked", "settings");
    }

    @Test
    @DisplayName("the due set is global, with no guild tag: it is only used alone (ZADD, ZREM, ZRANGEBYSCORE)")
    void dueSetIsGlobal() {
        assertThat(Keys.due()).doesNotContain("{").doesNotContain("}");
    }

    /** The guild, then plausible values for the rest: a date, a member id, a level, a week or a month. */
    private static Object[] arguments(Method method, long guild) {
        Class<?>[] types = method.getParameterTypes();
        Object[] args = new Object[types.length];
        args[0] = guild;
        for (int i = 1; i < types.length; i++) {
            if (types[i] == long.class) {
                args[i] = 1_100_000_000_000_000_000L + i;
            } else if (types[i] == String.class) {
                // Even a value with braces (a level named by an admin, say) cannot move the key: the tag is first.
                args[i] = "2026-12-01{x}";
            } else {
                throw new AssertionError(method.getName() + " takes a " + types[i] + ": teach this test a value: "
                        + Arrays.toString(types));
            }
        }
        return args;
    }
}
