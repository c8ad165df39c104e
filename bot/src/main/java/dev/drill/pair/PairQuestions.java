package dev.drill.pair;

import dev.drill.content.Level;
import dev.drill.content.Question;
import dev.drill.content.QuestionBank;
import dev.drill.score.RoundDirectory;
import dev.drill.score.RoundRef;
import dev.drill.score.ScoreService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The question an interviewer asks their partner: from the bank, at the partner's level (the level of the
 * last round they answered, else one of the guild's levels), not one the partner answered in the weeks
 * {@code /drill stats} covers, and with coaching content (key points, follow-ups) when the level has some.
 */
@Component
class PairQuestions {

    private final QuestionBank bank;
    private final ScoreService scores;
    private final RoundDirectory rounds;

    PairQuestions(QuestionBank bank, ScoreService scores, RoundDirectory rounds) {
        this.bank = bank;
        this.scores = scores;
        this.rounds = rounds;
    }

    /**
     * The question id for the partner, or empty when the bank has none; {@code avoid} are ids already given in
     * this group (two interviewers of one group get different questions when the bank allows).
     */
    String pick(long guild, long partner, List<Level> guildLevels, long seed, Set<String> avoid) {
        List<LocalDate> answered =
                new ArrayList<>(scores.progress(guild, partner).answered());
        answered.sort(Comparator.reverseOrder());
        Set<String> recent = new HashSet<>(avoid);
        Optional<Level> latest = Optional.empty();
        for (LocalDate date : answered) {
            Optional<Question> asked = rounds.byDate(guild, date.toString())
                    .map(RoundRef::questionId)
                    .flatMap(bank::byId);
            if (asked.isPresent()) {
                recent.add(asked.get().id());
                latest = latest.or(() -> Optional.of(asked.get().level()));
            }
        }
        Level level = latest.orElseGet(() -> guildLevels.isEmpty()
                ? Level.values()[(int) Math.floorMod(seed, Level.values().length)]
                : guildLevels.get((int) Math.floorMod(seed, guildLevels.size())));
        List<Question> atLevel = bank.byLevel(level).isEmpty() ? bank.all() : bank.byLevel(level);
        List<Question> fresh =
                atLevel.stream().filter(q -> !recent.contains(q.id())).toList();
        List<Question> coached = fresh.stream().filter(Question::hasCoaching).toList();
        List<Question> choice = !coached.isEmpty() ? coached : !fresh.isEmpty() ? fresh : atLevel;
        if (choice.isEmpty()) {
            return "";
        }
        return choice.get((int) Math.floorMod(seed, choice.size())).id();
    }
}
