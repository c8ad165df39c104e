package dev.drill.reconcile;

import dev.drill.answer.AnswerService;
import dev.drill.answer.ThreadMessage;
import dev.drill.ops.EventLanes;
import dev.drill.round.RoundCatchUp;
import dev.drill.round.RoundStore;
import dev.drill.score.RoundRef;
import dev.drill.score.ScoreChange;
import dev.drill.score.ScoreStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Rebuilds what Redis missed from Discord, the source of truth: after a fresh gateway session (events sent
 * while the bot was away are never delivered) and after Redis restarted (it may have lost its last
 * second), every round open or closed within the last week is caught up with its thread: answers, edits,
 * deletions, 👍 and award notes go through the same idempotent scripts as live events, judged by when each
 * message was sent, so repeating anything changes nothing. It runs in the background, paced by JDA's rate
 * limiter; a round about to close is caught up first, so its recap counts everything.
 */
@Component
public final class Reconciler implements RoundCatchUp, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    /** Rounds older than this are closed and recapped for good; the longest answer window is 7 days. */
    static final Duration WINDOW = Duration.ofDays(7);

    private final ThreadHistory history;
    private final RoundStore rounds;
    private final AnswerService answers;
    private final ScoreStore scores;
    private final RedisIdentity redis;
    private final EventLanes lanes;
    private final Clock clock;
    /** How long a catch-up waits for the login it was triggered by: elapsed time, not the rounds' clock. */
    private static final Duration READY_WAIT = Duration.ofMinutes(2);

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "drill-catch-up");
        thread.setDaemon(true);
        return thread;
    });

    /** Each request for a catch-up starts a generation; a round is caught up once per generation. */
    private final AtomicLong generation = new AtomicLong();

    private final Map<String, Long> caughtUp = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile String lastRunId;
    /** When the latest catch-up was requested (a fresh session, a Redis restart). */
    private volatile Instant requestedAt;

    Reconciler(
            ThreadHistory history,
            RoundStore rounds,
            AnswerService answers,
            ScoreStore scores,
            RedisIdentity redis,
            EventLanes lanes,
            Clock clock) {
        this.lanes = lanes;
        this.history = history;
        this.rounds = rounds;
        this.answers = answers;
        this.scores = scores;
        this.redis = redis;
        this.clock = clock;
    }

    /** Catches up with every recent round of every guild, in the background. */
    public void requestAll(String why) {
        requestedAt = clock.instant();
        long gen = generation.incrementAndGet();
        pending.incrementAndGet();
        worker.execute(() -> runAll(gen, why, System.nanoTime() + READY_WAIT.toNanos()));
    }

    private void runAll(long gen, String why, long giveUpAtNanos) {
        try {
            if (!history.ready()) {
                // The session's event comes just before the login completes: wait for it, briefly.
                if (System.nanoTime() - giveUpAtNanos > 0) {
                    log.warn("Catching up with Discord ({}) skipped: Discord did not become ready", why);
                    pending.decrementAndGet();
                    return;
                }
                worker.schedule(() -> runAll(gen, why, giveUpAtNanos), 100, TimeUnit.MILLISECONDS);
                return;
            }
            Instant since = clock.instant().minus(WINDOW);
            for (long guild : history.guilds()) {
                for (RoundRef round : rounds.since(guild, since)) {
                    catchUp(round.guild(), round.date(), gen);
                }
            }
            log.info("Caught up with Discord ({})", why);
        } catch (RuntimeException e) {
            // Nothing is lost by stopping here: the next fresh session or Redis restart tries again.
            log.warn("Catching up with Discord ({}) stopped: {}", why, e.toString());
        }
        pending.decrementAndGet();
    }

    /** True when no catch-up is queued or running (the playground waits for it before its next line). */
    public boolean idle() {
        return pending.get() == 0;
    }

    @Override
    public void beforeClose(long guild, String date) {
        // Live events already handed over from the gateway are applied first, so the recap counts them.
        lanes.settle(Duration.ofSeconds(2));
        long gen = generation.get();
        if (gen > 0) {
            // A round opened after the latest catch-up request lived entirely in this session (and Redis):
            // every event of its thread came live, so reading its history again would only cost requests,
            // one per round change in a rush.
            Instant requested = requestedAt;
            Optional<RoundRef> round = rounds.byDate(guild, date);
            if (round.isPresent() && requested != null && round.get().opensAt().isAfter(requested)) {
                return;
            }
            catchUp(guild, date, gen);
        }
    }

    /** Notices a Redis restart: its run id changed since the last tick. */
    @Override
    public void onTick() {
        String runId;
        try {
            runId = redis.runId();
        } catch (RuntimeException e) {
            return; // Redis away: the tick itself will say so
        }
        String last = lastRunId;
        lastRunId = runId;
        if (last != null && !last.equals(runId)) {
            requestAll("Redis restarted");
        }
    }

    /** Brings one round up to date with its thread, once per generation. */
    private synchronized void catchUp(long guild, String date, long gen) {
        String key = guild + ":" + date;
        if (caughtUp.getOrDefault(key, 0L) >= gen) {
            return;
        }
        Optional<RoundRef> found = rounds.byDate(guild, date);
        if (found.isEmpty() || found.get().threadId() == 0) {
            caughtUp.put(key, gen);
            return;
        }
        long thread = found.get().threadId();
        if (!history.visible(guild, thread)) {
            // Not seeing the thread is not seeing it empty: withdrawing its answers would lose what members
            // did. The round stays not caught up, so a later catch-up reads it once the bot sees it again.
            log.info("Guild {}: round {}'s thread is not visible to Drill now; its catch-up waits", guild, date);
            return;
        }
        Counts counts = new Counts();
        List<HistoryMessage> fresh = history.after(guild, thread, rounds.catchUpMark(guild, date));
        Map<Long, HistoryMessage> fetched = new HashMap<>();
        for (HistoryMessage m : fresh) {
            fetched.put(m.id(), m);
            if (!m.fromBot()) {
                counts.add(answers.catchUpMessage(message(guild, thread, m)));
                if (!m.editedAt().equals(Instant.EPOCH)) {
                    counts.add(answers.catchUpEdit(message(guild, thread, m), m.editedAt()));
                }
            } else if (m.awardOf() != 0) {
                answers.catchUpAward(guild, thread, m.awardOf());
            }
        }
        for (long answer : scores.answerMessages(guild, date)) {
            HistoryMessage known = fetched.get(answer);
            Optional<HistoryMessage> now = known != null ? Optional.of(known) : history.message(guild, thread, answer);
            if (now.isEmpty()) {
                counts.add(answers.catchUpDelete(guild, thread, answer));
                continue;
            }
            if (known == null && !now.get().editedAt().equals(Instant.EPOCH)) {
                counts.add(answers.catchUpEdit(
                        message(guild, thread, now.get()), now.get().editedAt()));
            }
            catchUpVotes(guild, date, thread, answer, now.get().thumbsUp(), counts);
        }
        if (!fresh.isEmpty()) {
            rounds.setCatchUpMark(guild, date, fresh.get(fresh.size() - 1).id());
        }
        caughtUp.put(key, gen);
        if (counts.any()) {
            log.info(
                    "Reconciled round {} of guild {}: {} answers, {} votes added, {} withdrawn",
                    date,
                    guild,
                    counts.answers,
                    counts.votesAdded,
                    counts.withdrawn);
        }
    }

    private void catchUpVotes(long guild, String date, long thread, long answer, List<Long> onDiscord, Counts counts) {
        Set<Long> stored = new HashSet<>(scores.voters(guild, date, answer));
        for (long voter : onDiscord) {
            if (!stored.contains(voter)
                    && answers.catchUpVote(guild, thread, answer, voter, true) == ScoreChange.COUNTED) {
                counts.votesAdded++;
            }
        }
        for (long voter : stored) {
            if (!onDiscord.contains(voter)
                    && answers.catchUpVote(guild, thread, answer, voter, false) == ScoreChange.COUNTED) {
                counts.withdrawn++;
            }
        }
    }

    private static ThreadMessage message(long guild, long thread, HistoryMessage m) {
        return new ThreadMessage(guild, thread, m.id(), m.authorId(), m.authorName(), m.fromBot(), m.content());
    }

    /** What one round's catch-up changed, for its log line. */
    private static final class Counts {
        int answers;
        int votesAdded;
        int withdrawn;

        void add(ScoreChange change) {
            if (change == ScoreChange.RECORDED) {
                answers++;
            } else if (change == ScoreChange.WITHDRAWN) {
                withdrawn++;
            }
        }

        boolean any() {
            return answers + votesAdded + withdrawn > 0;
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
