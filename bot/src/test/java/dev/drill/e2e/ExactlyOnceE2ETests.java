package dev.drill.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drill.redis.Keys;
import dev.drill.sim.RecordedRequest;
import dev.drill.sim.RestFault;
import dev.drill.sim.SimChannel;
import dev.drill.sim.SimMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

@DisplayName("End to end: exactly one question per round, across instances and crashes")
class ExactlyOnceE2ETests {

    private static final Instant MONDAY_0900 = Instant.parse("2040-12-03T08:00:00Z");
    private static final String MONDAY = "2040-12-03";

    private final BotHarness drill = BotHarness.start();

    @AfterEach
    void stop() {
        drill.close();
    }

    @Test
    @DisplayName("two instances on one Redis tick at the same moment every day: one question and one recap a day")
    void twoInstances() {
        // GIVEN Drill is set up, and a second instance runs beside the first on the same Redis and Discord
        drill.setUpDailyDrill();
        drill.startBot();
        assertThat(drill.bots()).hasSize(2);

        // WHEN both tick at the same moment at 09:00 each day, Monday to Friday, and again a minute later
        for (int day = 0; day < 5; day++) {
            Instant nine = MONDAY_0900.plus(Duration.ofDays(day));
            drill.clock().set(nine);
            drill.tickConcurrently();
            drill.clock().set(nine.plus(Duration.ofSeconds(61)));
            drill.tickConcurrently();

            // THEN each day has exactly one question, one thread, and (from Tuesday) one recap of the day before
            assertThat(questionPosts()).hasSize(day + 1);
            assertThat(drill.sim().threads(drill.dailyDrill())).hasSize(day + 1);
            assertThat(recapLinks()).hasSize(day);
        }
        assertThat(questionPosts())
                .extracting(m -> m.embedTitles().get(0).substring(0, "Daily drill · 2040-12-03".length()))
                .containsExactly(
                        "Daily drill · 2040-12-03",
                        "Daily drill · 2040-12-04",
                        "Daily drill · 2040-12-05",
                        "Daily drill · 2040-12-06",
                        "Daily drill · 2040-12-07");
        // AND every closed thread has exactly one recap
        List<SimChannel> threads = drill.sim().threads(drill.dailyDrill());
        for (SimChannel thread : threads.subList(0, 4)) {
            assertThat(drill.sim().botMessages(thread.id()))
                    .filteredOn(m -> m.embedTitles().stream().anyMatch(t -> t.startsWith("Round closed")))
                    .hasSize(1);
        }
        // AND only one question post per day ever reached Discord
        assertThat(drill.sim().requests("POST", postRoute())).hasSize(5 + 4);
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName(
            "a bot that claimed the round but failed to post, then restarted, posts once after the claim goes stale")
    void restartAfterClaimBeforePost() {
        // GIVEN Drill is set up, and Discord fails the next question post with a 500
        drill.setUpDailyDrill();
        drill.sim().failNext("POST", postRoute(), 1, RestFault.serverError(500));

        // WHEN 09:00 comes: the bot claims the round, and its post fails
        drill.clock(MONDAY_0900);
        assertThat(drill.sim().requests("POST", postRoute()))
                .extracting(RecordedRequest::status)
                .containsExactly(500);
        assertThat(questionPosts()).isEmpty();
        assertThat(redis().opsForValue().get(Keys.claim(guild(), MONDAY))).isNotNull();
        assertThat(redis().opsForHash().get(Keys.round(guild(), MONDAY), "state"))
                .isEqualTo("CLAIMED");

        // AND the bot stops before it retries, and a new one starts
        drill.restartBot();

        // WHEN 30 seconds later the new bot ticks: the claim is still fresh, it might be a live instance's
        drill.advance(Duration.ofSeconds(30));
        // THEN it does not post yet
        assertThat(questionPosts()).isEmpty();

        // WHEN the claim is more than 60 seconds old
        drill.advance(Duration.ofSeconds(31));

        // THEN the new bot took it over and posted exactly one question with its thread
        assertThat(questionPosts()).hasSize(1);
        assertThat(drill.sim().threads(drill.dailyDrill())).hasSize(1);
        assertThat(drill.sim().requests("POST", postRoute()))
                .extracting(RecordedRequest::status)
                .containsExactly(500, 200);
        assertThat(redis().opsForHash().get(Keys.round(guild(), MONDAY), "state"))
                .isEqualTo("OPEN");
        drill.sim().assertNoProblems();
    }

    @Test
    @DisplayName("a post that reached Discord but was never recorded is adopted after a restart, not posted again")
    void restartAfterPostBeforeRecord() {
        restartAfterPostBeforeRecord(Duration.ofSeconds(61));
    }

    @Test
    @DisplayName("the same, retried after Discord's nonce window: still one question (found by its marker)")
    void retryAfterNonceWindow() {
        restartAfterPostBeforeRecord(Duration.ofMinutes(10));
    }

    private void restartAfterPostBeforeRecord(Duration until) {
        // GIVEN Monday's question was posted with its thread
        drill.setUpDailyDrill();
        drill.clock(MONDAY_0900);
        SimMessage posted = questionPosts().get(0);

        // AND Redis looks as if the bot died right after Discord answered, before recording it:
        // the round is still only claimed, without message or thread, and its due time is still 09:00
        StringRedisTemplate redis = redis();
        String round = Keys.round(guild(), MONDAY);
        redis.opsForHash().put(round, "state", "CLAIMED");
        redis.opsForHash().delete(round, "message", "thread");
        redis.opsForHash().delete(Keys.state(guild()), "current");
        redis.opsForHash().delete(Keys.threads(guild()), posted.id());
        redis.opsForZSet().add(Keys.due(), drill.guild().id(), MONDAY_0900.toEpochMilli());

        // WHEN a new bot starts and ticks once the dead bot's claim is stale
        drill.restartBot();
        drill.clock(drill.clock().instant().plus(until));

        // THEN it found the round's own post in the channel and adopted it instead of posting again: still one
        // question and one thread, and the round records them
        assertThat(drill.sim().requests("POST", postRoute())).hasSize(1);
        assertThat(questionPosts()).extracting(SimMessage::id).containsExactly(posted.id());
        assertThat(drill.sim().threads(drill.dailyDrill()))
                .extracting(SimChannel::id)
                .containsExactly(posted.id());
        assertThat(redis().opsForHash().get(round, "state")).isEqualTo("OPEN");
        assertThat(redis().opsForHash().get(round, "message")).isEqualTo(posted.id());
        assertThat(redis().opsForHash().get(round, "thread")).isEqualTo(posted.id());

        // AND the round closes normally the next day, in that thread
        drill.clock(MONDAY_0900.plus(Duration.ofDays(1)));
        assertThat(drill.sim().channel(posted.id()).orElseThrow().locked()).isTrue();
        assertThat(questionPosts()).hasSize(2);
        drill.sim().assertNoProblems();
    }

    private long guild() {
        return Long.parseLong(drill.guild().id());
    }

    private StringRedisTemplate redis() {
        return drill.redis();
    }

    private String postRoute() {
        return "/channels/" + drill.dailyDrill() + "/messages";
    }

    private List<SimMessage> channelMessages() {
        return drill.sim().botMessages(drill.dailyDrill()).stream()
                .filter(m -> !m.ephemeral())
                .toList();
    }

    private List<SimMessage> questionPosts() {
        return channelMessages().stream()
                .filter(m -> m.embedTitles().stream().anyMatch(t -> t.startsWith("Daily drill")))
                .toList();
    }

    private List<SimMessage> recapLinks() {
        return channelMessages().stream()
                .filter(m -> m.content().startsWith("The round of "))
                .toList();
    }
}
