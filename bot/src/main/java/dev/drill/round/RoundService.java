package dev.drill.round;

import dev.drill.content.GuildQuestions;
import dev.drill.content.Question;
import dev.drill.guild.GuildSettings;
import dev.drill.guild.GuildSettingsStore;
import dev.drill.ops.DrillMetrics;
import dev.drill.ops.Futures;
import dev.drill.ops.GuildLog;
import dev.drill.score.RoundRef;
import dev.drill.score.ScoreService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * Opens and closes rounds exactly once. Opening claims the round in Redis ({@code SET NX}) before posting
 * and posts with a nonce derived from guild and round, so a retry, a restart between claim and post, or a
 * second instance on the same Redis never produces a second post.
 *
 * <p>Built for the rush (every guild at 09:00): each tick takes every due guild of this process's shards and
 * hands its work to {@link RoundLanes} (many guilds at once, one piece of work per guild at a time). A
 * guild's work is a chain: Redis steps on the lanes' threads, Discord requests as futures in between, so no
 * thread waits for Discord.
 */
@Service
public final class RoundService {

    private static final Logger log = LoggerFactory.getLogger(RoundService.class);

    /** A post later than this after its scheduled time is marked late. */
    static final Duration LATE_AFTER = Duration.ofMinutes(1);
    /** A claim older than this whose round was never posted belongs to an instance that died. */
    static final Duration STALE_CLAIM = Duration.ofSeconds(60);
    /** How soon a failed post or close is tried again. */
    static final Duration RETRY = Duration.ofSeconds(30);

    private final RoundStore rounds;
    private final RoundClaims claims;
    private final DueSchedule due;
    private final QuestionPicker picker;
    private final GuildSettingsStore settingsStore;
    private final GuildQuestions bank;
    private final RoundPublisher publisher;
    private final ScoreService scores;
    private final Clock clock;
    private final DrillMetrics metrics;
    private final RoundCatchUp catchUp;
    private final List<RoundMoment> moments;
    private final RoundLanes lanes;
    private final List<RecapNote> notes;
    private final String instance = UUID.randomUUID().toString();

    RoundService(
            RoundStore rounds,
            RoundClaims claims,
            DueSchedule due,
            QuestionPicker picker,
            GuildSettingsStore settingsStore,
            GuildQuestions bank,
            RoundPublisher publisher,
            ScoreService scores,
            Clock clock,
            DrillMetrics metrics,
            RoundCatchUp catchUp,
            List<RoundMoment> moments,
            List<RecapNote> notes,
            RoundLanes lanes) {
        this.lanes = lanes;
        this.notes = List.copyOf(notes);
        this.catchUp = catchUp;
        this.moments = List.copyOf(moments);
        this.rounds = rounds;
        this.claims = claims;
        this.due = due;
        this.picker = picker;
        this.metrics = metrics;
        this.settingsStore = settingsStore;
        this.bank = bank;
        this.publisher = publisher;
        this.scores = scores;
        this.clock = clock;
    }

    /**
     * Runs {@code work} alone with the round work of this instance on the guild: the scheduler's tick and the
     * admin use cases never interleave on one guild's rounds (other guilds go on meanwhile).
     */
    <T> T exclusive(long guild, Supplier<T> work) {
        return lanes.exclusive(guild, work);
    }

    /** Runs the due work of every guild of this process whose next due instant has come, and waits for it. */
    public void runDue() {
        await(dispatchDue());
    }

    /**
     * Starts the due work of every guild of this process whose next due instant has come (all of them: no
     * cap delays the tail of a rush), and returns when it is all done. A guild whose work from an earlier tick
     * is still queued or running is left to that work. A guild of a shard another process runs is left due
     * for its owner: never paused, never closed here.
     */
    public CompletableFuture<Void> dispatchDue() {
        catchUp.onTick();
        if (!publisher.ready()) {
            // Due rounds wait for Discord; they are judged late only by their own time once it is back.
            log.debug("Discord not connected: due rounds wait");
            return CompletableFuture.completedFuture(null);
        }
        // When this tick first saw the guilds due: lateness is measured from here, not from when the queue
        // reached the guild, so a long rush never makes a guild late.
        Instant seen = clock.instant();
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (String id : due.dueGuilds(seen)) {
            long guild = Long.parseLong(id);
            if (!publisher.owns(guild)) {
                continue;
            }
            lanes.submit(guild, () -> guildWork(guild, seen)).ifPresent(started::add);
        }
        return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new));
    }

    /** One guild's due work; a failure books a retry, so the tick goes on with the other guilds. */
    private CompletableFuture<Void> guildWork(long guild, Instant seen) {
        Instant now = clock.instant();
        CompletableFuture<Void> work;
        try (MDC.MDCCloseable ignored = GuildLog.about(guild)) {
            work = tick(guild, now, seen);
        } catch (RuntimeException e) {
            work = CompletableFuture.failedFuture(e);
        }
        return work.handle((ok, failure) -> {
            if (failure != null) {
                log.error(
                        "Round work for guild {} failed; retrying in {}s",
                        guild,
                        RETRY.toSeconds(),
                        Futures.unwrap(failure));
                due.scheduleDue(guild, now.plus(RETRY));
            }
            return null;
        });
    }

    /**
     * Closes the round whose window ended, opens the one whose time came, and books the next due instant.
     * {@code seen}: when a tick first saw the guild due, the instant lateness is judged by.
     */
    CompletableFuture<Void> tick(long guild, Instant now, Instant seen) {
        Optional<GuildSettings> found = settingsStore.find(guild);
        if (found.isEmpty()) {
            due.unscheduleDue(guild);
            return CompletableFuture.completedFuture(null);
        }
        GuildSettings settings = found.get();
        Schedule schedule = Schedule.of(settings);
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        // Recaps owed from an earlier close; the close lease keeps another instance from posting the same.
        for (String date : rounds.pendingRecaps(guild)) {
            chain = chain.thenCompose(ignored -> claims.claimClose(guild, date, instance, now, STALE_CLAIM)
                    ? publishRecap(guild, date)
                    : CompletableFuture.completedFuture(null));
        }
        return chain.thenCompose(ignored -> currentRound(guild)
                        .filter(Round::isOpen)
                        .filter(r -> !now.isBefore(r.closes()))
                        .map(r -> close(r, RoundState.CLOSED))
                        .orElse(CompletableFuture.completedFuture(null)))
                .thenCompose(ignored -> openDue(settings, schedule, now, seen))
                .thenAccept(retryOpen -> {
                    Instant retry = retryOpen;
                    Optional<Round> open = currentRound(guild).filter(Round::isOpen);
                    if (open.isPresent()) {
                        retry = earliest(retry, fireMoments(settings, open.get(), now, false));
                    }
                    bookNext(guild, now, retry);
                });
    }

    /** Opens the round whose slot came, if any; completes with when to try again, or null. */
    private CompletableFuture<Instant> openDue(GuildSettings settings, Schedule schedule, Instant now, Instant seen) {
        if (settings.paused()) {
            return CompletableFuture.completedFuture(null);
        }
        Instant effectiveFrom = rounds.effectiveFrom(settings.guild());
        // A slot from before the schedule applied (setup, resume) is not caught up late.
        Optional<Instant> slot = schedule.latestOpeningAtOrBefore(now).filter(at -> !at.isBefore(effectiveFrom));
        if (slot.isPresent()) {
            LocalDate date = schedule.dateOf(slot.get());
            Instant closes = schedule.closeOf(date, slot.get());
            if (now.isBefore(closes)) {
                boolean late = Duration.between(slot.get(), seen).compareTo(LATE_AFTER) > 0;
                return open(settings, date.toString(), now, closes, late).thenApply(retry -> retry.orElse(null));
            }
            // A window that passed entirely while the bot was away is skipped, never backfilled.
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Books the guild's next due instant: its next opening, an open round's close, or a retry. */
    void bookNext(long guild, Instant now, Instant retry) {
        // Read again: opening may just have paused the guild (a lost channel).
        Instant next = settingsStore
                .find(guild)
                .filter(s -> !s.paused())
                .map(s -> Schedule.of(s).nextOpening(now))
                .orElse(null);
        Optional<Round> open = currentRound(guild).filter(Round::isOpen);
        if (open.isPresent()) {
            next = earliest(next, open.get().closes());
            next = earliest(next, nextMoment(open.get(), now));
        }
        next = earliest(next, retry);
        if (!rounds.pendingRecaps(guild).isEmpty()) {
            next = earliest(next, now.plus(RETRY));
        }
        if (next == null) {
            due.unscheduleDue(guild);
        } else {
            due.scheduleDue(guild, next);
        }
    }

    /**
     * Opens the round of a date unless it already exists. Returns when to try again if the round could
     * not be posted now (another instance holds a fresh claim, or Discord failed).
     */
    CompletableFuture<Optional<Instant>> open(
            GuildSettings settings, String date, Instant now, Instant closes, boolean late) {
        long guild = settings.guild();
        Optional<Round> existing = rounds.find(guild, date);
        if (existing.isPresent() && existing.get().state() != RoundState.CLAIMED) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        RoundClaims.Claim mine = new RoundClaims.Claim(instance, now);
        if (!claims.claim(guild, date, mine)) {
            Optional<RoundClaims.Claim> theirs = claims.claimOf(guild, date);
            if (theirs.isPresent() && !theirs.get().instance().equals(instance)) {
                Instant staleAt = theirs.get().at().plus(STALE_CLAIM);
                if (now.isBefore(staleAt)) {
                    return CompletableFuture.completedFuture(Optional.of(staleAt));
                }
                if (!claims.takeOver(guild, date, theirs.get(), mine)) {
                    return CompletableFuture.completedFuture(Optional.of(now.plus(RETRY)));
                }
                log.info("Guild {}: taking over the stale claim of round {}", guild, date);
            }
        }
        Optional<Round> claimedBefore = rounds.find(guild, date);
        Round round = claimedBefore.orElseGet(() -> claimNew(settings, date, now, closes, late));
        Question question = bank.byId(guild, round.questionId()).orElseGet(() -> picker.pick(settings, date));
        RoundPublisher.Post post = new RoundPublisher.Post(
                guild,
                round.channel(),
                settings.pingRole(),
                nonce("open", guild, date),
                question,
                date,
                round.closes(),
                round.late());
        CompletableFuture<Long> posted;
        if (round.message() == 0 && claimedBefore.isPresent()) {
            // A retry that never recorded its post (Redis lost it, or a crash): past Discord's nonce
            // window a repost would be a second question, so look for the round's own post first.
            posted = call(() -> publisher.findPost(post)).thenApply(found -> {
                long message = found.orElse(0L);
                if (message != 0) {
                    rounds.markPosted(guild, date, message);
                    log.info("Guild {}: round {} adopts its earlier post {}", guild, date, message);
                }
                return message;
            });
        } else {
            posted = CompletableFuture.completedFuture(round.message());
        }
        return posted.thenCompose(message -> message != 0
                        ? CompletableFuture.completedFuture(message)
                        : call(() -> publisher.post(post)).thenApply(id -> {
                            // Recorded at once: a retry from here on must not post again, whatever Discord's
                            // nonce window.
                            rounds.markPosted(guild, date, id);
                            return id;
                        }))
                .thenCompose(message -> call(() -> publisher.startThread(post, message))
                        .thenApply(thread -> {
                            rounds.markOpen(guild, date, message, thread);
                            metrics.roundOpened(round.late());
                            log.info(
                                    "Guild {}: round {} open with question {}{}",
                                    guild,
                                    date,
                                    question.id(),
                                    round.late() ? " (late)" : "");
                            return Optional.<Instant>empty();
                        }))
                .exceptionally(failure -> {
                    Throwable cause = Futures.unwrap(failure);
                    if (cause instanceof RoundPublisher.ChannelUnavailable) {
                        pauseBecause(settings, cause.getMessage());
                        return Optional.empty();
                    }
                    if (cause instanceof RuntimeException) {
                        log.warn(
                                "Guild {}: could not post round {} ({}); retrying in {}s",
                                guild,
                                date,
                                cause.getMessage(),
                                RETRY.toSeconds());
                        return Optional.of(now.plus(RETRY));
                    }
                    throw new CompletionException(cause);
                });
    }

    private Round claimNew(GuildSettings settings, String date, Instant now, Instant closes, boolean late) {
        Question question = picker.pick(settings, date);
        Round round = new Round(
                settings.guild(),
                date,
                question.id(),
                0, // taken when the round opens
                settings.channel(),
                0,
                0,
                now,
                closes,
                late,
                RoundState.CLAIMED);
        rounds.saveClaimed(round);
        return round;
    }

    /**
     * Fires the round's moments whose time came (all that must precede the close, when {@code closing}).
     * Returns when to try again if one failed or another instance holds it, or null.
     */
    private Instant fireMoments(GuildSettings settings, Round round, Instant now, boolean closing) {
        Instant retry = null;
        for (RoundMoment moment : moments) {
            Optional<Instant> at = moment.at(settings, round);
            if (at.isEmpty() || claims.momentIsDone(round.guild(), round.date(), moment.name())) {
                continue;
            }
            boolean due = closing ? moment.beforeClose() : !now.isBefore(at.get()) && now.isBefore(round.closes());
            if (!due) {
                continue;
            }
            if (!claims.claimMoment(round.guild(), round.date(), moment.name(), instance, now, STALE_CLAIM)) {
                retry = earliest(retry, now.plus(RETRY));
                continue;
            }
            try {
                moment.fire(settings, round);
                claims.momentDone(round.guild(), round.date(), moment.name());
                log.info("Guild {}: round {} {}", round.guild(), round.date(), moment.name());
            } catch (RuntimeException e) {
                log.warn(
                        "Guild {}: round {} {} failed ({}); retrying in {}s",
                        round.guild(),
                        round.date(),
                        moment.name(),
                        e.getMessage(),
                        RETRY.toSeconds());
                retry = earliest(retry, now.plus(RETRY));
            }
        }
        return retry;
    }

    /** The earliest time of an open round's moments still to come (before its close, or owed by it). */
    private Instant nextMoment(Round round, Instant now) {
        Optional<GuildSettings> settings = settingsStore.find(round.guild());
        if (settings.isEmpty()) {
            return null;
        }
        Instant next = null;
        for (RoundMoment moment : moments) {
            Optional<Instant> at = moment.at(settings.get(), round);
            if (at.isPresent()
                    && at.get().isBefore(round.closes())
                    && !claims.momentIsDone(round.guild(), round.date(), moment.name())) {
                next = earliest(next, at.get().isAfter(now) ? at.get() : now.plus(RETRY));
            }
        }
        return next;
    }

    /**
     * Books the guild's next due work after its settings changed (setup, pause, resume). It does not post a
     * slot that already passed today: catching up late is for a bot that was down, not for a new schedule.
     */
    public void reschedule(long guild) {
        rounds.setEffectiveFrom(guild, clock.instant());
        bookNext(guild, clock.instant(), null);
    }

    /**
     * Books the guild's next due work again after a setting that moves no slot changed (a reminder, a
     * reveal): unlike {@link #reschedule}, a slot the bot owes late is still caught up.
     */
    public void rebook(long guild) {
        bookNext(guild, clock.instant(), null);
    }

    /** When the guild's next round opens, if it is scheduled. */
    public Optional<Instant> nextOpening(long guild) {
        Instant now = clock.instant();
        return settingsStore.find(guild).filter(s -> !s.paused()).map(s -> upcomingOpening(guild, Schedule.of(s), now));
    }

    /**
     * The next opening that will really post: a slot whose local date already has its round (one posted
     * early with post-now) opens nothing, so the one after it is the next.
     */
    Instant upcomingOpening(long guild, Schedule schedule, Instant now) {
        Instant next = schedule.nextOpening(now);
        for (int i = 0;
                i < 7 && rounds.find(guild, schedule.dateOf(next).toString()).isPresent();
                i++) {
            next = schedule.nextOpening(next);
        }
        return next;
    }

    /** The guild's open round, if any. */
    public Optional<Round> openRound(long guild) {
        return currentRound(guild).filter(Round::isOpen);
    }

    /**
     * Closes a round once: locks its thread and posts the recap. Every step can run again, so a close that
     * failed halfway (Redis away, a crash) is finished by the next tick of this instance, or by another
     * instance once the claim is stale.
     */
    CompletableFuture<Void> close(Round round, RoundState how) {
        Instant now = clock.instant();
        if (!claims.claimClose(round.guild(), round.date(), instance, now, STALE_CLAIM)) {
            return CompletableFuture.completedFuture(null);
        }
        RoundRef ref = rounds.ref(new Round(
                round.guild(),
                round.date(),
                round.questionId(),
                round.seq(),
                round.channel(),
                round.message(),
                round.thread(),
                round.opens(),
                round.closes(),
                round.late(),
                how));
        if (how == RoundState.CLOSED) {
            // What members did while the bot or Redis was away counts before the round is closed and recapped.
            catchUp.beforeClose(round.guild(), round.date());
            Optional<GuildSettings> settings = settingsStore.find(round.guild());
            if (settings.isPresent() && fireMoments(settings.get(), round, now, true) != null) {
                // A moment the close needs (blind answers out) failed: the round stays open and is tried again.
                throw new IllegalStateException("round " + round.date() + " cannot close before its moments");
            }
        }
        if (how == RoundState.SKIPPED) {
            // Before the state changes: a failure here leaves the round open, so the skip can be run again.
            scores.voidRound(round.guild(), ref);
        }
        // From here on, answers, edits and votes in the thread no longer count; the recap is owed until out.
        rounds.markClosed(round.guild(), round.date(), how, now);
        return publishRecap(round.guild(), round.date());
    }

    /**
     * Locks the thread and posts the recap of a closed round, with the same nonces every time. A failure
     * leaves the recap owed, and the next tick tries again (the scheduler books one {@link #RETRY} ahead).
     */
    CompletableFuture<Void> publishRecap(long guild, String date) {
        Optional<Round> found = rounds.find(guild, date);
        if (found.isEmpty()) {
            rounds.recapPosted(guild, date);
            return CompletableFuture.completedFuture(null);
        }
        Round round = found.get();
        boolean skipped = round.state() == RoundState.SKIPPED;
        Question question = bank.byId(guild, round.questionId()).orElse(null);
        List<String> lines = new java.util.ArrayList<>();
        notes.forEach(note -> lines.addAll(note.lines(round)));
        Recap recap = new Recap(
                guild, round.thread(), date, question, skipped, scores.recap(guild, rounds.ref(round)), lines);
        RoundPublisher.Closing closing =
                new RoundPublisher.Closing(guild, round.channel(), round.thread(), nonce("close", guild, date), recap);
        return call(() -> publisher.close(closing)).handle((ok, failure) -> {
            Throwable cause = failure == null ? null : Futures.unwrap(failure);
            if (cause instanceof RoundPublisher.ChannelUnavailable) {
                // The thread or channel is gone: no later try can post it.
                log.warn("Guild {}: round {} closed; its recap cannot be posted: {}", guild, date, cause.getMessage());
                rounds.recapPosted(guild, date);
                metrics.roundClosed("recap-failed");
                return null;
            }
            if (cause instanceof RuntimeException) {
                log.warn(
                        "Guild {}: round {} closed; its lock and recap will be tried again in {}s: {}",
                        guild,
                        date,
                        RETRY.toSeconds(),
                        cause.getMessage());
                return null;
            }
            if (cause != null) {
                throw new CompletionException(cause);
            }
            rounds.recapPosted(guild, date);
            metrics.roundClosed(skipped ? "skipped" : "closed");
            log.info("Guild {}: round {} {}", guild, date, skipped ? "skipped" : "closed");
            return null;
        });
    }

    /**
     * A Discord request of the publisher, continued on the lanes' threads when it comes back (the Redis steps
     * after it must not run on JDA's threads); a request that fails before it is sent is a failed future too.
     */
    private <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> request) {
        CompletableFuture<T> sent;
        try {
            sent = request.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<T> resumed = new CompletableFuture<>();
        sent.whenComplete((value, failure) -> {
            Runnable finish = () -> {
                if (failure != null) {
                    resumed.completeExceptionally(Futures.unwrap(failure));
                } else {
                    resumed.complete(value);
                }
            };
            try {
                lanes.executor().execute(finish);
            } catch (RejectedExecutionException e) {
                finish.run(); // shutting down
            }
        });
        return resumed;
    }

    /** Waits for round work on a thread that may wait (a test's, an admin command's), failing as it failed. */
    static <T> T await(CompletableFuture<T> work) {
        return Futures.join(work);
    }

    private void pauseBecause(GuildSettings settings, String reason) {
        log.warn("Guild {}: pausing Drill: {}", settings.guild(), reason);
        settingsStore.save(settings.withPaused(true, reason));
    }

    Optional<Round> currentRound(long guild) {
        return rounds.current(guild).flatMap(date -> rounds.find(guild, date));
    }

    /** A Discord nonce (at most 25 characters) that is the same for every retry of the same post. */
    public static String nonce(String what, long guild, String date) {
        UUID hash = UUID.nameUUIDFromBytes((what + ":" + guild + ":" + date).getBytes(StandardCharsets.UTF_8));
        return Long.toUnsignedString(hash.getMostSignificantBits(), 36);
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }
}
