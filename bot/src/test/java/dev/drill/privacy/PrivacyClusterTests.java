package dev.drill.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.redis.Keys;
import dev.drill.redis.RedisClusterFixture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The data-rights scripts and the guild key listing on a real 3-master Redis Cluster: forget-me and the
 * season reset run as one script over one guild's keys (one slot), and a guild's keys are found and deleted
 * whichever master holds them.
 */
@DisplayName("Data rights on a Redis Cluster: forget-me, season reset, export listing and deletion per guild")
class PrivacyClusterTests {

    private static final long ALICE = 1_100_000_000_000_000_001L;
    private static final long BOB = 1_100_000_000_000_000_002L;
    private static final Instant NOW = Instant.parse("2040-12-03T08:00:00Z");

    private static RedisClusterFixture cluster;

    @BeforeAll
    static void startCluster() {
        cluster = RedisClusterFixture.start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @DisplayName("on every master: bob forgotten from all boards and records, alice kept; season archived; keys"
            + " listed and deleted for that guild alone")
    void onEveryMaster() {
        cluster.withTemplate(redis -> {
            PrivacyStore store = new PrivacyStore(redis);
            List<Long> guilds = guildsOnEachMaster();
            guilds.forEach(guild -> seed(redis, guild));
            for (long guild : guilds) {
                PrivacyStore.Forgotten removed = store.forget(guild, BOB);
                assertThat(removed.boards()).isEqualTo(3);
                assertThat(removed.answers()).isEqualTo(1);
                assertThat(removed.counters()).isTrue();
                assertThat(removed.name()).isTrue();
                assertThat(redis.opsForZSet().range(Keys.boardWeek(guild, "2040-W49"), 0, -1))
                        .containsExactly(Long.toString(ALICE));
                assertThat(redis.opsForHash().keys(Keys.answers(guild, "2040-12-03")))
                        .containsExactly("101");

                assertThat(store.archiveSeason(guild, "autumn", NOW)).isEqualTo(1);
                assertThat(store.archiveSeason(guild, "autumn", NOW)).isEqualTo(-1);
                assertThat(redis.hasKey(Keys.boardAllTime(guild))).isFalse();
                assertThat(store.boards(guild)).containsKey("s:autumn");
            }
            long first = guilds.get(0);
            assertThat(store.guildKeys(first))
                    .allMatch(key -> key.contains("{g:" + first + "}"))
                    .contains(Keys.settings(first), Keys.boardSeason(first, "autumn"));
            assertThat(store.deleteGuild(first)).isPositive();
            assertThat(store.guildKeys(first)).isEmpty();
            for (long other : guilds.subList(1, guilds.size())) {
                assertThat(store.guildKeys(other))
                        .as("another guild's keys stay")
                        .contains(Keys.settings(other));
            }
        });
    }

    /** Alice and bob on all three boards of a week, each with an answer record, counters and a name. */
    private static void seed(StringRedisTemplate redis, long guild) {
        redis.opsForHash().put(Keys.settings(guild), "channel", "1");
        for (String board : List.of(
                Keys.boardAllTime(guild), Keys.boardWeek(guild, "2040-W49"), Keys.boardMonth(guild, "2040-12"))) {
            redis.opsForZSet().add(board, Long.toString(ALICE), 2e11);
            redis.opsForZSet().add(board, Long.toString(BOB), 1e11);
        }
        redis.opsForHash()
                .putAll(
                        Keys.answers(guild, "2040-12-03"),
                        Map.of("101", ALICE + ",10,0,0,0,0,0,0,0", "102", BOB + ",10,0,0,0,0,0,0,0"));
        redis.opsForSet().add(Keys.voters(guild, "2040-12-03"), "101:" + BOB, "102:" + ALICE);
        redis.opsForHash().put(Keys.member(guild, BOB), "answers", "1");
        redis.opsForHash().put(Keys.names(guild), Long.toString(BOB), "Bob");
        redis.opsForHash().put(Keys.names(guild), Long.toString(ALICE), "Alice");
    }

    private static List<Long> guildsOnEachMaster() {
        List<Long> guilds = new ArrayList<>();
        for (int master = 0; master < RedisClusterFixture.MASTERS; master++) {
            long guild = 1_000_000_000_000_000_000L;
            while (RedisClusterFixture.masterOf("{g:" + guild + "}") != master) {
                guild++;
            }
            guilds.add(guild);
        }
        return guilds;
    }
}
