package dev.drill.bench;

import dev.drill.content.Level;
import dev.drill.discord.DiscordPacer;
import dev.drill.e2e.BotHarness;
import dev.drill.guild.GuildSettings;
import dev.drill.guild.GuildSettingsStore;
import dev.drill.round.RoundService;
import dev.drill.sim.DiscordSimulator;
import dev.drill.sim.SimGuild;
import dev.drill.sim.SimInteraction;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The 09:00 rush against Discord's own limit, through the real application and JDA on the simulator with
 * Discord's rate limits on and 50 ms per request: {@value #GUILDS} guilds due at the same instant, each with
 * yesterday's round open, so each closes one round (lock, recap, link) and opens one (question, thread). Run
 * with {@code ./mvnw -q -pl bot test -Pbenchmark}. Prints the wall time to the last question against the floor
 * N·R/50 s (R: the requests Drill really made, counted by the simulator), a member's {@code /drill leaderboard}
 * every 100 ms during the rush (receipt to first response), and the memory with the guilds configured. It
 * prints figures and asserts nothing about timings.
 */
@Tag("benchmark")
class RushBenchmarkTests {

    private static final int GUILDS = 1_000;
    private static final Instant MONDAY_0900 = Instant.parse("2040-12-03T08:00:00Z");
    private static final Instant TUESDAY_0900 = MONDAY_0900.plus(Duration.ofDays(1));
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void rush() throws Exception {
        try (BotHarness drill = BotHarness.create(BotHarness.START)
                // A line per round would be 2,000 lines; warnings and errors still show.
                .property("logging.level.dev.drill", "WARN")) {
            List<SimGuild> guilds = new ArrayList<>();
            guilds.add(drill.guild());
            while (guilds.size() < GUILDS) {
                guilds.add(drill.sim().addGuild("Team " + guilds.size()));
            }
            drill.startBot();
            GuildSettingsStore settings = drill.bean(GuildSettingsStore.class);
            RoundService rounds = drill.bean(RoundService.class);
            for (SimGuild guild : guilds) {
                long id = Long.parseLong(guild.id());
                settings.save(new GuildSettings(
                        id,
                        Long.parseLong(guild.dailyDrillId()),
                        LocalTime.of(9, 0),
                        BERLIN,
                        EnumSet.allOf(DayOfWeek.class),
                        List.of(Level.values()),
                        0,
                        0,
                        false,
                        ""));
                rounds.reschedule(id);
            }

            // Yesterday's rounds, opened as fast as the simulator goes (not measured).
            DiscordPacer pacer = drill.bean(DiscordPacer.class);
            pacer.requestsPerSecond(100_000);
            drill.clock(MONDAY_0900);
            pacer.requestsPerSecond(45);

            // The rush: Discord's limits and 50 ms a request from here on.
            DiscordSimulator sim = drill.sim();
            sim.rateLimits(true).latency(Duration.ofMillis(50));
            sim.resetCounters();
            long requestsBefore = sim.requestsReceived();
            AtomicLong lastQuestion = new AtomicLong();
            sim.onBotMessage(m -> {
                if (!m.embedTitles().isEmpty()
                        && m.embedTitles().get(0).startsWith("Daily drill")
                        && m.editedTimestamp() == null) {
                    lastQuestion.accumulateAndGet(System.nanoTime(), Math::max);
                }
            });
            List<Long> interactionMillis = Collections.synchronizedList(new ArrayList<>());
            ScheduledExecutorService member = Executors.newSingleThreadScheduledExecutor();
            ExecutorService waiting = Executors.newFixedThreadPool(8);
            member.scheduleAtFixedRate(
                    () -> waiting.execute(() -> {
                        long sent = System.nanoTime();
                        SimInteraction asked = sim.as("alice").slash(drill.dailyDrill(), "drill leaderboard");
                        sim.awaitResponse(asked, r -> true, Duration.ofSeconds(30));
                        interactionMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
                    }),
                    0,
                    100,
                    TimeUnit.MILLISECONDS);

            drill.clock().set(TUESDAY_0900);
            long start = System.nanoTime();
            drill.tick();
            member.shutdownNow();
            waiting.shutdown();
            waiting.awaitTermination(30, TimeUnit.SECONDS);

            long requests = requestsMadeByRounds(sim.requestCountsByRoute());
            double seconds = (lastQuestion.get() - start) / 1e9;
            double floor = requests / 50.0;
            long late = (long)
                    drill.bean(MeterRegistry.class).counter("drill.rounds.late").count();
            System.out.printf(
                    "rush: %d guilds, last question %.1f s after the slot, floor %.1f s (%d requests at 50/s), ratio"
                            + " %.2f, late %d%n",
                    GUILDS, seconds, floor, requests, seconds / floor, late);
            List<Long> sorted = new ArrayList<>(interactionMillis);
            Collections.sort(sorted);
            System.out.printf(
                    "interaction during rush: p50 %d ms, p99 %d ms%n", percentile(sorted, 50), percentile(sorted, 99));
            System.out.printf(
                    "  (%d requests in all during the rush, %d global 429s, %d route 429s, peak %d/s; %d interactions)%n",
                    sim.requestsReceived() - requestsBefore,
                    sim.globalRateLimited(),
                    sim.routeRateLimited(),
                    sim.peakRequestsPerSecond(),
                    sorted.size());

            System.gc();
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf(
                    "memory: %d MB heap after GC, %d MB RSS with %d guilds configured%n",
                    heap / (1024 * 1024), rssKb() / 1024, GUILDS);
            System.out.println("  (one JVM: the bot, the simulator with every message of the run, and the test)");
        }
    }

    /** The rush's REST requests, without the members' interactions (Discord does not count those globally). */
    private static long requestsMadeByRounds(Map<String, Long> byRoute) {
        return byRoute.entrySet().stream()
                .filter(e -> !e.getKey().contains("interaction") && !e.getKey().contains("webhook"))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** The resident set of this JVM, as ps reports it (kB). */
    private static long rssKb() throws IOException, InterruptedException {
        Process ps = new ProcessBuilder(
                        "ps",
                        "-o",
                        "rss=",
                        "-p",
                        Long.toString(ProcessHandle.current().pid()))
                .redirectErrorStream(true)
                .start();
        String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        ps.waitFor(10, TimeUnit.SECONDS);
        return out.isEmpty() ? -1 : Long.parseLong(out);
    }
}
