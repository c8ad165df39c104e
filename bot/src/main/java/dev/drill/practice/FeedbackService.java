package dev.drill.practice;

import dev.drill.content.GuildQuestions;
import dev.drill.content.KeyPointMatcher;
import dev.drill.content.Question;
import dev.drill.score.PointsRules;
import dev.drill.score.RoundDirectory;
import dev.drill.score.RoundRef;
import dev.drill.score.ScoreService;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Finds the member's counted answer in a round, so the Discord edge can fetch its text (Drill keeps no copy), and
 * judges that text against the question's key points and misconceptions.
 */
@Service
public final class FeedbackService {

    private final RoundDirectory rounds;
    private final ScoreService scores;
    private final GuildQuestions bank;

    private final PointsRules rules;

    FeedbackService(RoundDirectory rounds, ScoreService scores, GuildQuestions bank, PointsRules rules) {
        this.rules = rules;
        this.rounds = rounds;
        this.scores = scores;
        this.bank = bank;
    }

    /** Where the member's answer is, or the sentence to show them instead. */
    public sealed interface Lookup {}

    public record Found(RoundRef round, Question question, long threadId, long messageId) implements Lookup {}

    public record Refused(String sentence) implements Lookup {}

    /** The member's answer in the round of {@code date}, or in the latest round when date is empty. */
    public Lookup find(long guild, long member, Optional<String> date) {
        Optional<RoundRef> round = date.isPresent() ? rounds.byDate(guild, date.get()) : rounds.latest(guild);
        if (round.isEmpty()) {
            return new Refused(
                    date.isPresent()
                            ? "There was no round on " + date.get() + "."
                            : "There is no round yet: feedback comes once you have answered a daily question.");
        }
        Optional<Question> question = bank.byId(guild, round.get().questionId());
        if (question.isEmpty() || question.get().keyPoints().isEmpty()) {
            return new Refused("This round's question has no key points to compare your answer with.");
        }
        Optional<Long> answer = scores.answerOf(guild, round.get().date(), member);
        if (answer.isEmpty()) {
            return new Refused(
                    round.get().open()
                            ? "You have not answered this round yet: reply in its thread (" + rules.minAnswerChars()
                                    + "+ characters), then ask again."
                            : "You did not answer the round of " + round.get().date() + ".");
        }
        return new Found(round.get(), question.get(), round.get().threadId(), answer.get());
    }

    /** Which key points the answer mentions, with the words that show it, and which misconceptions it states. */
    public KeyPointMatcher.Coverage judge(Found found, String answer) {
        return KeyPointMatcher.judge(answer, found.question());
    }
}
