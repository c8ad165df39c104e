package dev.drill.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.redis.RedisExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("GuildQuestionStore and GuildQuestions against a real Redis")
class GuildQuestionStoreTests {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension(Duration.ofSeconds(2));

    private static final long GUILD = 7;
    private static final ContentLoader LOADER = new ContentLoader();
    private static final QuestionBank BANK = LOADER.load(dev.drill.repository.RepositoryPaths.resolve("content"));

    private final GuildQuestionStore store = new GuildQuestionStore(REDIS.template());
    private final GuildQuestions questions = new GuildQuestions(BANK, store);

    private static Question own(String id, String level) {
        return LOADER.formQuestion(id, "Prompt of " + id + "?", level, "team", "", "Point one", "Follow up?");
    }

    @Test
    @DisplayName("a question comes back as saved, its credit and key points included; per guild")
    void roundTrip() {
        Question saved = own("own-1", "fresher").suggestedBy(99);
        store.saveAll(GUILD, List.of(saved));

        assertThat(store.find(GUILD, "own-1")).contains(saved);
        assertThat(questions.byId(GUILD, "own-1")).contains(saved);
        assertThat(questions.byId(GUILD + 1, "own-1")).isEmpty();
        assertThat(questions.byId(GUILD, "message-queues")).isPresent();
    }

    @Test
    @DisplayName("a pin is taken once; removing the pinned question drops the pin")
    void pin() {
        store.saveAll(GUILD, List.of(own("own-1", "fresher"), own("own-2", "fresher")));
        store.pin(GUILD, "own-1");

        assertThat(questions.takePinned(GUILD)).map(Question::id).contains("own-1");
        assertThat(questions.takePinned(GUILD)).isEmpty();

        store.pin(GUILD, "own-2");
        assertThat(store.remove(GUILD, "own-2")).isTrue();
        assertThat(store.pinned(GUILD)).isEmpty();
        assertThat(store.remove(GUILD, "own-2")).isFalse();
    }

    @Test
    @DisplayName("the source decides the pool: bank by default, own, both; own with none falls back to the bank")
    void pool() {
        List<Level> all = List.of(Level.values());
        assertThat(store.source(GUILD)).isEqualTo(QuestionSource.BANK);
        store.setSource(GUILD, QuestionSource.OWN);
        assertThat(questions.pool(GUILD, Level.FRESHER, all)).isEqualTo(BANK.byLevel(Level.FRESHER));

        store.saveAll(GUILD, List.of(own("own-1", "fresher")));
        assertThat(questions.pool(GUILD, Level.FRESHER, all))
                .extracting(Question::id)
                .containsExactly("own-1");
        assertThat(questions.pool(GUILD, Level.EXPERIENCED, all)).isEmpty();

        store.setSource(GUILD, QuestionSource.BOTH);
        assertThat(questions.pool(GUILD, Level.FRESHER, all))
                .hasSize(BANK.byLevel(Level.FRESHER).size() + 1)
                .extracting(Question::id)
                .contains("own-1");
    }
}
