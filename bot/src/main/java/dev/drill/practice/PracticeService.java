package dev.drill.practice;

import dev.drill.content.Level;
import dev.drill.content.Question;
import dev.drill.content.QuestionBank;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/** Picks unscored practice questions from the bank, by level and topic. */
@Service
public final class PracticeService {

    private final QuestionBank bank;
    private final RandomGenerator random;

    @Autowired
    PracticeService(QuestionBank bank) {
        this(bank, RandomGenerator.getDefault());
    }

    PracticeService(QuestionBank bank, RandomGenerator random) {
        this.bank = bank;
        this.random = random;
    }

    /**
     * A random question matching both filters (either may be absent), never {@code openNow}: the question of
     * the guild's open round is answered in its thread, not drawn as practice. Empty when nothing else
     * matches.
     */
    public Optional<Question> pick(Optional<Level> level, Optional<String> topic, Optional<String> openNow) {
        List<Question> pool = matching(level, topic).stream()
                .filter(q -> openNow.map(open -> !q.id().equals(open)).orElse(true))
                .toList();
        return pool.isEmpty() ? Optional.empty() : Optional.of(pool.get(random.nextInt(pool.size())));
    }

    public List<Question> matching(Optional<Level> level, Optional<String> topic) {
        return bank.all().stream()
                .filter(q -> level.map(l -> q.level() == l).orElse(true))
                .filter(q -> topic.map(t -> q.topics().contains(t)).orElse(true))
                .toList();
    }

    /** Topics that do have questions at a level, to suggest when a combination has none. */
    public List<String> topicsAt(Optional<Level> level) {
        return bank.topics().stream()
                .filter(t -> !matching(level, Optional.of(t)).isEmpty())
                .toList();
    }

    public List<String> topics() {
        return bank.topics();
    }

    public Optional<Question> byId(String id) {
        return bank.byId(id);
    }

    /**
     * Questions for the {@code question} option: by id, by {@code level/number} or a bare number, or by words
     * of the prompt (all of them, in any order), best matches first.
     */
    public List<Question> find(String typed) {
        String text = typed.strip().toLowerCase(java.util.Locale.ROOT);
        if (text.isEmpty()) {
            return bank.all();
        }
        java.util.Optional<Question> exact = bank.byId(text);
        if (exact.isPresent()) {
            return List.of(exact.get());
        }
        List<String> words = List.of(text.split("[\\s/#]+"));
        return bank.all().stream()
                .filter(q -> words.stream()
                        .allMatch(w -> q.id().contains(w)
                                || q.level().id().startsWith(w)
                                || Integer.toString(q.number()).equals(w)
                                || q.prompt().toLowerCase(java.util.Locale.ROOT).contains(w)))
                .toList();
    }
}
