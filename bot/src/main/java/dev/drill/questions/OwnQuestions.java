package dev.drill.questions;

import dev.drill.content.ContentException;
import dev.drill.content.ContentLoader;
import dev.drill.content.GuildQuestionStore;
import dev.drill.content.GuildQuestions;
import dev.drill.content.Question;
import dev.drill.content.QuestionBank;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The admin and member use cases of a guild's own questions: add one, import a file, list, remove, pin the
 * next round's question, and suggestions from members with their review. Plain outcomes; the commands word
 * them.
 */
@Service
final class OwnQuestions {

    /** The largest uploaded file read, in bytes: a few dozen questions with coaching fit well below it. */
    static final int MAX_FILE_BYTES = 200 * 1024;

    static final int PAGE_SIZE = 10;

    /** The topic a suggestion gets: members give only the prompt and the level. */
    static final String SUGGESTED_TOPIC = "suggested";

    private final ContentLoader loader = new ContentLoader();
    private final QuestionBank bank;
    private final GuildQuestionStore store;
    private final GuildQuestions questions;
    private final SuggestionStore suggestions;

    OwnQuestions(QuestionBank bank, GuildQuestionStore store, GuildQuestions questions, SuggestionStore suggestions) {
        this.bank = bank;
        this.store = store;
        this.questions = questions;
        this.suggestions = suggestions;
    }

    /** A question was saved, or the sentence why not. */
    record Saved(Optional<Question> question, String refusal) {
        static Saved refused(String refusal) {
            return new Saved(Optional.empty(), refusal);
        }
    }

    /** Adds a question typed into the form; checked as a file's question would be. */
    Saved add(
            long guild, String prompt, String level, String topics, String model, String keyPoints, String followUps) {
        if (store.count(guild) >= GuildQuestionStore.MAX_QUESTIONS) {
            return Saved.refused(full());
        }
        Question question;
        try {
            question = loader.formQuestion(store.nextId(guild), prompt, level, topics, model, keyPoints, followUps);
        } catch (ContentException e) {
            return Saved.refused(e.getMessage());
        }
        store.saveAll(guild, List.of(question));
        return new Saved(Optional.of(question), null);
    }

    /** What an import did: the questions saved, or every error that refused the file. */
    record Imported(List<Question> saved, List<String> errors) {}

    Imported importFile(long guild, String fileName, String text) {
        Set<String> own = store.all(guild).stream().map(Question::id).collect(Collectors.toSet());
        Set<String> bankIds = bank.all().stream().map(Question::id).collect(Collectors.toSet());
        List<Question> read;
        try {
            read = loader.importQuestions(new ContentLoader.Source(fileName, text), bankIds, own);
        } catch (ContentLoader.ImportRefused e) {
            return new Imported(List.of(), e.errors());
        }
        Set<String> after = new HashSet<>(own);
        read.forEach(q -> after.add(q.id()));
        if (after.size() > GuildQuestionStore.MAX_QUESTIONS) {
            return new Imported(List.of(), List.of(full()));
        }
        store.saveAll(guild, read);
        return new Imported(read, List.of());
    }

    /** One page of the guild's own questions (1-based), with the page count. */
    record Page(List<Question> questions, int page, int pages, int total) {}

    Page list(long guild, int page) {
        List<Question> all = store.all(guild);
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int at = Math.min(Math.max(page, 1), pages);
        List<Question> shown =
                all.subList(Math.min((at - 1) * PAGE_SIZE, all.size()), Math.min(at * PAGE_SIZE, all.size()));
        return new Page(List.copyOf(shown), at, pages, all.size());
    }

    boolean remove(long guild, String id) {
        return store.remove(guild, id);
    }

    /** Pins a bank or own question for the next round; empty when no question has that id. */
    Optional<Question> pinNext(long guild, String id) {
        Optional<Question> question = questions.byId(guild, id);
        question.ifPresent(q -> store.pin(guild, q.id()));
        return question;
    }

    long reviewChannel(long guild) {
        return store.reviewChannel(guild);
    }

    /** A suggestion recorded for review, or the sentence why not. */
    record Suggested(Optional<Suggestion> suggestion, String refusal) {}

    Suggested suggest(long guild, long author, String prompt, String level) {
        if (store.reviewChannel(guild) == 0) {
            return new Suggested(Optional.empty(), NO_REVIEW_CHANNEL);
        }
        try {
            // The same checks as the question it becomes once approved, so a reviewer never approves a broken one.
            loader.formQuestion("suggestion", prompt, level, SUGGESTED_TOPIC, "", "", "");
        } catch (ContentException e) {
            return new Suggested(Optional.empty(), e.getMessage());
        }
        Suggestion suggestion = new Suggestion(
                suggestions.nextId(guild), author, prompt.strip(), level.strip().toLowerCase(java.util.Locale.ROOT));
        if (!suggestions.open(guild, suggestion)) {
            return new Suggested(
                    Optional.empty(),
                    "You already have " + SuggestionStore.MAX_OPEN + " suggestions waiting for review; suggest"
                            + " more once the reviewers have decided on them.");
        }
        return new Suggested(Optional.of(suggestion), null);
    }

    static final String NO_REVIEW_CHANNEL = "Suggestions are not open here yet: an admin first sets a review channel"
            + " with `/drill-admin setup review-channel:#channel`.";

    /** What a reviewer's decision did. */
    sealed interface Decision {
        /** Another reviewer decided it first, or it never existed. */
        record Gone() implements Decision {}

        record Approved(Suggestion suggestion, Question question) implements Decision {}

        record Rejected(Suggestion suggestion) implements Decision {}

        /** The edited text does not pass the checks; the suggestion stays open. */
        record Invalid(String refusal) implements Decision {}
    }

    /** Approves a suggestion, as written or as edited ({@code prompt} and {@code level} not null). */
    Decision approve(long guild, String id, String prompt, String level) {
        Optional<Suggestion> open = suggestions.find(guild, id);
        if (open.isEmpty()) {
            return new Decision.Gone();
        }
        String finalPrompt = prompt == null ? open.get().prompt() : prompt;
        String finalLevel = level == null ? open.get().level() : level;
        if (store.count(guild) >= GuildQuestionStore.MAX_QUESTIONS) {
            return new Decision.Invalid(full());
        }
        Question question;
        try {
            question = loader.formQuestion(store.nextId(guild), finalPrompt, finalLevel, SUGGESTED_TOPIC, "", "", "");
        } catch (ContentException e) {
            return new Decision.Invalid(e.getMessage());
        }
        Optional<Suggestion> taken = suggestions.decide(guild, id);
        if (taken.isEmpty()) {
            return new Decision.Gone();
        }
        Question credited = question.suggestedBy(taken.get().author());
        store.saveAll(guild, List.of(credited));
        return new Decision.Approved(taken.get(), credited);
    }

    Decision reject(long guild, String id) {
        return suggestions
                .decide(guild, id)
                .<Decision>map(Decision.Rejected::new)
                .orElseGet(Decision.Gone::new);
    }

    private static String full() {
        return "This server already has " + GuildQuestionStore.MAX_QUESTIONS + " own questions, the most I keep;"
                + " remove some first.";
    }
}
