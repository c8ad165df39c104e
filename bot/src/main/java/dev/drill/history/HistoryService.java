package dev.drill.history;

import dev.drill.content.GuildQuestions;
import dev.drill.content.Level;
import dev.drill.content.Question;
import dev.drill.round.RoundStore;
import dev.drill.score.CountedAnswer;
import dev.drill.score.RecapScores;
import dev.drill.score.RoundRef;
import dev.drill.score.ScoreService;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The guild's past rounds, newest first: what was asked, who answered, the best answer, where the thread is. */
@Service
public final class HistoryService {

    static final int PAGE_SIZE = 10;

    private final RoundStore rounds;
    private final ScoreService scores;
    private final GuildQuestions questions;

    HistoryService(RoundStore rounds, ScoreService scores, GuildQuestions questions) {
        this.rounds = rounds;
        this.scores = scores;
        this.questions = questions;
    }

    /**
     * One past round. {@code question} is empty when the question was since removed; {@code best} is the awarded
     * answer, else the most-voted one with a vote.
     */
    public record Entry(
            RoundRef round,
            Optional<Question> question,
            boolean skipped,
            int participants,
            Optional<CountedAnswer> best) {}

    /** A page (1-based) of the rounds that match the filters, with the page count. */
    public record Page(List<Entry> entries, int page, int pages, int total) {}

    /** Past rounds (closed or skipped, newest first), filtered by level and topic, one page of ten. */
    public Page page(long guild, int page, Optional<Level> level, Optional<String> topic) {
        List<Past> matching = past(guild).stream()
                .filter(p -> level.isEmpty()
                        || p.question().map(q -> q.level() == level.get()).orElse(false))
                .filter(p -> topic.isEmpty()
                        || p.question()
                                .map(q -> q.topics().contains(topic.get()))
                                .orElse(false))
                .toList();
        int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int at = Math.min(Math.max(1, page), pages);
        List<Entry> entries = matching
                .subList(Math.min((at - 1) * PAGE_SIZE, matching.size()), Math.min(at * PAGE_SIZE, matching.size()))
                .stream()
                .map(p -> entry(guild, p))
                .toList();
        return new Page(entries, at, pages, matching.size());
    }

    /** Every past round that asked this question, newest first. */
    public List<Entry> ofQuestion(long guild, String questionId) {
        return past(guild).stream()
                .filter(p -> p.round().questionId().equals(questionId))
                .map(p -> entry(guild, p))
                .toList();
    }

    public Optional<Question> question(long guild, String id) {
        return questions.byId(guild, id);
    }

    private record Past(RoundRef round, Optional<Question> question) {}

    private List<Past> past(long guild) {
        return rounds.since(guild, Instant.EPOCH).stream()
                .filter(r -> !r.open())
                .sorted(Comparator.comparing(RoundRef::date).reversed())
                .map(r -> new Past(r, questions.byId(guild, r.questionId())))
                .toList();
    }

    private Entry entry(long guild, Past past) {
        RoundRef round = past.round();
        if (rounds.skipped(guild, round.date())) {
            return new Entry(round, past.question(), true, 0, Optional.empty());
        }
        RecapScores recap = scores.recap(guild, round);
        Optional<CountedAnswer> best = recap.bestAnswer()
                .or(() -> recap.topVoted().stream().filter(a -> a.votes() > 0).findFirst());
        return new Entry(round, past.question(), false, recap.participants(), best);
    }
}
