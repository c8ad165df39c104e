package dev.drill.answer;

import dev.drill.score.RoundDirectory;
import dev.drill.score.RoundRef;
import dev.drill.score.ScoreChange;
import dev.drill.score.ScoreStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Answers given with the Answer button (modal and blind modes): a modal answer is posted into the round's
 * thread at once and scored like a thread answer, a second one edits the first; a blind answer waits in Redis
 * until the reveal posts all of them, in the order they came, and scores them.
 */
@Service
final class FormAnswers {

    /** Discord's limit for a text input, and so for an answer given in the form. */
    static final int TEXT_MAX = 4000;

    /** How long the posted-message map of a round is kept: as long as its votes can still be caught up. */
    static final Duration KEEP_POSTED = Duration.ofDays(10);

    /** Blind text of a round that never reveals (skipped) expires this long after its close. */
    static final Duration KEEP_BLIND_AFTER_CLOSE = Duration.ofDays(1);

    private final AnswerForms store;
    private final RoundDirectory rounds;
    private final AnswerService answers;
    private final AnswerPoster poster;
    private final ScoreStore scores;
    private final Clock clock;

    /** One member's submissions one at a time, so a double submit cannot post two messages. */
    private final Object[] memberLocks = new Object[64];

    FormAnswers(
            AnswerForms store,
            RoundDirectory rounds,
            AnswerService answers,
            AnswerPoster poster,
            ScoreStore scores,
            Clock clock) {
        this.store = store;
        this.rounds = rounds;
        this.answers = answers;
        this.poster = poster;
        this.scores = scores;
        this.clock = clock;
        for (int i = 0; i < memberLocks.length; i++) {
            memberLocks[i] = new Object();
        }
    }

    /** A submitted form: which round (its date and close, as the button carries them), who, and the text. */
    record Submission(long guild, String date, Instant closes, long member, String name, String text) {}

    /** What became of a submission; each is one sentence to the member. */
    sealed interface Outcome {}

    /** Posted in the thread as {@code message}; {@code change} is what scoring it did. */
    record Posted(long guild, long thread, long message, ScoreChange change, int points) implements Outcome {}

    /** The member's earlier post was replaced; the answer stays counted once. */
    record Edited(long guild, long thread, long message) implements Outcome {}

    /** Kept for the reveal at {@code revealAt}; {@code first} false when it replaced an earlier one. */
    record Saved(Instant revealAt, boolean first) implements Outcome {}

    /** The blind answers were revealed: the round takes votes now, no answers. */
    record Revealed() implements Outcome {}

    record Closed() implements Outcome {}

    record TooShort(int minChars) implements Outcome {}

    record TooLong(int maxChars) implements Outcome {}

    /** No round of that date (or its thread is not there yet). */
    record NoRound() implements Outcome {}

    Outcome submit(Submission s) {
        int min = scores.rules(s.guild()).minAnswerChars();
        if (s.text().codePointCount(0, s.text().length()) > TEXT_MAX) {
            return new TooLong(TEXT_MAX);
        }
        if (!AnswerText.qualifies(s.text(), min)) {
            return new TooShort(min);
        }
        Optional<RoundRef> found = rounds.byDate(s.guild(), s.date());
        if (found.isEmpty()) {
            return new NoRound();
        }
        RoundRef round = found.get();
        Instant now = clock.instant();
        if (!now.isBefore(s.closes())
                || rounds.openAt(s.guild(), round.threadId(), now).isEmpty()) {
            return new Closed();
        }
        if (store.mode(s.guild()) == AnswerMode.BLIND) {
            Duration keep = Duration.between(now, s.closes()).plus(KEEP_BLIND_AFTER_CLOSE);
            return switch (store.saveBlind(s.guild(), s.date(), s.member(), s.name(), s.text(), keep)) {
                case SAVED -> new Saved(revealAt(s.guild(), round.opensAt(), s.closes()), true);
                case UPDATED -> new Saved(revealAt(s.guild(), round.opensAt(), s.closes()), false);
                case REVEALED -> new Revealed();
            };
        }
        FormAnswer answer = new FormAnswer(s.member(), s.name(), s.text(), false);
        synchronized (memberLocks[Math.floorMod(Long.hashCode(s.member()), memberLocks.length)]) {
            OptionalLong earlier = store.postedFor(s.guild(), s.date(), s.member());
            if (earlier.isPresent() && poster.edit(s.guild(), round.threadId(), earlier.getAsLong(), answer)) {
                // Scored again by the same event id: nothing changes, unless scoring the first one failed.
                answers.recordFormAnswer(round, earlier.getAsLong(), s.member(), s.name());
                return new Edited(s.guild(), round.threadId(), earlier.getAsLong());
            }
            long message = poster.post(
                    s.guild(), round.threadId(), answer, nonce("form:" + s.member() + ":" + earlier.orElse(0), s));
            // Recorded before scoring: a failure from here on leaves a post the next submission edits.
            store.posted(s.guild(), s.date(), s.member(), message, KEEP_POSTED);
            ScoreChange change = answers.recordFormAnswer(round, message, s.member(), s.name());
            return new Posted(
                    s.guild(),
                    round.threadId(),
                    message,
                    change,
                    scores.rules(s.guild()).answer());
        }
    }

    /**
     * Posts a round's blind answers into its thread, in the order they were first submitted, scores each and
     * deletes its text. Can run again after a failure halfway: an answer already posted is not posted again
     * (its message is recorded before it is scored, and its text deleted last).
     *
     * @return how many answers were posted now
     */
    int reveal(long guild, String date) {
        Optional<RoundRef> found = rounds.byDate(guild, date);
        if (found.isEmpty()) {
            return 0;
        }
        RoundRef round = found.get();
        int posted = 0;
        List<AnswerForms.Waiting> waiting = store.beginReveal(guild, date);
        for (AnswerForms.Waiting w : waiting) {
            OptionalLong earlier = store.postedFor(guild, date, w.member());
            long message;
            if (earlier.isPresent()) {
                message = earlier.getAsLong();
            } else {
                message = poster.post(
                        guild,
                        round.threadId(),
                        new FormAnswer(w.member(), w.name(), w.text(), true),
                        nonce("blind:" + w.member(), guild, date));
                store.posted(guild, date, w.member(), message, KEEP_POSTED);
                posted++;
            }
            answers.recordFormAnswer(round, message, w.member(), w.name());
            store.dropText(guild, date, w.member());
        }
        return posted;
    }

    /** Whether a round has a reveal to fire: the guild is in blind mode, or the round kept blind answers. */
    boolean revealOwed(long guild, String date) {
        return store.mode(guild) == AnswerMode.BLIND || store.hasBlind(guild, date);
    }

    /**
     * When a round's blind answers are revealed: the guild's reveal before the close (never before the
     * opening), or half-way through the round.
     */
    Instant revealAt(long guild, Instant opens, Instant closes) {
        Optional<Duration> before = store.reveal(guild);
        if (before.isEmpty()) {
            return opens.plus(Duration.between(opens, closes).dividedBy(2));
        }
        Instant at = closes.minus(before.get());
        return at.isBefore(opens) ? opens : at;
    }

    private static String nonce(String what, Submission s) {
        return nonce(what, s.guild(), s.date());
    }

    /** A Discord nonce (at most 25 characters), the same for every retry of the same post. */
    static String nonce(String what, long guild, String date) {
        UUID hash = UUID.nameUUIDFromBytes((what + ":" + guild + ":" + date).getBytes(StandardCharsets.UTF_8));
        return Long.toUnsignedString(hash.getMostSignificantBits(), 36);
    }
}
