package dev.drill.answer;

import dev.drill.ops.DrillMetrics;
import dev.drill.score.EventIds;
import dev.drill.score.RoundDirectory;
import dev.drill.score.RoundRef;
import dev.drill.score.ScoreChange;
import dev.drill.score.ScoreRetryQueue;
import dev.drill.score.ScoreStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * Turns what happens in a round's thread (messages, edits, deletions, 👍 reactions, the best-answer award)
 * into score changes. Decides what counts (open round, qualifying text, not a bot); the scripts behind
 * {@link ScoreStore} decide the rest (first answer per member, idempotency, points).
 */
@Service
public final class AnswerService {

    private final RoundDirectory rounds;
    private final ScoreStore store;
    private final ScoreRetryQueue writes;
    private final Clock clock;
    private final DrillMetrics metrics;

    /** The guild's answer mode and who wrote the bot's form posts; null where only thread answers exist. */
    private final AnswerForms forms;

    /** 2015-01-01T00:00:00Z, the epoch of Discord's snowflake ids. */
    private static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;

    /** Thread answers only, as before answer modes existed (tests of scoring that need no modes). */
    public AnswerService(
            RoundDirectory rounds, ScoreStore store, ScoreRetryQueue writes, Clock clock, DrillMetrics metrics) {
        this(rounds, store, writes, clock, metrics, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    AnswerService(
            RoundDirectory rounds,
            ScoreStore store,
            ScoreRetryQueue writes,
            Clock clock,
            DrillMetrics metrics,
            AnswerForms forms) {
        this.rounds = rounds;
        this.store = store;
        this.writes = writes;
        this.clock = clock;
        this.metrics = metrics;
        this.forms = forms;
    }

    /** A new message: the member's answer if it is their first qualifying one in an open round. */
    public void onMessage(ThreadMessage message) {
        submit(messageEvent(message), () -> "answer " + message.messageId());
    }

    /**
     * An edited message: a counted answer that no longer qualifies is withdrawn; a message that now
     * qualifies becomes the answer if the member has none in the round.
     */
    public void onEdit(ThreadMessage message, Instant editedAt) {
        submit(editEvent(message, editedAt), () -> "edit of " + message.messageId());
    }

    /** A deleted message: a counted answer is withdrawn, and the message can never count later. */
    public void onDelete(long guild, long threadId, long messageId) {
        submit(deleteEvent(guild, threadId, messageId, clock.instant()), () -> "deleted message " + messageId);
    }

    /**
     * A 👍 added or removed. Bots' votes never count; for removals Discord does not say whether the voter is
     * a bot, which does not matter: a vote that never counted cannot be taken back.
     */
    public void onVote(long guild, long threadId, long messageId, long voterId, boolean voterIsBot, boolean added) {
        if (added && voterIsBot) {
            return;
        }
        submit(
                voteEvent(guild, threadId, messageId, voterId, added, clock.instant()),
                () -> (added ? "vote on " : "vote removed from ") + messageId + " by " + voterId);
    }

    /**
     * The same rules applied at once, with what they changed: for catching up with what members did while the
     * bot or Redis was away (the events come from Discord's history; the scripts make a repeat harmless).
     */
    public ScoreChange catchUpMessage(ThreadMessage message) {
        return applyNow(messageEvent(message));
    }

    public ScoreChange catchUpEdit(ThreadMessage message, Instant editedAt) {
        return applyNow(editEvent(message, editedAt));
    }

    /**
     * A deletion or a vote found while catching up happened at an unknown time: it is judged at the time the
     * answer was sent, so it applies to the round the answer belongs to even if that round closed since.
     */
    public ScoreChange catchUpDelete(long guild, long threadId, long messageId) {
        return applyNow(deleteEvent(guild, threadId, messageId, sentAt(messageId)));
    }

    public ScoreChange catchUpVote(long guild, long threadId, long messageId, long voterId, boolean added) {
        return applyNow(voteEvent(guild, threadId, messageId, voterId, added, sentAt(messageId)));
    }

    /** One member event: which round thread, when it happened, and the write it makes in an open round. */
    private record Event(long guild, long threadId, Instant happened, Function<RoundRef, ScoreChange> write) {
        static final Event NOTHING = new Event(0, 0, Instant.EPOCH, round -> ScoreChange.NONE);
    }

    private Event messageEvent(ThreadMessage message) {
        if (message.fromBot() || !qualifies(message)) {
            return Event.NOTHING;
        }
        Instant at = clock.instant();
        return new Event(
                message.guild(),
                message.threadId(),
                sentAt(message.messageId()),
                round -> threadAnswersCount(round)
                        ? countAnswer(store.recordAnswer(
                                round,
                                message.messageId(),
                                message.authorId(),
                                message.authorName(),
                                EventIds.created(message.messageId()),
                                at))
                        : ScoreChange.NONE);
    }

    /**
     * Whether a thread message can be an answer in this guild: not where members answer with the Answer
     * button (modal, blind), where the thread is for the posted answers and talk about them. Read in the
     * queued write, so a Redis blip delays the check like the write.
     */
    private boolean threadAnswersCount(RoundRef round) {
        return forms == null || forms.cachedMode(round.guild()) == AnswerMode.THREAD;
    }

    /**
     * Counts an answer given with the Answer button, now: {@code message} is the bot's post of it in the
     * round's thread, and its event id is derived from that message, so posting it again (a retried form, a
     * reveal retried after a failure) scores it once. Throws when Redis fails: the caller retries.
     */
    ScoreChange recordFormAnswer(RoundRef round, long message, long member, String name) {
        return countAnswer(
                store.recordAnswer(round, message, member, name, EventIds.created(message), clock.instant()));
    }

    private Event editEvent(ThreadMessage message, Instant editedAt) {
        if (message.fromBot()) {
            return Event.NOTHING;
        }
        Instant at = clock.instant();
        Instant edited = editedAt.equals(Instant.EPOCH) ? at : editedAt;
        String eventId = EventIds.edited(message.messageId(), editedAt.toEpochMilli());
        return new Event(
                message.guild(),
                message.threadId(),
                edited,
                qualifies(message)
                        ? round -> threadAnswersCount(round)
                                ? countAnswer(store.recordAnswer(
                                        round,
                                        message.messageId(),
                                        message.authorId(),
                                        message.authorName(),
                                        eventId,
                                        at))
                                : ScoreChange.NONE
                        : round -> store.withdraw(round, message.messageId(), eventId, at));
    }

    private Event deleteEvent(long guild, long threadId, long messageId, Instant happened) {
        Instant at = clock.instant();
        return new Event(
                guild, threadId, happened, round -> store.withdraw(round, messageId, EventIds.deleted(messageId), at));
    }

    private Event voteEvent(long guild, long threadId, long messageId, long voterId, boolean added, Instant happened) {
        Instant at = clock.instant();
        return new Event(guild, threadId, happened, round -> {
            ScoreChange change = store.vote(round, messageId, voterId, added, at);
            if (change == ScoreChange.COUNTED) {
                metrics.voteCounted();
            }
            return change;
        });
    }

    private ScoreChange applyNow(Event event) {
        if (event == Event.NOTHING) {
            return ScoreChange.NONE;
        }
        return rounds.openAt(event.guild(), event.threadId(), event.happened())
                .map(event.write())
                .orElse(ScoreChange.NONE);
    }

    /** All 👍 (or all reactions) of a message removed at once, e.g. by a moderator: its votes are taken back. */
    public void onVotesCleared(long guild, long threadId, long messageId) {
        Instant at = clock.instant();
        submit(
                new Event(guild, threadId, at, round -> store.clearVotes(round, messageId, at)),
                () -> "votes cleared on " + messageId);
    }

    /**
     * The moderator's best-answer award, open or closed round. Runs now rather than through the retry queue:
     * the moderator is waiting for the answer, and a failure is theirs to retry. A moderator's own answer is
     * refused before anything is read or written: the bonus is someone else's judgement.
     *
     * @param authorId who wrote the message
     * @param awarderId who chose it
     */
    public AwardOutcome awardBest(long guild, long threadId, long messageId, long authorId, long awarderId) {
        if (authorId == awarderId || formAuthor(guild, threadId, messageId) == awarderId) {
            return AwardOutcome.OWN_ANSWER;
        }
        return award(guild, threadId, messageId);
    }

    /** The member whose form answer the bot posted as {@code messageId}, or 0 (not a form answer). */
    long formAuthor(long guild, long threadId, long messageId) {
        if (forms == null) {
            return 0;
        }
        return rounds.byThread(guild, threadId)
                .map(round -> forms.memberOf(guild, round.date(), messageId).orElse(0))
                .orElse(0L);
    }

    /**
     * An award found while catching up: the bot's note in the thread shows a moderator made it (and was
     * allowed to), so it is applied again; the script makes a repeat change nothing.
     */
    public AwardOutcome catchUpAward(long guild, long threadId, long messageId) {
        return award(guild, threadId, messageId);
    }

    private AwardOutcome award(long guild, long threadId, long messageId) {
        // Answers and votes still waiting for Redis come first, or the award could miss the answer it names.
        writes.flush();
        Optional<RoundRef> round = rounds.byThread(guild, threadId);
        if (round.isEmpty()) {
            return AwardOutcome.NOT_AN_ANSWER;
        }
        ScoreChange change = store.award(round.get(), messageId, clock.instant());
        return switch (change) {
            case AWARDED -> AwardOutcome.AWARDED;
            case TAKEN -> AwardOutcome.ALREADY_AWARDED;
            default -> AwardOutcome.NOT_AN_ANSWER;
        };
    }

    /**
     * When Discord created a message, from its id (a snowflake carries its creation time): an answer is judged
     * by when it was sent, even if the bot processes it later.
     */
    static Instant sentAt(long messageId) {
        return Instant.ofEpochMilli((messageId >>> 22) + DISCORD_EPOCH_MILLIS);
    }

    private ScoreChange countAnswer(ScoreChange change) {
        if (change == ScoreChange.RECORDED) {
            metrics.answerCounted();
        }
        return change;
    }

    private boolean qualifies(ThreadMessage message) {
        return AnswerText.qualifies(
                message.content(), store.rules(message.guild()).minAnswerChars());
    }

    /**
     * Looks the round up and writes, both through the retry queue: a Redis blip during the lookup must not
     * lose the event any more than one during the write. Whether the round was open is judged at the event's
     * time, so an answer sent before the close still counts when Redis comes back after it; events of a thread
     * that is not a round's, or that came after its close, are ignored.
     */
    private void submit(Event event, Supplier<String> what) {
        if (event != Event.NOTHING) {
            writes.submit(what, () -> applyNow(event));
        }
    }
}
