package dev.drill.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drill.answer.AnswerService;
import dev.drill.answer.AwardOutcome;
import dev.drill.answer.ThreadMessage;
import dev.drill.content.Level;
import dev.drill.guild.GuildSettings;
import dev.drill.guild.GuildSettingsStore;
import dev.drill.ops.DrillMetrics;
import dev.drill.redis.Keys;
import dev.drill.redis.RedisClusterFixture;
import dev.drill.score.BoardPeriod;
import dev.drill.score.LeaderboardEntry;
import dev.drill.score.MemberStats;
import dev.drill.score.PointsRules;
import dev.drill.score.RecapScores;
import dev.drill.score.RoundRef;
import dev.drill.score.ScoreRetryQueue;
import dev.drill.score.ScoreService;
import dev.drill.score.ScoreStore;
import dev.drill.sim.MutableClock;
import io.lettuce.core.cluster.SlotHash;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Drill on a real Redis Cluster of three masters (the embedded redis-server in cluster mode, slots assigned by
 * the fixture), connected the Boot way ({@code spring.data.redis.cluster.nodes}): three guilds whose hash tags
 * land on three different masters each go through a round's life (claim, rotation, opening, answers, votes,
 * award, withdrawal, board, stats, close lease, close, recap, a skipped round voided and its number given back)
 * with the real stores and services, so every round and score script runs on the cluster; Redis would refuse
 * any of them whose keys spanned slots (CROSSSLOT, shown by the last test).
 */
@DisplayName("Redis Cluster: every script of a guild runs in the guild's slot")
class RedisClusterTests {

    private static final Instant OPENS = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant NOW = OPENS.plus(Duration.ofHours(1));
    private static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;
    private static final long ALICE = 1_100_000_000_000_000_001L;
    private static final long BOB = 1_100_000_000_000_000_002L;
    private static final long MODERATOR = 1_100_000_000_000_000_003L;
    private static final String ANSWER =
            "Consistent hashing moves only K/N keys when a node joins, so caches stay warm.";

    private static RedisClusterFixture cluster;

    /** One guild per master: the first snowflake-like ids whose tag {g:<id>} hashes to that master's slots. */
    private static final List<Long> GUILDS = guildsOnEachMaster();

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
    @DisplayName("the test's guilds sit on three different masters, as Redis itself computes their slots")
    void guildsSpreadOverTheMasters() {
        cluster.withTemplate(redis -> {
            Set<Integer> ports = new HashSet<>();
            for (long guild : GUILDS) {
                byte[] key = Keys.state(guild).getBytes(StandardCharsets.UTF_8);
                int slot = redis.execute(
                        (RedisCallback<Integer>) c -> ((RedisClusterConnection) c).clusterGetSlotForKey(key));
                assertThat(slot)
                        .as("CLUSTER KEYSLOT agrees with the CRC16 of the tag")
                        .isEqualTo(SlotHash.getSlot("{g:" + guild + "}"));
                RedisClusterNode node = redis.execute(
                        (RedisCallback<RedisClusterNode>) c -> ((RedisClusterConnection) c).clusterGetNodeForKey(key));
                ports.add(node.getPort());
            }
            assertThat(ports).as("one master per guild").hasSize(RedisClusterFixture.MASTERS);
            // The shape reconcile.RedisIdentity reads to notice a restart of any master: host:port.run_id each.
            java.util.Properties info = redis.execute((RedisCallback<java.util.Properties>)
                    c -> c.serverCommands().info("server"));
            assertThat(info.stringPropertyNames().stream().filter(k -> k.matches("127\\.0\\.0\\.1:\\d+\\.run_id")))
                    .hasSize(RedisClusterFixture.MASTERS);
        });
    }

    @Test
    @DisplayName(
            "round and score scripts run on every master: claim, rotation, open, answers, votes, award, withdrawal,"
                    + " board, stats, close lease, close, recap, void, seq release; the due set holds all guilds")
    void roundsAndScoresOnEveryMaster() {
        cluster.withTemplate(redis -> {
            MutableClock clock = new MutableClock(NOW);
            GuildSettingsStore settings = new GuildSettingsStore(redis);
            RoundStore store = new RoundStore(redis, settings, clock);
            RoundClaims claims = new RoundClaims(redis);
            Rotation rotation = new Rotation(redis);
            DueSchedule due = new DueSchedule(redis);
            ScoreStore scoreStore = new ScoreStore(redis, PointsRules.DEFAULTS);
            ScoreService scores = new ScoreService(scoreStore, store, clock);
            ScoreRetryQueue writes = new ScoreRetryQueue();
            AnswerService answers = new AnswerService(store, scoreStore, writes, clock, DrillMetrics.none());
            try {
                for (long guild : GUILDS) {
                    playRounds(redis, guild, settings, store, claims, rotation, due, scores, answers);
                    assertThat(writes.size())
                            .as("no score write waits for a retry")
                            .isZero();
                    assertThat(writes.parked()).as("no score write was refused").isZero();
                }
                assertThat(due.dueGuilds(NOW.plus(Duration.ofDays(2)), 100))
                        .as("the global due set, outside every guild script, holds guilds of all three masters")
                        .containsExactlyInAnyOrderElementsOf(
                                GUILDS.stream().map(String::valueOf).toList());
                Map<Integer, Long> keysPerMaster = keysPerMaster(redis);
                assertThat(keysPerMaster.values())
                        .as("each master holds its guild's keys: %s", keysPerMaster)
                        .hasSize(RedisClusterFixture.MASTERS)
                        .allMatch(keys -> keys > 10);
            } finally {
                writes.destroy();
            }
        });
    }

    @Test
    @DisplayName("a script over two guilds' keys is refused with CROSSSLOT; over one guild's keys it runs")
    void crossSlotScriptsAreRefused() {
        cluster.withTemplate(redis -> {
            RedisScript<Long> touch = RedisScript.of(
                    "redis.call('HSET', KEYS[1], 'x', '1') redis.call('HSET', KEYS[2], 'x', '1') return 1", Long.class);
            long one = GUILDS.get(0);
            long other = GUILDS.get(1);
            assertThat(redis.execute(touch, List.of(Keys.state(one), Keys.settings(one))))
                    .isEqualTo(1L);
            assertThatThrownBy(() -> redis.execute(touch, List.of(Keys.state(one), Keys.state(other))))
                    .satisfies(e -> assertThat(chain(e)).contains("CROSSSLOT"));
            assertThat(redis.opsForHash().get(Keys.state(other), "x"))
                    .as("nothing of the refused script was written")
                    .isNull();
        });
    }

    private static void playRounds(
            StringRedisTemplate redis,
            long guild,
            GuildSettingsStore settings,
            RoundStore store,
            RoundClaims claims,
            Rotation rotation,
            DueSchedule due,
            ScoreService scores,
            AnswerService answers) {
        String first = "2026-12-01";
        String second = "2026-12-02";
        ZoneId zone = ZoneId.of("Europe/Berlin");
        settings.save(new GuildSettings(
                guild,
                7,
                LocalTime.of(9, 0),
                zone,
                EnumSet.allOf(DayOfWeek.class),
                List.of(Level.values()),
                0,
                0,
                false,
                ""));
        due.scheduleDue(guild, OPENS);

        // The opening: claimed once (SET NX), a stale claim taken over by script, the rotation stepped once.
        RoundClaims.Claim mine = new RoundClaims.Claim("a", OPENS);
        assertThat(claims.claim(guild, first, mine)).isTrue();
        assertThat(claims.claim(guild, first, new RoundClaims.Claim("b", OPENS)))
                .isFalse();
        assertThat(claims.takeOver(guild, first, mine, new RoundClaims.Claim("b", NOW)))
                .isTrue();
        assertThat(claims.claimOf(guild, first).orElseThrow().instance()).isEqualTo("b");
        long step = rotation.stepFor(guild, first);
        assertThat(rotation.stepFor(guild, first)).isEqualTo(step);
        rotation.markAsked(guild, "junior", "q1");
        assertThat(rotation.asked(guild, "junior")).containsExactly("q1");
        rotation.resetAsked(guild, "junior");
        assertThat(rotation.asked(guild, "junior")).isEmpty();
        long thread = open(store, guild, first, 100);
        RoundRef round = store.byDate(guild, first).orElseThrow();
        assertThat(round.seq()).isEqualTo(1);
        assertThat(round.open()).isTrue();

        // Answers, a vote, the award, votes cleared, a deletion: each one script on the guild's master.
        long alice = snowflake(NOW.minusSeconds(60), 1);
        long bob = snowflake(NOW.minusSeconds(30), 2);
        answers.onMessage(new ThreadMessage(guild, thread, alice, ALICE, "Alice", false, ANSWER));
        answers.onMessage(new ThreadMessage(guild, thread, alice, ALICE, "Alice", false, ANSWER));
        answers.onMessage(new ThreadMessage(guild, thread, bob, BOB, "Bob", false, ANSWER));
        answers.onVote(guild, thread, alice, BOB, false, true);
        assertThat(answers.awardBest(guild, thread, alice, ALICE, MODERATOR)).isEqualTo(AwardOutcome.AWARDED);
        assertThat(board(scores, guild))
                .as("answer 10 + vote 1 + award 5; Bob's answer 10; Alice's repeat counted once")
                .containsExactly("Alice 16", "Bob 10");
        answers.onVotesCleared(guild, thread, alice);
        answers.onDelete(guild, thread, bob);
        assertThat(board(scores, guild)).containsExactly("Alice 15");
        MemberStats stats = scores.stats(guild, ALICE);
        assertThat(stats.allTimePoints()).isEqualTo(15);
        assertThat(stats.answers()).isEqualTo(1);
        assertThat(stats.awards()).isEqualTo(1);
        assertThat(board(scores, guild, BoardPeriod.WEEK)).containsExactly("Alice 15");
        assertThat(board(scores, guild, BoardPeriod.MONTH)).containsExactly("Alice 15");

        // The close: one lease holder, the close script, the recap owed until it is out.
        assertThat(claims.claimClose(guild, first, "b", NOW, Duration.ofMinutes(5)))
                .isTrue();
        assertThat(claims.claimClose(guild, first, "c", NOW, Duration.ofMinutes(5)))
                .isFalse();
        store.markClosed(guild, first, RoundState.CLOSED, NOW);
        assertThat(store.pendingRecaps(guild)).containsExactly(first);
        RecapScores recap = scores.recap(guild, store.byDate(guild, first).orElseThrow());
        assertThat(recap.participants()).isEqualTo(1);
        assertThat(recap.bestAnswer().orElseThrow().messageId()).isEqualTo(alice);
        store.recapPosted(guild, first);
        assertThat(store.pendingRecaps(guild)).isEmpty();
        answers.onMessage(new ThreadMessage(guild, thread, snowflake(NOW, 3), BOB, "Bob", false, ANSWER));
        assertThat(board(scores, guild)).as("a closed round takes no answer").containsExactly("Alice 15");

        // A second round, skipped: its answers voided, its number given back, the first round latest again.
        long next = open(store, guild, second, 200);
        RoundRef skipped = store.byDate(guild, second).orElseThrow();
        assertThat(skipped.seq()).isEqualTo(2);
        answers.onMessage(new ThreadMessage(guild, next, snowflake(NOW, 4), BOB, "Bob", false, ANSWER));
        assertThat(board(scores, guild)).containsExactly("Alice 15", "Bob 10");
        scores.voidRound(guild, skipped);
        store.markClosed(guild, second, RoundState.SKIPPED, NOW);
        store.releaseSeq(guild, skipped.seq());
        store.forgetLatest(guild, second);
        assertThat(board(scores, guild)).containsExactly("Alice 15");
        assertThat(store.latest(guild).orElseThrow().date()).isEqualTo(first);
        assertThat(redis.opsForHash().get(Keys.state(guild), "seq"))
                .as("the skipped round's number is free again")
                .isEqualTo("1");
    }

    /** Claimed, posted and opened as the round service records it; returns the thread id. */
    private static long open(RoundStore store, long guild, String date, long post) {
        store.saveClaimed(new Round(
                guild, date, "q1", 0, 7, 0, 0, OPENS, OPENS.plus(Duration.ofDays(2)), false, RoundState.CLAIMED));
        store.markPosted(guild, date, post);
        store.markOpen(guild, date, post, post);
        return post;
    }

    private static List<String> board(ScoreService scores, long guild) {
        return board(scores, guild, BoardPeriod.ALL);
    }

    private static List<String> board(ScoreService scores, long guild, BoardPeriod period) {
        List<String> lines = new ArrayList<>();
        for (LeaderboardEntry e : scores.leaderboard(guild, period, MODERATOR).top()) {
            lines.add(e.name() + " " + e.points());
        }
        return lines;
    }

    /** Keys on each master, by DBSIZE of that node. */
    private static Map<Integer, Long> keysPerMaster(StringRedisTemplate redis) {
        return redis.execute((RedisCallback<Map<Integer, Long>>) c -> {
            RedisClusterConnection cluster = (RedisClusterConnection) c;
            Map<Integer, Long> keys = new java.util.TreeMap<>();
            for (RedisClusterNode node : cluster.clusterGetNodes()) {
                if (node.isMaster()) {
                    keys.put(node.getPort(), cluster.dbSize(node));
                }
            }
            return keys;
        });
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

    private static long snowflake(Instant at, int n) {
        return ((at.toEpochMilli() - DISCORD_EPOCH_MILLIS) << 22) + n;
    }

    private static String chain(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            messages.append(t).append(" | ");
        }
        return messages.toString();
    }
}
