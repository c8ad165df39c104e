package dev.drill.content;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every loaded question, looked up by id, level or topic. Immutable once loaded. */
public final class QuestionBank {

    private final List<Pack> packs;
    private final List<Question> questions;
    private final Map<String, Question> byId;

    QuestionBank(List<Pack> packs, List<Question> questions) {
        this.packs = List.copyOf(packs);
        this.questions = questions.stream()
                .sorted(Comparator.comparing(Question::level).thenComparing(Question::number))
                .toList();
        this.byId = this.questions.stream().collect(Collectors.toUnmodifiableMap(Question::id, Function.identity()));
    }

    public List<Pack> packs() {
        return packs;
    }

    public List<Question> all() {
        return questions;
    }

    public Optional<Question> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The questions of a level, in the order of their source list. */
    public List<Question> byLevel(Level level) {
        return questions.stream().filter(q -> q.level() == level).toList();
    }

    public List<Question> byTopic(String topic) {
        return questions.stream().filter(q -> q.topics().contains(topic)).toList();
    }

    /** The topic vocabulary of every pack, in the order the packs list it. */
    public List<String> topics() {
        return List.copyOf(
                packs.stream().flatMap(p -> p.topics().stream()).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    public int size() {
        return questions.size();
    }
}
