package dev.drill.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.answer.AnswerService;
import dev.drill.answer.ThreadMessage;
import dev.drill.redis.Keys;
import dev.drill.redis.RedisExtension;
import dev.drill.sim.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random sequences of messages, edits, deletes, votes, cleared votes, awards, voided rounds and redelivered events, after
 * which every board and member counter must equal what the stored answer records add up to.
 */
class ScoreInvariantTests {

    static final long GUILD = 903;
    /** Awards come from a moderator who never answers (voters are 1-7, authors 1-6). */
    static final long MODERATOR = 99;

    static final String LONG = "Back-pressure lets a slow consumer tell a fast producer to wait, instead of dropping.";
    static final String SHORT = "agreed";
    static final String[] DATES = {"2026-12-03", "2026-12-04", "2026-12-07", "2026-12-08"};

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension(Duration.ofMillis(500));

    FakeRounds rounds;
    MutableClock clock;
    AnswerService answers;
    ScoreService scores;
    List<RoundRef> open;

    @BeforeEach
    void setUp() {
        ScoringFixture scoring = ScoringFixture.on(REDIS.fixture(), Instant.parse("2026-12-03T10:00:00Z"));
        rounds = scoring.rounds;
        clock = scoring.clock;
        answers = scoring.answers;
        scores = scoring.scores;
        open = new ArrayList<>();
        for (int i = 0; i < DATES.length; i++) {
            open.add(rounds.open(GUILD, DATES[i], i + 1, 800 + i, ZoneId.of("Europe/Berlin")));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    @DisplayName(
            "after 400 random events: one answer per member and round; boards and counters equal the sum of the stored answers")
    void boardsMatchRecords(long seed) {
        // GIVEN a random but reproducible history
        Random random = new Random(seed);
        List<Runnable> history = new ArrayList<>();
        Map<Long, long[]> messages = new HashMap<>(); // message -> {author, round index}
        long nextMessage = 10_000;
        for (int step = 0; step < 400; step++) {
            clock.advance(Duration.ofSeconds(1 + random.nextInt(30)));
            int op = random.nextInt(100);
            Runnable event;
            if (op < 35 || messages.isEmpty()) {
                long id = nextMessage++;
                long author = 1 + random.nextInt(6);
                int r = random.nextInt(DATES.length);
                messages.put(id, new long[] {author, r});
                String text = random.nextInt(4) == 0 ? SHORT : LONG;
                event = () -> answers.onMessage(message(id, author, r, text));
            } else {
                long id = pick(random, messages);
                long author = messages.get(id)[0];
                int r = (int) messages.get(id)[1];
                long thread = open.get(r).threadId();
                if (op < 50) {
                    Instant edited = clock.instant();
                    String text = random.nextBoolean() ? SHORT : LONG;
                    event = () -> answers.onEdit(message(id, author, r, text), edited);
                } else if (op < 57) {
                    event = () -> answers.onDelete(GUILD, thread, id);
                } else if (op < 85) {
                    long voter = 1 + random.nextInt(7);
                    boolean add = random.nextInt(3) > 0;
                    event = () -> answers.onVote(GUILD, thread, id, voter, false, add);
                } else if (op < 87) {
                    event = () -> answers.onVotesCleared(GUILD, thread, id);
                } else if (op < 92) {
                    event = () -> answers.awardBest(GUILD, thread, id, author, MODERATOR);
                } else if (op < 93) {
                    event = () -> scores.voidRound(GUILD, open.get(r));
                } else {
                    // a redelivery of something that happened before
                    event = history.get(random.nextInt(history.size()));
                }
            }
            event.run();
            history.add(event);
        }

        // THEN
        assertConsistent();
    }

    private void assertConsistent() {
        Map<Long, Long> all = new HashMap<>();
        Map<String, Map<Long, Long>> weeks = new HashMap<>();
        Map<Long, Long> answerCount = new HashMap<>();
        Map<Long, Long> votes = new HashMap<>();
        Map<Long, Long> awards = new HashMap<>();
        for (String date : DATES) {
            String week = week(date);
            Map<Object, Object> hash = REDIS.template().opsForHash().entries(Keys.answers(GUILD, date));
            long votersInSet = size(Keys.voters(GUILD, date));
            long votesInRecords = 0;
            int bestCount = 0;
            java.util.Set<Long> authors = new java.util.HashSet<>();
            for (Map.Entry<Object, Object> e : hash.entrySet()) {
                String field = e.getKey().toString();
                if (!field.chars().allMatch(Character::isDigit)) {
                    bestCount += field.equals("best") ? 1 : 0;
                    continue;
                }
                String[] f = e.getValue().toString().split(",");
                long member = Long.parseLong(f[0]);
                assertThat(authors.add(member))
                        .as("one answer of %d in %s", member, date)
                        .isTrue();
                long points = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[4]) + Long.parseLong(f[5]);
                assertThat(Long.parseLong(f[4])).isEqualTo(Math.min(Long.parseLong(f[3]), 5));
                all.merge(member, points, Long::sum);
                weeks.computeIfAbsent(week, w -> new HashMap<>()).merge(member, points, Long::sum);
                answerCount.merge(member, 1L, Long::sum);
                votes.merge(member, Long.parseLong(f[3]), Long::sum);
                votesInRecords += Long.parseLong(f[3]);
                if (Long.parseLong(f[5]) > 0) {
                    awards.merge(member, 1L, Long::sum);
                }
            }
            assertThat(votersInSet).as("votes of %s", date).isEqualTo(votesInRecords);
            assertThat(bestCount).isLessThanOrEqualTo(1);
        }
        for (long member = 1; member <= 7; member++) {
            assertThat(board(Keys.boardAllTime(GUILD), member))
                    .as("all-time points of %d", member)
                    .isEqualTo(all.getOrDefault(member, 0L));
            for (String week : List.of("2026-W49", "2026-W50")) {
                assertThat(board(Keys.boardWeek(GUILD, week), member))
                        .as("%s points of %d", week, member)
                        .isEqualTo(weeks.getOrDefault(week, Map.of()).getOrDefault(member, 0L));
            }
            assertThat(board(Keys.boardMonth(GUILD, "2026-12"), member)).isEqualTo(all.getOrDefault(member, 0L));
            Map<Object, Object> counters = REDIS.template().opsForHash().entries(Keys.member(GUILD, member));
            assertThat(counter(counters, "answers"))
                    .as("answers of %d", member)
                    .isEqualTo(answerCount.getOrDefault(member, 0L));
            assertThat(counter(counters, "votes")).as("votes of %d", member).isEqualTo(votes.getOrDefault(member, 0L));
            assertThat(counter(counters, "awards"))
                    .as("awards of %d", member)
                    .isEqualTo(awards.getOrDefault(member, 0L));
        }
    }

    private ThreadMessage message(long id, long author, int round, String text) {
        return new ThreadMessage(GUILD, open.get(round).threadId(), id, author, "m" + author, false, text);
    }

    private static long pick(Random random, Map<Long, long[]> messages) {
        List<Long> ids = new ArrayList<>(messages.keySet());
        ids.sort(Long::compare);
        return ids.get(random.nextInt(ids.size()));
    }

    private static String week(String date) {
        LocalDate d = LocalDate.parse(date);
        return String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private long board(String key, long member) {
        Double score = REDIS.template().opsForZSet().score(key, Long.toString(member));
        return score == null ? 0 : (long) Math.floor(score / 1e10);
    }

    private long size(String key) {
        Long size = REDIS.template().opsForSet().size(key);
        return size == null ? 0 : size;
    }

    private static long counter(Map<Object, Object> hash, String field) {
        Object value = hash.get(field);
        return value == null ? 0 : Long.parseLong(value.toString());
    }
}
