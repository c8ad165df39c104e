package dev.drill.round;

import dev.drill.content.Question;
import dev.drill.content.QuestionBank;
import dev.drill.guild.GuildSettings;
import dev.drill.guild.GuildSettingsStore;
import dev.drill.ops.DrillMetrics;
import dev.drill.ops.GuildLog;
import dev.drill.score.RoundRef;
import dev.drill.score.ScoreService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * Opens and closes rounds exactly once. Opening claims the round in Redis ({@code SET NX}) before posting
 * and posts with a nonce derived from guild and round, so a retry, a restart between claim and post, or a
 * second instance on the same Redis never produces a second post.
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
    private final QuestionBank bank;
    private final RoundPublisher publisher;
    private final ScoreService scores;
    private final Clock clock;
    private final DrillMetrics metrics;
    private final RoundCatchUp catchUp;
    private final List<RoundMoment> moments;
    private final List<RecapNote> notes;
    private final String instance = UUID.randomUUID().toString();

    RoundService(
            RoundStore rounds,
            RoundClaims claims,
            DueSchedule due,
            QuestionPicker picker,
            GuildSettingsStore settingsStore,
            QuestionBank bank,
            RoundPublisher publisher,
            ScoreService scores,
            Clock clock,
            DrillMetrics metrics,
            RoundCatchUp catchUp,
            List<RoundMoment> moments,
            List<RecapNote> notes) {
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
     * Runs {@code work} alone with the round work of this instance: the scheduler's tick and the admin use
     * cases never interleave on one guild's rounds.
     */
    synchronized <T> T exclusive(java.util.function.Supplier<T> work) {
        return work.get();
    }

    /** Runs the due work of every guild whose next due instant has come. */
    public synchronized void runDue() {
        catchUp.onTick();
        if (!publisher.ready()) {
            // Due rounds wait for Discord; they are judged late only by their own time once it is back.
            log.debug("Discord not connected: due rounds wait");
            return;
        }
        Instant now = clock.instant();
        for (String guild : due.dueGuilds(now, 500)) {
            try (MDC.MDCCloseable ignored = GuildLog.about(Long.parseLong(guild))) {
                tick(Long.parseLong(guild), now);
            } catch (RuntimeException e) {
                log.error("Round work for guild {} failed; retrying in {}s", guild, RETRY.toSeconds(), e);
                due.scheduleDue(Long.parseLong(guild), now.plus(RETRY));
            }
        }
    }

    /** Closes the round whose window ended, opens the one whose time came, and books the next due instant. */
    void tick(long guild, Instant now) {
        Optional<GuildSettings> found = settingsStore.find(guild);
        if (found.isEmpty()) {
            due.unscheduleDue(guild);
            return;
        }
        GuildSettings settings = found.get();
        Schedule schedule = Schedule.of(settings);
        // Recaps owed from an earlier close; the close lease keeps another instance from posting the same.
        for (String date : rounds.pendingRecaps(guild)) {
            if (claims.claimClose(guild, date, instance, now, STALE_CLAIM)) {
                publishRecap(guild, date);
            }
        }
        currentRound(guild)
                .filter(Round::isOpen)
                .filter(r -> !now.isBefore(r.closes()))
                .ifPresent(r -> close(r, RoundState.CLOSED));

        Instant retry = null;
        if (!settings.paused()) {
            Instant effectiveFrom = rounds.effectiveFrom(guild);
            // A slot from before the schedule applied (setup, resume) is not caught up late.
            Optional<Instant> slot = schedule.latestOpeningAtOrBefore(now).filter(at -> !at.isBefore(effectiveFrom));
            if (slot.isPresent()) {
                LocalDate date = schedule.dateOf(slot.get());
                Instant closes = schedule.closeOf(date, slot.get());
                if (now.isBefore(closes)) {
                    boolean late = Duration.between(slot.get(), now).compareTo(LATE_AFTER) > 0;
                    retry = open(settings, date.toString(), now, closes, late).orElse(null);
                }
                // A window that passed entirely while the bot was away is skipped, never backfilled.
            }
        }
        Optional<Round> open = currentRound(guild).filter(Round::isOpen);
        if (open.isPresent()) {
            retry = earliest(retry, fireMoments(settings, open.get(), now, false));
        }
        bookNext(guild, now, retry);
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
    Optional<Instant> open(GuildSettings settings, String date, Instant now, Instant closes, boolean late) {
        long guild = settings.guild();
        Optional<Round> existing = rounds.find(guild, date);
        if (existing.isPresent() && existing.get().state() != RoundState.CLAIMED) {
            return Optional.empty();
        }
        RoundClaims.Claim mine = new RoundClaims.Claim(instance, now);
        if (!claims.claim(guild, date, mine)) {
            Optional<RoundClaims.Claim> theirs = claims.claimOf(guild, date);
            if (theirs.isPresent() && !theirs.get().instance().equals(instance)) {
                Instant staleAt = theirs.get().at().plus(STALE_CLAIM);
                if (now.isBefore(staleAt)) {
                    return Optional.of(staleAt);
                }
                if (!claims.takeOver(guild, date, theirs.get(), mine)) {
                    return Optional.of(now.plus(RETRY));
                }
                log.info("Guild {}: taking over the stale claim of round {}", guild, date);
            }
        }
        Optional<Round> claimedBefore = rounds.find(guild, date);
        Round round = claimedBefore.orElseGet(() -> claimNew(settings, date, now, closes, late));
        Question question = bank.byId(round.questionId()).orElseGet(() -> picker.pick(settings, date));
        RoundPublisher.Post post = new RoundPublisher.Post(
                guild,
                round.channel(),
                settings.pingRole(),
                nonce("open", guild, date),
                question,
                date,
                round.closes(),
                round.late());
        long message = round.message();
        long thread;
        try {
            if (message == 0 && claimedBefore.isPresent()) {
                // A retry that never recorded its post (Redis lost it, or a crash): past Discord's nonce
                // window a repost would be a second question, so look for the round's own post first.
                message = publisher.findPost(post).orElse(0L);
                if (message != 0) {
                    rounds.markPosted(guild, date, message);
                    log.info("Guild {}: round {} adopts its earlier post {}", guild, date, message);
                }
            }
            if (message == 0) {
                message = publisher.post(post);
                // Recorded at once: a retry from here on must not post again, whatever Discord's nonce window.
                rounds.markPosted(guild, date, message);
            }
            thread = publisher.startThread(post, message);
        } catch (RoundPublisher.ChannelUnavailable e) {
            pauseBecause(settings, e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            log.warn(
                    "Guild {}: could not post round {} ({}); retrying in {}s",
                    guild,
                    date,
                    e.getMessage(),
                    RETRY.toSeconds());
            return Optional.of(now.plus(RETRY));
        }
        rounds.markOpen(guild, date, message, thread);
        metrics.roundOpened(round.late());
        log.info(
                "Guild {}: round {} open with question {}{}",
                guild,
                date,
                question.id(),
                round.late() ? " (late)" : "");
        return Optional.empty();
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
    void close(Round round, RoundState how) {
        Instant now = clock.instant();
        if (!claims.claimClose(round.guild(), round.date(), instance, now, STALE_CLAIM)) {
            return;
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
        publishRecap(round.guild(), round.date());
    }

    /**
     * Locks the thread and posts the recap of a closed round, with the same nonces every time. A failure
     * leaves the recap owed, and the next tick tries again (the scheduler books one {@link #RETRY} ahead).
     */
    void publishRecap(long guild, String date) {
        Optional<Round> found = rounds.find(guild, date);
        if (found.isEmpty()) {
            rounds.recapPosted(guild, date);
            return;
        }
        Round round = found.get();
        boolean skipped = round.state() == RoundState.SKIPPED;
        Question question = bank.byId(round.questionId()).orElse(null);
        List<String> lines = new java.util.ArrayList<>();
        notes.forEach(note -> lines.addAll(note.lines(round)));
        Recap recap = new Recap(
                guild, round.thread(), date, question, skipped, scores.recap(guild, rounds.ref(round)), lines);
        try {
            publisher.close(new RoundPublisher.Closing(
                    guild, round.channel(), round.thread(), nonce("close", guild, date), recap));
        } catch (RoundPublisher.ChannelUnavailable e) {
            // The thread or channel is gone: no later try can post it.
            log.warn("Guild {}: round {} closed; its recap cannot be posted: {}", guild, date, e.getMessage());
            rounds.recapPosted(guild, date);
            metrics.roundClosed("recap-failed");
            return;
        } catch (RuntimeException e) {
            log.warn(
                    "Guild {}: round {} closed; its lock and recap will be tried again in {}s: {}",
                    guild,
                    date,
                    RETRY.toSeconds(),
                    e.getMessage());
            return;
        }
        rounds.recapPosted(guild, date);
        metrics.roundClosed(skipped ? "skipped" : "closed");
        log.info("Guild {}: round {} {}", guild, date, skipped ? "skipped" : "closed");
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
