package dev.drill.bench;

import dev.drill.answer.AnswerService;
import dev.drill.answer.ThreadMessage;
import dev.drill.guild.GuildSettingsStore;
import dev.drill.ops.DrillMetrics;
import dev.drill.redis.Keys;
import dev.drill.redis.RedisFixture;
import dev.drill.round.RoundFixtures;
import dev.drill.round.RoundStore;
import dev.drill.score.BoardPeriod;
import dev.drill.score.PointsRules;
import dev.drill.score.ScoreRetryQueue;
import dev.drill.score.ScoreService;
import dev.drill.score.ScoreStore;
import dev.drill.sim.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.zset.DefaultTuple;
import org.springframework.data.redis.connection.zset.Tuple;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Figures for the scoring path against a real embedded Redis (AOF on, as in production) on this machine.
 * Run with:
 *
 * <pre>./mvnw -q -pl bot test -Pbenchmark</pre>
 *
 * Prints: answers recorded per second through {@link AnswerService} (qualification, the real round lookup
 * ({@link RoundStore}, with its cache), retry
 * queue, {@link ScoreStore}, the answer-record.lua script with its idempotency key) with 1 and 16 concurrent
 * callers, next to bare EVALSHA calls of a one-ZINCRBY script through the same template and connection, and
 * their ratio; the leaderboard page latency (p50/p99) with 100,000 members on one board; and Redis memory per
 * recorded answer. It prints figures and asserts nothing about timings.
 */
@Tag("benchmark")
class ScoringBenchmarkTests {

    private static final String TEXT = "Consistent hashing moves only K/N keys when a node joins, so caches stay warm.";
    private static final int MEMBERS = 1_000;
    private static final int BLOCKS = 10;

    @TempDir
    static Path dir;

    static RedisFixture redis;
    static StringRedisTemplate template;
    static MutableClock clock;
    static RoundStore rounds;
    static ScoreStore store;
    static ScoreService scores;
    static AnswerService answers;
    static long nextGuild = 1;

    @BeforeAll
    static void start() {
        redis = RedisFixture.start(dir, Duration.ofSeconds(5));
        template = redis.template();
        clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        rounds = new RoundStore(template, new GuildSettingsStore(template), clock);
        store = new ScoreStore(template, PointsRules.DEFAULTS);
        scores = new ScoreService(store, rounds, clock);
        answers = new AnswerService(rounds, store, new ScoreRetryQueue(), clock, DrillMetrics.none());
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Test
    @DisplayName("throughput of the scoring path vs bare EVALSHA, page latency, memory per answer")
    void benchmark() throws Exception {
        System.out.printf(
                "%nDrill scoring benchmark (embedded Redis %s, %d cores)%n",
                redisVersion(), Runtime.getRuntime().availableProcessors());
        throughput();
        pageLatency();
        memory();
    }

    private void throughput() throws Exception {
        RedisScript<Long> zincrby = RedisScript.of("return redis.call('ZINCRBY', KEYS[1], 1, ARGV[1])", Long.class);
        // Warm-up: JIT, script cache, connection.
        for (int callers : new int[] {1, 16}) {
            runAnswers(newGuild(), 0, 20_000, callers);
            runBare(zincrby, 20_000, callers);
        }
        System.out.printf(
                "%nThroughput: bare and real calls alternate in %d blocks, so both see the same load%n"
                        + "(load average at start: %s)%n",
                BLOCKS, loadAverage());
        System.out.println("callers | answers/s (AnswerService) | bare EVALSHA ZINCRBY/s | ratio | target");
        for (int callers : new int[] {1, 16}) {
            int n = callers == 1 ? 30_000 : 80_000;
            int block = n / BLOCKS;
            long guild = newGuild();
            double bareSeconds = 0;
            double realSeconds = 0;
            for (int b = 0; b < BLOCKS; b++) {
                bareSeconds += block / runBare(zincrby, block, callers);
                realSeconds += block / runAnswers(guild, b * block, block, callers);
            }
            double real = n / realSeconds;
            double bare = n / bareSeconds;
            System.out.printf(
                    "%7d | %25.0f | %22.0f | %5.2f | >= %.1f%n",
                    callers, real, bare, real / bare, callers == 1 ? 0.8 : 0.5);
        }
    }

    /**
     * Answers {@code from .. from + n} of one guild, all new: answer i is member i % 1000's answer to round
     * i / 1000 (each round its own date, as in production).
     */
    private double runAnswers(long guild, int from, int n, int callers) throws Exception {
        int firstRound = from / MEMBERS;
        int lastRound = (from + n - 1) / MEMBERS;
        List<String> dates = weekdays(lastRound + 1);
        for (int r = firstRound; r <= lastRound; r++) {
            RoundFixtures.openRound(template, guild, dates.get(r), r + 1, 1_000_000 + r, ZoneId.of("Europe/Berlin"));
        }
        return run(n, callers, k -> {
            int i = from + k;
            answers.onMessage(new ThreadMessage(
                    guild,
                    1_000_000 + i / MEMBERS,
                    5_000_000_000L + i,
                    1 + i % MEMBERS,
                    "member " + i % MEMBERS,
                    false,
                    TEXT));
        });
    }

    private double runBare(RedisScript<Long> zincrby, int n, int callers) throws Exception {
        List<String> key = List.of("bench:{g:0}:zincrby");
        return run(n, callers, i -> template.execute(zincrby, key, Integer.toString(i % MEMBERS)));
    }

    private static double run(int n, int callers, IntConsumer call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            long start = System.nanoTime();
            List<Future<?>> parts = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int first = c;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < n; i += callers) {
                        call.accept(i);
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
            return n / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private void pageLatency() {
        long guild = newGuild();
        int members = 100_000;
        String board = Keys.boardAllTime(guild);
        Random random = new Random(42);
        // Filled directly: 100,000 answers through the scripts would only make the set-up slower.
        template.executePipelined((RedisCallback<Object>) connection -> {
            fill(connection, board, Keys.names(guild), members, random);
            return null;
        });
        RoundFixtures.openRound(template, guild, "2026-12-01", 1, 42, ZoneId.of("UTC"));
        for (int i = 0; i < 2_000; i++) {
            scores.leaderboard(guild, BoardPeriod.ALL, 1 + random.nextInt(members));
        }
        RedisScript<Long> trivial = RedisScript.of("return 1", Long.class);
        int samples = 10_000;
        long[] page = new long[samples];
        long[] floor = new long[samples];
        for (int i = 0; i < samples; i++) {
            long caller = 1 + random.nextInt(members);
            long start = System.nanoTime();
            scores.leaderboard(guild, BoardPeriod.ALL, caller);
            page[i] = System.nanoTime() - start;
            start = System.nanoTime();
            template.execute(trivial, List.of(board));
            floor[i] = System.nanoTime() - start;
        }
        Arrays.sort(page);
        Arrays.sort(floor);
        System.out.printf(
                "%nLeaderboard page (ScoreService.leaderboard: one Lua script), %,d members on the board, %,d samples"
                        + " (load average %s)%n"
                        + "page  p50 %.3f ms | p99 %.3f ms | target p99 < 1 ms%n"
                        + "floor p50 %.3f ms | p99 %.3f ms (EVALSHA 'return 1', same client, interleaved)%n",
                template.opsForZSet().zCard(board),
                samples,
                loadAverage(),
                page[samples / 2] / 1e6,
                page[samples * 99 / 100] / 1e6,
                floor[samples / 2] / 1e6,
                floor[samples * 99 / 100] / 1e6);
    }

    private static void fill(RedisConnection connection, String board, String names, int members, Random random) {
        Map<byte[], byte[]> batch = new HashMap<>();
        Set<Tuple> scores = new HashSet<>();
        for (int m = 1; m <= members; m++) {
            double score = (10.0 + random.nextInt(500)) * 1e10 + random.nextInt(1_000_000_000);
            byte[] id = Long.toString(m).getBytes();
            scores.add(new DefaultTuple(id, score));
            batch.put(id, ("member name " + m).getBytes());
            if (batch.size() == 1_000) {
                connection.zSetCommands().zAdd(board.getBytes(), scores);
                connection.hashCommands().hMSet(names.getBytes(), batch);
                batch = new HashMap<>();
                scores = new HashSet<>();
            }
        }
        if (!batch.isEmpty()) {
            connection.zSetCommands().zAdd(board.getBytes(), scores);
            connection.hashCommands().hMSet(names.getBytes(), batch);
        }
    }

    private void memory() throws Exception {
        System.out.println("\nRedis memory per recorded answer (INFO used_memory delta / answers)");
        // A team: 200 members answering every round of 12 weeks, Mon-Fri (60 rounds).
        memoryScenario("team: 200 members x 60 rounds (Mon-Fri, 12 weeks)", 200, 60);
        // A crowd: members who answer once and never again; the member hash and board entries are not shared.
        memoryScenario("worst case: 10,000 members answering once (one round)", 10_000, 1);
    }

    private void memoryScenario(String label, int members, int roundCount) throws Exception {
        long guild = newGuild();
        List<String> dates = weekdays(roundCount);
        long before = usedMemory();
        for (int r = 0; r < roundCount; r++) {
            long thread = 2_000_000 + r;
            RoundFixtures.openRound(template, guild, dates.get(r), r + 1, thread, ZoneId.of("Europe/Berlin"));
            for (int m = 0; m < members; m++) {
                answers.onMessage(new ThreadMessage(
                        guild,
                        thread,
                        1_400_000_000_000_000_000L + (long) r * members + m,
                        1_100_000_000_000_000_000L + m,
                        "member " + m,
                        false,
                        TEXT));
            }
        }
        long after = usedMemory();
        long recorded = (long) members * roundCount;
        System.out.printf(
                "%-55s %,9d answers | %6.1f bytes/answer | target <= 300%n",
                label, recorded, (after - before) / (double) recorded);
    }

    private static List<String> weekdays(int count) {
        List<String> dates = new ArrayList<>();
        java.time.LocalDate day = java.time.LocalDate.parse("2026-09-07");
        while (dates.size() < count) {
            if (day.getDayOfWeek().getValue() <= 5) {
                dates.add(day.toString());
            }
            day = day.plusDays(1);
        }
        return dates;
    }

    private static long usedMemory() {
        Object info =
                template.execute((RedisCallback<Object>) c -> c.serverCommands().info("memory"));
        return Long.parseLong(((java.util.Properties) info).getProperty("used_memory"));
    }

    private static String loadAverage() {
        try {
            String[] parts =
                    java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static String redisVersion() {
        Object info =
                template.execute((RedisCallback<Object>) c -> c.serverCommands().info("server"));
        return ((java.util.Properties) info).getProperty("redis_version");
    }

    private static long newGuild() {
        return nextGuild++;
    }
}
