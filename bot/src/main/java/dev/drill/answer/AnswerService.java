package dev.drill.answer;

import dev.drill.score.EventIds;
import dev.drill.score.ScoreChange;
import dev.drill.score.ScoreRetryQueue;
import dev.drill.score.ScoreStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
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

    public AnswerService(RoundDirectory rounds, ScoreStore store, ScoreRetryQueue writes, Clock clock) {
        this.rounds = rounds;
        this.store = store;
        this.writes = writes;
        this.clock = clock;
    }

    /** A new message: the member's answer if it is their first qualifying one in an open round. */
    public void onMessage(ThreadMessage message) {
        if (message.fromBot() || !qualifies(message)) {
            return;
        }
        openRound(message.guild(), message.threadId()).ifPresent(round -> {
            Instant at = clock.instant();
            writes.submit(
                    () -> "answer " + message.messageId() + " in " + round.date(),
                    () -> store.recordAnswer(
                            round,
                            message.messageId(),
                            message.authorId(),
                            message.authorName(),
                            EventIds.created(message.messageId()),
                            at));
        });
    }

    /**
     * An edited message: a counted answer that no longer qualifies is withdrawn; a message that now
     * qualifies becomes the answer if the member has none in the round.
     */
    public void onEdit(ThreadMessage message, Instant editedAt) {
        if (message.fromBot()) {
            return;
        }
        openRound(message.guild(), message.threadId()).ifPresent(round -> {
            Instant at = clock.instant();
            String eventId = EventIds.edited(message.messageId(), editedAt.toEpochMilli());
            if (qualifies(message)) {
                writes.submit(
                        () -> "edited answer " + message.messageId() + " in " + round.date(),
                        () -> store.recordAnswer(
                                round, message.messageId(), message.authorId(), message.authorName(), eventId, at));
            } else {
                writes.submit(
                        () -> "edit below the minimum " + message.messageId() + " in " + round.date(),
                        () -> store.withdraw(round, message.messageId(), eventId, at));
            }
        });
    }

    /** A deleted message: a counted answer is withdrawn, and the message can never count later. */
    public void onDelete(long guild, long threadId, long messageId) {
        openRound(guild, threadId).ifPresent(round -> {
            Instant at = clock.instant();
            writes.submit(
                    () -> "deleted message " + messageId + " in " + round.date(),
                    () -> store.withdraw(round, messageId, EventIds.deleted(messageId), at));
        });
    }

    /**
     * A 👍 added or removed. Bots' votes never count; for removals Discord does not say whether the voter is
     * a bot, which does not matter: a vote that never counted cannot be taken back.
     */
    public void onVote(long guild, long threadId, long messageId, long voterId, boolean voterIsBot, boolean added) {
        if (added && voterIsBot) {
            return;
        }
        openRound(guild, threadId).ifPresent(round -> {
            Instant at = clock.instant();
            writes.submit(
                    () -> (added ? "vote on " : "vote removed from ") + messageId + " by " + voterId,
                    () -> store.vote(round, messageId, voterId, added, at));
        });
    }

    /** All 👍 (or all reactions) of a message removed at once, e.g. by a moderator: its votes are taken back. */
    public void onVotesCleared(long guild, long threadId, long messageId) {
        openRound(guild, threadId).ifPresent(round -> {
            Instant at = clock.instant();
            writes.submit(
                    () -> "votes cleared on " + messageId + " in " + round.date(),
                    () -> store.clearVotes(round, messageId, at));
        });
    }

    /**
     * The moderator's best-answer award, open or closed round. Runs now rather than through the retry queue:
     * the moderator is waiting for the answer, and a failure is theirs to retry.
     */
    public AwardOutcome awardBest(long guild, long threadId, long messageId) {
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

    private boolean qualifies(ThreadMessage message) {
        return AnswerText.qualifies(
                message.content(), store.rules(message.guild()).minAnswerChars());
    }

    private Optional<RoundRef> openRound(long guild, long threadId) {
        return rounds.byThread(guild, threadId).filter(RoundRef::open);
    }
}
