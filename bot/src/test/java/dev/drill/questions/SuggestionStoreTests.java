package dev.drill.questions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.redis.RedisExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("SuggestionStore against a real Redis")
class SuggestionStoreTests {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension(Duration.ofSeconds(2));

    private static final long GUILD = 7;
    private static final long ALICE = 11;

    private final SuggestionStore store = new SuggestionStore(REDIS.template());

    private Suggestion suggestion(long author) {
        return new Suggestion(store.nextId(GUILD), author, "Why queues?", "fresher");
    }

    @Test
    @DisplayName("at most five open suggestions per member, even when they arrive at once; a decided one frees a place")
    void atMostFiveOpen() throws Exception {
        // GIVEN twenty suggestions of alice arriving at the same time
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> store.open(GUILD, suggestion(ALICE))));
            }
            int accepted = 0;
            for (Future<Boolean> result : results) {
                accepted += result.get() ? 1 : 0;
            }
            // THEN five are recorded
            assertThat(accepted).isEqualTo(SuggestionStore.MAX_OPEN);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.openCount(GUILD, ALICE)).isEqualTo(5);
        // AND bob may still suggest
        assertThat(store.open(GUILD, suggestion(12))).isTrue();

        // WHEN one of alice's is decided, she may suggest one more
        String open = REDIS.template()
                .<String, String>opsForSet()
                .members(dev.drill.redis.Keys.openSuggestions(GUILD, ALICE))
                .iterator()
                .next();
        assertThat(store.decide(GUILD, open)).isPresent();
        assertThat(store.open(GUILD, suggestion(ALICE))).isTrue();
        assertThat(store.open(GUILD, suggestion(ALICE))).isFalse();
    }

    @Test
    @DisplayName("a suggestion is decided once: the second decision gets nothing")
    void decidedOnce() {
        Suggestion s = suggestion(ALICE);
        store.open(GUILD, s);

        assertThat(store.decide(GUILD, s.id())).contains(s);
        assertThat(store.decide(GUILD, s.id())).isEqualTo(Optional.empty());
        assertThat(store.openCount(GUILD, ALICE)).isZero();
    }
}
