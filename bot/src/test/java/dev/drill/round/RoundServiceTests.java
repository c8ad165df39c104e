package dev.drill.round;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.content.ContentLoader;
import dev.drill.content.GuildQuestionStore;
import dev.drill.content.GuildQuestions;
import dev.drill.content.Level;
import dev.drill.content.QuestionBank;
import dev.drill.guild.GuildSettings;
import dev.drill.guild.GuildSettingsStore;
import dev.drill.ops.DrillMetrics;
import dev.drill.redis.RedisFixture;
import dev.drill.repository.RepositoryPaths;
import dev.drill.score.PointsRules;
import dev.drill.score.ScoreService;
import dev.drill.score.ScoreStore;
import dev.drill.sim.MutableClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

@DisplayName("Rounds against a real Redis")
class RoundServiceTests {

    private static final RedisFixture REDIS = RedisFixture.startInTempDir(Duration.ofSeconds(5));
    private static final QuestionBank BANK = new ContentLoader().load(RepositoryPaths.resolve("content"));
    private static final long GUILD = 100;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T07:00:00Z")); // Monday 08:00
    private final FakePublisher discord = new FakePublisher();
    private final FakeMoment reminder = new FakeMoment("reminder", Duration.ofHours(2), false);
    private final FakeMoment reveal = new FakeMoment("reveal", Duration.ofDays(2), true);
    private GuildSettingsStore settings;
    private RoundService service;

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @BeforeEach
    void setUp() {
        REDIS.flushAll();
        settings = new GuildSettingsStore(REDIS.template());
        service = newInstance(discord);
    }

    private RoundService newInstance(RoundPublisher publisher) {
        RoundStore store = new RoundStore(REDIS.template(), settings, clock);
        ScoreService scores = new ScoreService(new ScoreStore(REDIS.template(), PointsRules.DEFAULTS), store, clock);
        StringRedisTemplate redis = REDIS.template();
        GuildQuestions questions = new GuildQuestions(BANK, new GuildQuestionStore(redis));
        return new RoundService(
                store,
                new RoundClaims(redis),
                new DueSchedule(redis),
                new QuestionPicker(questions, new Rotation(redis)),
                settings,
                questions,
                publisher,
                scores,
                clock,
                DrillMetrics.none(),
                RoundCatchUp.NONE,
                List.of(reminder, reveal),
                List.of(),
                new RoundLanes(4));
    }

    private RoundAdmin admin() {
        return new RoundAdmin(service, new RoundStore(REDIS.template(), settings, clock), settings, clock);
    }

    private void setUp(EnumSet<DayOfWeek> days, List<Level> levels) {
        settings.save(new GuildSettings(GUILD, 500, LocalTime.of(9, 0), BERLIN, days, levels, 0, 0, false, ""));
        service.reschedule(GUILD);
    }

    private void setUpWeekdays() {
        setUp(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of(Level.values()));
    }

    private void at(String instant, RoundService... instances) {
        clock.set(Instant.parse(instant));
        for (RoundService instance : instances.length == 0 ? new RoundService[] {service} : instances) {
            instance.runDue();
        }
    }

    @Test
    @DisplayName("nothing is posted before 09:00 local; at 09:00 one post with its thread")
    void opensOnTime() {
        setUpWeekdays();

        at("2026-11-30T07:59:59Z");
        assertThat(discord.posts).isEmpty();

        at("2026-11-30T08:00:00Z");
        assertThat(discord.posts).hasSize(1);
        RoundPublisher.Post post = discord.posts.get(0);
        assertThat(post.date()).isEqualTo("2026-11-30");
        assertThat(post.late()).isFalse();
        assertThat(post.closes()).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(post.question().level()).isEqualTo(Level.FRESHER);
    }

    @Test
    @DisplayName("ticking again, or from a second instance on the same Redis, posts nothing more")
    void exactlyOnce() {
        setUpWeekdays();
        FakePublisher second = new FakePublisher();
        RoundService other = newInstance(second);

        at("2026-11-30T08:00:00Z", service, other);
        at("2026-11-30T08:00:05Z", other, service);

        assertThat(discord.posts.size() + second.posts.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("an instance that claimed and died before posting is taken over once its claim is stale")
    void staleClaimTakenOver() {
        setUpWeekdays();
        FakePublisher dying = new FakePublisher();
        dying.failWith = new IllegalStateException("process killed");
        RoundService first = newInstance(dying);

        at("2026-11-30T08:00:00Z", first);
        assertThat(dying.attempts).isEqualTo(1);

        at("2026-11-30T08:00:30Z"); // the new instance sees a fresh claim of someone else: waits
        assertThat(discord.posts).isEmpty();

        at("2026-11-30T08:01:05Z");
        assertThat(discord.posts).hasSize(1);
        assertThat(discord.posts.get(0).nonce()).isEqualTo(dying.lastNonce);
        assertThat(discord.posts.get(0).question()).isEqualTo(dying.lastQuestion);
    }

    @Test
    @DisplayName("back at 09:40 after being down at 09:00: posts then, marked late")
    void catchUpLate() {
        setUpWeekdays();

        at("2026-11-30T08:40:00Z");

        assertThat(discord.posts)
                .singleElement()
                .satisfies(p -> assertThat(p.late()).isTrue());
    }

    @Test
    @DisplayName("a round whose whole window passed while down is skipped, never backfilled")
    void noBackfill() {
        setUpWeekdays();

        at("2026-12-02T08:30:00Z"); // Monday's and Tuesday's windows passed

        assertThat(discord.posts)
                .singleElement()
                .satisfies(p -> assertThat(p.date()).isEqualTo("2026-12-02"));
    }

    @Test
    @DisplayName("the next opening closes the open round first: lock, recap, then the new post")
    void closesThenOpens() {
        setUpWeekdays();
        at("2026-11-30T08:00:00Z");

        at("2026-12-01T08:00:00Z");

        assertThat(discord.closings).singleElement().satisfies(c -> {
            assertThat(c.recap().date()).isEqualTo("2026-11-30");
            assertThat(c.recap().skipped()).isFalse();
        });
        assertThat(discord.posts).extracting(RoundPublisher.Post::date).containsExactly("2026-11-30", "2026-12-01");
    }

    @Test
    @DisplayName("Friday's round stays open over the weekend and closes at Monday's opening")
    void weekend() {
        setUpWeekdays();
        at("2026-12-04T08:00:00Z");
        at("2026-12-05T08:00:00Z");
        at("2026-12-06T08:00:00Z");
        assertThat(discord.closings).isEmpty();

        at("2026-12-07T08:00:00Z");

        assertThat(discord.closings).hasSize(1);
        assertThat(discord.posts).extracting(RoundPublisher.Post::date).containsExactly("2026-12-04", "2026-12-07");
    }

    @Test
    @DisplayName("levels rotate, and a level starts a new cycle once all its questions were asked")
    void rotationAndCycle() {
        setUp(EnumSet.allOf(DayOfWeek.class), List.of(Level.FRESHER));
        Instant day = Instant.parse("2026-11-30T08:00:00Z");
        for (int i = 0; i < 30; i++) {
            at(day.plus(Duration.ofDays(i)).toString());
        }

        List<String> asked = discord.posts.stream().map(p -> p.question().id()).toList();
        assertThat(asked).hasSize(30);
        assertThat(new HashSet<>(asked.subList(0, 29))).hasSize(29); // every fresher question once
        assertThat(asked.get(29)).isIn(asked.subList(0, 29)); // then a new cycle
    }

    @Test
    @DisplayName("two levels alternate")
    void twoLevelsAlternate() {
        setUp(EnumSet.allOf(DayOfWeek.class), List.of(Level.EXPERIENCED, Level.FRESHER));
        at("2026-11-30T08:00:00Z");
        at("2026-12-01T08:00:00Z");
        at("2026-12-02T08:00:00Z");

        assertThat(discord.posts)
                .extracting(p -> p.question().level())
                .containsExactly(Level.EXPERIENCED, Level.FRESHER, Level.EXPERIENCED);
    }

    @Test
    @DisplayName("across the last Sunday of March, every post is at 09:00 Berlin time")
    void acrossDst() {
        setUp(EnumSet.allOf(DayOfWeek.class), List.of(Level.values()));
        clock.set(Instant.parse("2027-03-26T12:00:00Z"));
        service.reschedule(GUILD);
        for (int hour = 0; hour < 24 * 4; hour++) {
            clock.advance(Duration.ofHours(1));
            service.runDue();
        }

        assertThat(discord.postedAt)
                .containsExactly(
                        Instant.parse("2027-03-27T08:00:00Z"),
                        Instant.parse("2027-03-28T07:00:00Z"),
                        Instant.parse("2027-03-29T07:00:00Z"),
                        Instant.parse("2027-03-30T07:00:00Z"));
    }

    @Test
    @DisplayName("an answer that waited for Redis counts if it came before the close, not after")
    void openAtEventTime() {
        setUpWeekdays();
        at("2026-11-30T08:00:00Z");
        RoundStore store = new RoundStore(REDIS.template(), settings, clock);
        long thread = store.latest(GUILD).orElseThrow().threadId();
        at("2026-12-01T08:00:00Z"); // Monday's round closes, Tuesday's opens

        assertThat(store.openAt(GUILD, thread, Instant.parse("2026-12-01T07:59:59Z")))
                .hasValueSatisfying(r -> assertThat(r.date()).isEqualTo("2026-11-30"));
        assertThat(store.openAt(GUILD, thread, Instant.parse("2026-12-01T08:00:01Z")))
                .isEmpty();
        assertThat(store.openAt(GUILD, thread, Instant.parse("2026-11-30T07:59:00Z")))
                .isEmpty();
    }

    @Test
    @DisplayName("a thread that failed to start is retried without posting the question again")
    void threadRetriedWithoutRepost() {
        setUpWeekdays();
        discord.threadFailures = 1;

        at("2026-11-30T08:00:00Z");
        at("2026-11-30T08:00:30Z");

        assertThat(discord.posts).hasSize(1);
        assertThat(discord.threadAttempts).isEqualTo(2);
        assertThat(service.openRound(GUILD)).isPresent();
    }

    @Test
    @DisplayName("a schedule changed during the day does not post its earlier slot late")
    void changedScheduleNoFalseLatePost() {
        settings.save(new GuildSettings(
                GUILD,
                500,
                LocalTime.of(18, 0),
                BERLIN,
                EnumSet.allOf(DayOfWeek.class),
                List.of(Level.values()),
                0,
                0,
                false,
                ""));
        service.reschedule(GUILD);
        at("2026-11-30T17:00:00Z"); // Monday 18:00: posted
        clock.set(Instant.parse("2026-12-01T09:00:00Z")); // Tuesday 10:00: the admin moves it to 09:00
        settings.save(new GuildSettings(
                GUILD,
                500,
                LocalTime.of(9, 0),
                BERLIN,
                EnumSet.allOf(DayOfWeek.class),
                List.of(Level.values()),
                0,
                0,
                false,
                ""));
        service.reschedule(GUILD);

        at("2026-12-01T17:00:00Z"); // Monday's round closes at Tuesday 18:00 as planned
        at("2026-12-02T08:00:00Z"); // Wednesday 09:00

        assertThat(discord.closings).hasSize(1);
        assertThat(discord.posts).extracting(RoundPublisher.Post::date).containsExactly("2026-11-30", "2026-12-02");
        assertThat(discord.posts).noneMatch(RoundPublisher.Post::late);
    }

    @Test
    @DisplayName("a round that was claimed but never posted takes no round number: streaks go on")
    void abandonedClaimTakesNoNumber() {
        setUpWeekdays();
        at("2026-11-30T08:00:00Z"); // Monday: round 1
        discord.failWith = new RoundPublisher.ChannelUnavailable("I lack Send Messages in #drill");
        at("2026-12-01T08:00:00Z"); // Tuesday: refused, guild paused
        discord.failWith = null;
        settings.save(settings.find(GUILD).orElseThrow().withPaused(false, ""));
        service.reschedule(GUILD);
        at("2026-12-02T08:00:00Z"); // Wednesday

        RoundStore store = new RoundStore(REDIS.template(), settings, clock);
        assertThat(store.latest(GUILD)).hasValueSatisfying(r -> {
            assertThat(r.date()).isEqualTo("2026-12-02");
            assertThat(r.seq()).isEqualTo(2);
        });
    }

    @Nested
    @DisplayName("the rush: many guilds due at the same instant")
    class Rush {

        private void setUpGuilds(int count) {
            for (long guild = GUILD; guild < GUILD + count; guild++) {
                settings.save(new GuildSettings(
                        guild,
                        500 + guild,
                        LocalTime.of(9, 0),
                        BERLIN,
                        EnumSet.allOf(DayOfWeek.class),
                        List.of(Level.values()),
                        0,
                        0,
                        false,
                        ""));
                service.reschedule(guild);
            }
        }

        @Test
        @DisplayName("one tick takes every due guild, 600 of them: none waits for a later tick")
        void everyDueGuildInOneTick() {
            setUpGuilds(600);

            at("2026-11-30T08:00:00Z");

            assertThat(discord.posts)
                    .extracting(RoundPublisher.Post::guild)
                    .doesNotHaveDuplicates()
                    .hasSize(600);
        }

        @Test
        @DisplayName("a guild reached after a long queue is not late: lateness counts from when the tick saw it due")
        void longQueueIsNotLate() {
            // GIVEN 12 guilds due at 09:00, and each post takes Discord a whole minute
            setUpGuilds(12);
            discord.postTakes = Duration.ofMinutes(1);

            // WHEN one tick at 09:00 opens them all, the last ones well after 09:01
            at("2026-11-30T08:00:00Z");

            // THEN all are posted, none marked late
            assertThat(clock.instant()).isAfterOrEqualTo(Instant.parse("2026-11-30T08:12:00Z"));
            assertThat(discord.posts).hasSize(12).noneMatch(RoundPublisher.Post::late);
        }
    }

    @Nested
    @DisplayName("moments inside a round")
    class Moments {

        @Test
        @DisplayName("a moment fires once at its time, from one of two instances, and never again")
        void firesOnceAtItsTime() {
            setUpWeekdays();
            RoundService other = newInstance(new FakePublisher());
            at("2026-11-30T08:00:00Z");

            at("2026-11-30T09:59:59Z", service, other);
            assertThat(reminder.fired).isEmpty();

            at("2026-11-30T10:00:00Z", service, other);
            at("2026-11-30T10:00:01Z", other, service);
            at("2026-11-30T12:00:00Z", other, service);

            assertThat(reminder.fired).containsExactly("2026-11-30@2026-11-30T10:00:00Z");
            // The scheduler was told to come back at the moment's time, not only at the next opening.
            assertThat(new DueSchedule(REDIS.template()).due(GUILD)).contains(Instant.parse("2026-12-01T08:00:00Z"));
        }

        @Test
        @DisplayName("the tick after the opening books the moment's time as the guild's next due work")
        void booksItsTime() {
            setUpWeekdays();
            at("2026-11-30T08:00:00Z");

            assertThat(new DueSchedule(REDIS.template()).due(GUILD)).contains(Instant.parse("2026-11-30T10:00:00Z"));
        }

        @Test
        @DisplayName("a moment that fails is tried again at the next tick and then fires once")
        void retriedAfterFailure() {
            setUpWeekdays();
            at("2026-11-30T08:00:00Z");
            reminder.failures = 1;

            at("2026-11-30T10:00:00Z");
            assertThat(reminder.fired).isEmpty();
            assertThat(new DueSchedule(REDIS.template()).due(GUILD)).contains(Instant.parse("2026-11-30T10:00:30Z"));

            at("2026-11-30T10:00:30Z");
            at("2026-11-30T10:01:00Z");
            assertThat(reminder.fired).containsExactly("2026-11-30@2026-11-30T10:00:30Z");
        }

        @Test
        @DisplayName("a moment the close needs fires before the recap; one whose time is past the close never fires")
        void beforeTheClose() {
            setUpWeekdays();
            reminder.offset = Duration.ofDays(2);
            at("2026-11-30T08:00:00Z");

            at("2026-12-01T08:00:00Z");

            assertThat(reveal.fired).containsExactly("2026-11-30@2026-12-01T08:00:00Z");
            assertThat(reveal.closingsSeenWhenFired).containsExactly(0);
            assertThat(reminder.fired).isEmpty();
            assertThat(discord.closings).hasSize(1);
        }

        @Test
        @DisplayName("a close waits while a moment it needs fails, and recaps once the moment is out")
        void closeWaitsForItsMoment() {
            setUpWeekdays();
            at("2026-11-30T08:00:00Z");
            reveal.failures = 1;

            at("2026-12-01T08:00:00Z");
            assertThat(discord.closings).isEmpty();

            at("2026-12-01T08:00:30Z");
            assertThat(reveal.fired).hasSize(1);
            assertThat(discord.closings)
                    .singleElement()
                    .satisfies(c -> assertThat(c.recap().date()).isEqualTo("2026-11-30"));
            assertThat(discord.posts).extracting(RoundPublisher.Post::date).containsExactly("2026-11-30", "2026-12-01");
        }
    }

    /** A moment at a fixed offset after the round opened; records when it fired, can fail. */
    final class FakeMoment implements RoundMoment {
        final String name;
        Duration offset;
        final boolean beforeClose;
        final List<String> fired = new ArrayList<>();
        final List<Integer> closingsSeenWhenFired = new ArrayList<>();
        int failures;

        FakeMoment(String name, Duration offset, boolean beforeClose) {
            this.name = name;
            this.offset = offset;
            this.beforeClose = beforeClose;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public java.util.Optional<Instant> at(GuildSettings settings, Round round) {
            return java.util.Optional.of(round.opens().plus(offset));
        }

        @Override
        public void fire(GuildSettings settings, Round round) {
            if (failures > 0) {
                failures--;
                throw new IllegalStateException("503 Service Unavailable");
            }
            fired.add(round.date() + "@" + clock.instant());
            closingsSeenWhenFired.add(discord.closings.size());
        }

        @Override
        public boolean beforeClose() {
            return beforeClose;
        }
    }

    @Nested
    @DisplayName("admin actions")
    class Admin {

        @Test
        @DisplayName("post-now opens today's round at once; a second post-now is refused")
        void postNow() {
            setUpWeekdays();

            RoundAdmin.PostNow first = admin().postNow(GUILD);
            RoundAdmin.PostNow second = admin().postNow(GUILD);

            assertThat(first).isEqualTo(new RoundAdmin.PostNow.Posted(500));
            assertThat(second)
                    .isEqualTo(new RoundAdmin.PostNow.AlreadyPosted(
                            java.time.LocalDate.parse("2026-11-30"), Instant.parse("2026-12-01T08:00:00Z")));
            assertThat(discord.posts).hasSize(1);

            at("2026-11-30T08:00:00Z"); // today's scheduled time: the round exists already
            assertThat(discord.posts).hasSize(1);
        }

        @Test
        @DisplayName("skip closes the open round unscored, and the schedule goes on")
        void skip() {
            setUpWeekdays();
            at("2026-11-30T08:00:00Z");

            RoundAdmin.Skip outcome = admin().skip(GUILD);
            // until the next round there is no latest round: the skipped one counts for nothing
            assertThat(new RoundStore(REDIS.template(), settings, clock).latest(GUILD))
                    .isEmpty();
            at("2026-12-01T08:00:00Z");

            assertThat(outcome).isEqualTo(new RoundAdmin.Skip.Skipped("2026-11-30"));
            assertThat(discord.closings)
                    .singleElement()
                    .satisfies(c -> assertThat(c.recap().skipped()).isTrue());
            assertThat(discord.posts).hasSize(2);
            assertThat(admin().skip(GUILD)).isEqualTo(new RoundAdmin.Skip.Skipped("2026-12-01"));
            assertThat(admin().skip(GUILD)).isEqualTo(new RoundAdmin.Skip.NothingOpen());
        }

        @Test
        @DisplayName("a paused guild posts nothing until resumed")
        void pause() {
            setUpWeekdays();
            settings.save(settings.find(GUILD).orElseThrow().withPaused(true, ""));
            service.reschedule(GUILD);

            at("2026-11-30T08:00:00Z");
            assertThat(discord.posts).isEmpty();

            settings.save(settings.find(GUILD).orElseThrow().withPaused(false, ""));
            service.reschedule(GUILD);
            at("2026-12-01T08:00:00Z");
            assertThat(discord.posts).hasSize(1);
        }

        @Test
        @DisplayName("a deleted channel pauses the guild with the reason, and it is not retried forever")
        void channelGone() {
            setUpWeekdays();
            discord.failWith = new RoundPublisher.ChannelUnavailable("the practice channel no longer exists");

            at("2026-11-30T08:00:00Z");
            at("2026-11-30T08:10:00Z");
            at("2026-12-01T08:00:00Z");

            assertThat(discord.attempts).isEqualTo(1);
            GuildSettings paused = settings.find(GUILD).orElseThrow();
            assertThat(paused.paused()).isTrue();
            assertThat(paused.pausedReason()).contains("no longer exists");
        }
    }

    /** Records what would go to Discord; can fail like Discord or a dying process would. */
    final class FakePublisher implements RoundPublisher {
        final List<Post> posts = new ArrayList<>();
        final List<Instant> postedAt = new ArrayList<>();
        final List<Closing> closings = new ArrayList<>();
        final Set<String> nonces = new HashSet<>();
        final AtomicLong ids = new AtomicLong(1000);
        RuntimeException failWith;
        Duration postTakes = Duration.ZERO;
        int attempts;
        String lastNonce;
        dev.drill.content.Question lastQuestion;
        boolean ready = true;

        @Override
        public boolean ready() {
            return ready;
        }

        @Override
        public boolean owns(long guild) {
            return true;
        }

        @Override
        public CompletableFuture<java.util.Optional<Long>> findPost(Post post) {
            return CompletableFuture.completedFuture(java.util.Optional.empty());
        }

        @Override
        public synchronized CompletableFuture<Long> post(Post post) {
            clock.advance(postTakes);
            attempts++;
            lastNonce = post.nonce();
            lastQuestion = post.question();
            if (failWith != null) {
                throw failWith;
            }
            posts.add(post);
            postedAt.add(clock.instant());
            return CompletableFuture.completedFuture(ids.incrementAndGet());
        }

        int threadFailures;
        int threadAttempts;

        @Override
        public synchronized CompletableFuture<Long> startThread(Post post, long message) {
            threadAttempts++;
            if (threadFailures > 0) {
                threadFailures--;
                // As JDA fails: the future, not the call.
                return CompletableFuture.failedFuture(new IllegalStateException("502 Bad Gateway"));
            }
            return CompletableFuture.completedFuture(message);
        }

        @Override
        public synchronized CompletableFuture<Void> close(Closing closing) {
            closings.add(closing);
            return CompletableFuture.completedFuture(null);
        }
    }
}
